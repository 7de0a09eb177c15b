import type { CourtDirectory } from '../courts/directory/types.ts';
import { DEFAULT_LAYOUT, type Layout } from '../courts/layouts.ts';
import type { Database, Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { CrawlJob, NewJob } from './job.ts';
import { monthWindows } from './plan.ts';
import type { RobotsRecord } from './robots.ts';
import type { Settlement } from './settle.ts';
import { type DateAxis, listUrl } from './urls.ts';

export interface PlanCourt {
  vnkod: string;
  host: string;
  layout: Layout;
}

/**
 * The courts a plan covers: those named (any type), else every garrison court — current ones with a court code and a
 * host only; the first `limit` of them when given. None: a coded usage error.
 */
export function planCourts(directory: CourtDirectory, choice: { courts?: readonly string[] | undefined; limit?: number | undefined }): PlanCourt[] {
  const wanted = choice.courts;
  const courts = directory.courts
    .filter((c) => c.vnkod && c.host && !c.onlyInOldList && (wanted ? wanted.includes(c.vnkod) : c.type === 'garrison'))
    .slice(0, choice.limit)
    .map((c) => ({ vnkod: c.vnkod as string, host: c.host as string, layout: c.layout ?? DEFAULT_LAYOUT }));
  if (courts.length === 0) throw new OtkazError(ErrorCode.Usage, 'no court matches', { where: 'courts' });
  return courts;
}

export interface PlanRequest {
  courts: PlanCourt[];
  articles: readonly string[];
  from: string;
  to: string;
  axis?: DateAxis;
  /** Re-run list windows ending on or after this date, and the cards of open cases received since (incremental re-crawl). */
  refreshSince?: string | null;
}

const JOB_COLUMNS = 'id, kind, court_vnkod, host, url, article, axis, window_from, window_to, page, parent_id, act_case, attempts';

/** Adds the plan's first list pages (one per court × article × month) and the hosts; existing URLs are kept. */
export async function planCrawl(db: Database, request: PlanRequest): Promise<{ created: number; refreshed: number }> {
  const axis = request.axis ?? 'receipt';
  const rows = request.courts.flatMap((court) =>
    request.articles.flatMap((article) =>
      monthWindows(request.from, request.to).map((w) => ({
        kind: 'list',
        court_vnkod: court.vnkod,
        host: court.host,
        article,
        axis,
        window_from: w.from,
        window_to: w.to,
        page: 1,
        url: listUrl({ host: court.host, layout: court.layout, vnkod: court.vnkod, article, axis, from: w.from, to: w.to, page: 1 }),
      })),
    ),
  );
  return db.transaction(async (tx) => {
    await tx.query(
      `insert into crawl_hosts (host, court_vnkod) select x.host, x.vnkod from json_to_recordset($1::json) as x(host text, vnkod text)
       on conflict (host) do nothing`,
      [JSON.stringify(request.courts.map((c) => ({ host: c.host, vnkod: c.vnkod })))],
    );
    const created = await tx.query<{ id: number }>(
      `insert into crawl_jobs (kind, court_vnkod, host, url, article, axis, window_from, window_to, page)
       select x.kind, x.court_vnkod, x.host, x.url, x.article, x.axis, x.window_from, x.window_to, x.page
       from json_to_recordset($1::json) as x(kind text, court_vnkod text, host text, url text, article text, axis text, window_from date, window_to date, page int)
       on conflict (url) do nothing returning id`,
      [JSON.stringify(rows)],
    );
    let refreshed = 0;
    if (request.refreshSince) {
      const again = await tx.query<{ id: number }>(
        `update crawl_jobs set state = 'pending', attempts = 0, next_run_at = now(), updated_at = now()
         where kind = 'list' and window_to >= $1 and state in ('done', 'failed') and host = any($2) returning id`,
        [request.refreshSince, request.courts.map((c) => c.host)],
      );
      // Open cases (no outcome yet) are visited again to catch hearings, verdicts and appeals.
      const open = await tx.query<{ id: number }>(
        `update crawl_jobs j set state = 'pending', attempts = 0, next_run_at = now(), updated_at = now()
         where j.kind = 'card' and j.state in ('done', 'failed') and j.host = any($1)
           and exists (select 1 from case_history h join cases c on c.id = h.case_id
                       where h.capture_id = j.capture_id and c.outcome is null and c.receipt_date >= $2)
         returning j.id`,
        [request.courts.map((c) => c.host), request.refreshSince],
      );
      refreshed = again.length + open.length;
    }
    return { created: created.length, refreshed };
  });
}

export interface ClaimOptions {
  worker: string;
  now: Date;
  dailyCap: number;
}

/**
 * Takes the next job whose host may be asked now: not in flight, paced, not backed off, not blocked, not
 * waiting for a captcha (but its search form, which fetches one, may run), under its daily cap. Row locks with
 * SKIP LOCKED let several workers share one PostgreSQL. The host is marked in flight in the same transaction; its
 * pacing slot is taken only when a request actually starts (`recordRequest`), so a job robots.txt forbids takes none.
 */
export async function claimJob(db: Database, options: ClaimOptions): Promise<CrawlJob | null> {
  const now = options.now.toISOString();
  const day = now.slice(0, 10);
  return db.transaction(async (tx) => {
    const [job] = await tx.query<CrawlJob>(
      `select ${JOB_COLUMNS.split(', ')
        .map((c) => `j.${c}`)
        .join(', ')}
       from crawl_jobs j join crawl_hosts h on h.host = j.host
       where j.state = 'pending' and j.next_run_at <= $1 and not h.in_flight and h.next_allowed_at <= $1
         and (h.backoff_until is null or h.backoff_until <= $1) and h.blocked_reason is null
         and (not h.captcha_needed or j.kind = 'form')
         and (h.day is distinct from $2::date or h.requests_today < $3)
       order by j.next_run_at, j.id
       limit 1
       for update of j, h skip locked`,
      [now, day, options.dailyCap],
    );
    if (!job) return null;
    await tx.query(`update crawl_jobs set state = 'running', claimed_by = $2, claimed_at = $3, attempts = attempts + 1, updated_at = $3 where id = $1`, [
      job.id,
      options.worker,
      now,
    ]);
    await tx.query('update crawl_hosts set in_flight = true where host = $1', [job.host]);
    return { ...job, attempts: job.attempts + 1 };
  });
}

/**
 * A request to the host starts now: its next one is not before `startedAt + gapMs` (start to start; one
 * millisecond more, since the start was read in whole milliseconds), and it counts against the daily cap. Written
 * before the request goes out, so a worker that dies mid-request leaves the slot taken.
 */
export async function recordRequest(db: Queryable, host: string, startedAt: Date, gapMs: number, count: boolean): Promise<void> {
  const day = startedAt.toISOString().slice(0, 10);
  const slot = `greatest(next_allowed_at, $2::timestamptz + ($3 || ' milliseconds')::interval)`;
  if (!count) {
    await db.query(`update crawl_hosts set next_allowed_at = ${slot} where host = $1`, [host, startedAt.toISOString(), String(Math.ceil(gapMs) + 1)]);
    return;
  }
  await db.query(
    `update crawl_hosts set next_allowed_at = ${slot},
       requests_today = case when day is distinct from $4::date then 1 else requests_today + 1 end, day = $4::date
     where host = $1`,
    [host, startedAt.toISOString(), String(Math.ceil(gapMs) + 1), day],
  );
}

/** A job handed back untouched (its host's robots.txt was read in its slot instead): pending again, the attempt uncounted. */
export async function handBack(db: Database, job: CrawlJob, hostBackoff: { until: string; reason: string } | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`update crawl_jobs set state = 'pending', attempts = greatest(0, attempts - 1), updated_at = now() where id = $1`, [job.id]);
    if (hostBackoff)
      await tx.query('update crawl_hosts set in_flight = false, backoff_until = $2, backoff_reason = $3 where host = $1', [
        job.host,
        hostBackoff.until,
        hostBackoff.reason,
      ]);
    else await tx.query('update crawl_hosts set in_flight = false where host = $1', [job.host]);
  });
}

/** Jobs left running by a worker that died (kill -9): back to pending, their hosts free again. */
export async function releaseStale(db: Database, olderThan: Date | null): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ host: string }>(
      `update crawl_jobs set state = 'pending', updated_at = now()
       where state = 'running' and ($1::timestamptz is null or claimed_at < $1) returning host`,
      [olderThan?.toISOString() ?? null],
    );
    const hosts = [...new Set(rows.map((r) => r.host))];
    if (olderThan === null) await tx.query('update crawl_hosts set in_flight = false');
    else if (hosts.length > 0) await tx.query('update crawl_hosts set in_flight = false where host = any($1)', [hosts]);
    return rows.length;
  });
}

/** Adds jobs (existing URLs are kept), and the hosts they name that the crawl does not know yet (a redirect's target). */
export async function enqueue(tx: Queryable, jobs: NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  await tx.query(
    `insert into crawl_hosts (host, court_vnkod) select distinct on (x.host) x.host, x.court_vnkod from json_to_recordset($1::json) as x(host text, court_vnkod text)
     on conflict (host) do nothing`,
    [JSON.stringify(jobs.map((j) => ({ host: j.host, court_vnkod: j.court_vnkod })))],
  );
  const rows = await tx.query<{ id: number }>(
    `insert into crawl_jobs (kind, court_vnkod, host, url, article, axis, window_from, window_to, page, parent_id, act_case)
     select x.kind, x.court_vnkod, x.host, x.url, x.article, x.axis, x.window_from, x.window_to, x.page, x.parent_id, x.act_case
     from json_to_recordset($1::json) as x(kind text, court_vnkod text, host text, url text, article text, axis text, window_from date, window_to date, page int, parent_id bigint, act_case jsonb)
     on conflict (url) do nothing returning id`,
    [JSON.stringify(jobs)],
  );
  return rows.length;
}

export interface CrawlStatusRow {
  host: string;
  court_vnkod: string | null;
  done: number;
  pending: number;
  running: number;
  failed: number;
  last_success_at: string | null;
  backoff_until: string | null;
  backoff_reason: string | null;
  blocked_reason: string | null;
  captcha_needed: boolean;
  last_error: string | null;
  expected_rows: number | null;
  rows_found: number | null;
}

/** Per court: progress, last success, backoff, block reason, captcha; and the list counters against rows read. */
export async function crawlStatus(db: Queryable): Promise<CrawlStatusRow[]> {
  return db.query<CrawlStatusRow>(
    `select h.host, h.court_vnkod,
            count(*) filter (where j.state = 'done')::int as done,
            count(*) filter (where j.state = 'pending')::int as pending,
            count(*) filter (where j.state = 'running')::int as running,
            count(*) filter (where j.state = 'failed')::int as failed,
            h.last_success_at, h.backoff_until, h.backoff_reason, h.blocked_reason, h.captcha_needed, h.last_error,
            sum(j.total_rows) filter (where j.kind = 'list' and j.page = 1 and j.result_kind = 'case_list')::int as expected_rows,
            sum(j.rows_found) filter (where j.kind = 'list')::int as rows_found
     from crawl_hosts h left join crawl_jobs j on j.host = h.host
     group by h.host order by h.host`,
  );
}

/**
 * Writes a job's next state (from `settle`) and frees its host, in the caller's transaction — the same one that
 * stored the page, so a crash between the two cannot happen. Jobs the site (not the request) held up — back-off,
 * block, captcha — do not count the attempt.
 */
export async function applySettlement(tx: Queryable, job: CrawlJob, s: Settlement): Promise<void> {
  const reschedule = (state: 'pending' | 'failed', runAt: string, reason: string, uncount: boolean) =>
    tx.query(`update crawl_jobs set state = $2, next_run_at = $3, last_error = $4, attempts = attempts - $5, updated_at = now() where id = $1`, [
      job.id,
      state,
      runAt,
      reason,
      uncount ? 1 : 0,
    ]);
  const host = (sql: string, params: unknown[]) => tx.query(`update crawl_hosts set in_flight = false${sql} where host = $1`, [job.host, ...params]);
  const hostError = (error: string | null) => (error === null ? host('', []) : host(', last_error = $2', [error]));
  switch (s.state) {
    case 'done':
      await enqueue(tx, s.follow);
      await tx.query(
        `update crawl_jobs set state = 'done', result_kind = $2, capture_id = $3, total_rows = $4, rows_found = $5, last_error = null, updated_at = now() where id = $1`,
        [job.id, s.resultKind, s.captureId, s.totalRows, s.rowsFound],
      );
      await host(', last_success_at = $2, last_error = null', [s.succeededAt]);
      return;
    case 'retry':
      await reschedule('pending', s.runAt, s.reason, false);
      await hostError(s.hostError);
      return;
    case 'backoff':
      await host(', backoff_until = $2, backoff_reason = $3', [s.runAt, s.hostReason]);
      await reschedule('pending', s.runAt, s.reason, true);
      return;
    case 'blocked':
      await host(', blocked_reason = $2', [s.hostReason]);
      await reschedule('pending', s.runAt, s.reason, true);
      return;
    case 'captcha_needed':
      await host(', captcha_needed = true, captcha_answer = null', []);
      await reschedule('pending', s.runAt, s.reason, true);
      if (s.form) await enqueueForm(tx, s.form);
      return;
    case 'failed':
      // A run time or the capture it stopped on: each is written only when the settlement names it.
      await tx.query(
        `update crawl_jobs set state = 'failed', next_run_at = coalesce($2::timestamptz, next_run_at), last_error = $3,
           result_kind = coalesce($4::text, result_kind), capture_id = coalesce($5::bigint, capture_id), updated_at = now() where id = $1`,
        [job.id, s.runAt, s.reason, s.capture?.kind ?? null, s.capture?.id ?? null],
      );
      await hostError(s.hostError);
      return;
    default: {
      const unreachable: never = s;
      throw new Error(`unhandled settlement ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The host's search-form job, pending again if it ran before (each captcha needs a new image, in a new session). */
async function enqueueForm(tx: Queryable, form: NewJob): Promise<void> {
  await enqueue(tx, [form]);
  await tx.query(
    `update crawl_jobs set state = 'pending', attempts = 0, next_run_at = now(), updated_at = now() where url = $1 and state in ('done', 'failed')`,
    [form.url],
  );
}

/**
 * When a pending job could run next (ISO-ish text from the database), and how many run now. `next` is null
 * when none can run without a person (captcha, block) or none is left.
 */
export async function nextRunnable(db: Queryable): Promise<{ next: string | null; running: number } | null> {
  const [row] = await db.query<{ next: string | null; running: number }>(
    `select min(greatest(j.next_run_at, h.next_allowed_at, coalesce(h.backoff_until, j.next_run_at)))::text as next,
            (select count(*) from crawl_jobs where state = 'running')::int as running
     from crawl_jobs j join crawl_hosts h on h.host = j.host
     where j.state = 'pending' and h.blocked_reason is null and (not h.captcha_needed or j.kind = 'form')`,
  );
  return row ?? null;
}

/** The host's robots.txt as last read (null: never read). */
export async function storedRobots(db: Queryable, host: string): Promise<RobotsRecord | null> {
  const [row] = await db.query<{ robots_txt: string | null; robots_status: number | null; robots_checked_at: string }>(
    'select robots_txt, robots_status, robots_checked_at from crawl_hosts where host = $1 and robots_checked_at is not null',
    [host],
  );
  return row ? { status: row.robots_status, text: row.robots_txt ?? '', checkedAt: new Date(row.robots_checked_at) } : null;
}

export async function storeRobots(db: Queryable, host: string, record: RobotsRecord, crawlDelayMs: number | null): Promise<void> {
  await db.query('update crawl_hosts set robots_txt = $2, robots_status = $3, robots_checked_at = $4, crawl_delay_ms = $5 where host = $1', [
    host,
    record.text,
    record.status,
    record.checkedAt.toISOString(),
    crawlDelayMs,
  ]);
}

/** Jobs that wait for a captcha to be answered (pending, on a host that needs one). */
export async function jobsWaitingOnCaptcha(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from crawl_jobs j join crawl_hosts h on h.host = j.host
     where j.state in ('pending', 'running') and j.kind <> 'form' and h.captcha_needed and h.blocked_reason is null`,
  );
  return row?.n ?? 0;
}
