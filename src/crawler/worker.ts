import { randomBytes } from 'node:crypto';
import type { CourtDirectory } from '../courts/directory/types.ts';
import { archiveWithFailure, type IngestFailure, type IngestInput, ingestParsed, parseInput, storeFailure } from '../courts/ingest.ts';
import type { ParsedPage } from '../courts/parse/types.ts';
import type { Database, Queryable } from '../db/database.ts';
import { type CrawlJob, claimJob, enqueue } from './jobs.ts';
import { splitWindow } from './plan.ts';
import { parseRobots, robotsAllows } from './robots.ts';
import { listUrl, searchFormUrl } from './urls.ts';
import { refreshPlannerStatistics } from '../db/maintenance.ts';

export interface CrawlerOptions {
  /** Send every request to this base instead (`https://host/p` → `<base>/host/p`): the simulator. */
  baseUrl: string | null;
  /** Names the operator and a contact; required for real crawls. */
  userAgent: string;
  pacingMs: number;
  timeoutMs: number;
  maxAttempts: number;
  /** How long a host rests after its throttle page ("Информация временно недоступна"). */
  throttleBackoffMs: number;
  /** Back-off after 429 when the site gives no Retry-After. */
  rateLimitBackoffMs: number;
  /** First retry delay for errors; doubles per attempt, with jitter. */
  retryBaseMs: number;
  dailyCap: number;
  /** At most this many requests per minute across all hosts (0: no global limit beyond the per-host pacing). */
  globalPerMinute: number;
  /** Requests in flight at once across hosts (never more than one per host). */
  concurrency: number;
  /** A window whose first page promises more pages than this is split in two. */
  maxPagesPerWindow: number;
  respectRobots: boolean;
  workerId: string;
  personKey: string;
  directory: CourtDirectory;
  /** Return when no job can run any more (all done, or waiting on a person: captcha, block). */
  stopWhenIdle: boolean;
  /** Solves a captcha image (base64 PNG); default none: the host waits in the human queue. */
  solveCaptcha?: (host: string, pngBase64: string, captchaId: string) => Promise<string | null>;
  onEvent?: (event: CrawlEvent) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

export type CrawlEvent =
  | { type: 'fetched'; job: CrawlJob; kind: string; status: number | null; ms: number }
  | { type: 'error'; job: CrawlJob; error: string }
  | { type: 'backoff'; host: string; until: string; reason: string }
  | { type: 'blocked'; host: string; reason: string }
  | { type: 'captcha'; host: string };

export const DEFAULT_CRAWLER: Omit<CrawlerOptions, 'personKey' | 'directory' | 'userAgent'> = {
  baseUrl: null,
  pacingMs: 3000,
  timeoutMs: 120_000,
  maxAttempts: 6,
  throttleBackoffMs: 30 * 60_000,
  rateLimitBackoffMs: 60_000,
  retryBaseMs: 5_000,
  dailyCap: 5000,
  globalPerMinute: 1200,
  concurrency: 8,
  maxPagesPerWindow: 20,
  respectRobots: true,
  workerId: `worker-${randomBytes(4).toString('hex')}`,
  stopWhenIdle: true,
};

interface Fetched {
  status: number;
  headers: [string, string][];
  bytes: Uint8Array;
}

function target(url: string, base: string | null): string {
  return base ? url.replace(/^https?:\/\/([^/]+)/, `${base.replace(/\/$/, '')}/$1`) : url;
}

async function httpGet(url: string, options: CrawlerOptions): Promise<Fetched> {
  const response = await fetch(target(url, options.baseUrl), {
    headers: { 'user-agent': options.userAgent, accept: 'text/html,*/*' },
    redirect: 'follow',
    signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]) : AbortSignal.timeout(options.timeoutMs),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: [...response.headers.entries()], bytes };
}

function retryAfterMs(headers: [string, string][], fallback: number, now: Date): number {
  const value = headers.find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  if (!value) return fallback;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? fallback : Math.max(0, at - now.getTime());
}

function jittered(base: number, attempts: number): number {
  const delay = base * 2 ** Math.max(0, attempts - 1);
  return Math.round(delay * (0.5 + Math.random()));
}

const at = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** Puts the job back (or gives it up as failed) with its next run time and the reason. */
async function reschedule(tx: Queryable, job: CrawlJob, runAt: string, error: string | null, state: 'pending' | 'failed' = 'pending'): Promise<void> {
  await tx.query(`update crawl_jobs set state = $2, next_run_at = $3, last_error = $4, updated_at = now() where id = $1`, [job.id, state, runAt, error]);
}

/**
 * Runs crawl jobs until none can run (or until stopped). For every response: archive, classify, parse and
 * store it, finish the job and add the jobs it leads to — in one transaction, so that a crash at any point
 * loses nothing and doubles nothing: an unfinished job simply runs again.
 */
export async function runWorker(db: Database, options: CrawlerOptions): Promise<{ requests: number; errors: number }> {
  const now = options.now ?? (() => new Date());
  const stats = { requests: 0, errors: 0 };
  const robots = new Map<string, ReturnType<typeof parseRobots>>();

  const robotsFor = async (host: string): Promise<ReturnType<typeof parseRobots>> => {
    const cached = robots.get(host);
    if (cached) return cached;
    const [row] = await db.query<{ robots_txt: string | null }>('select robots_txt from crawl_hosts where host = $1 and robots_checked_at is not null', [host]);
    let text = row?.robots_txt ?? null;
    if (text === null) {
      try {
        const r = await httpGet(`https://${host}/robots.txt`, options);
        text = r.status === 200 ? Buffer.from(r.bytes).toString('latin1') : '';
      } catch {
        text = '';
      }
      await db.query('update crawl_hosts set robots_txt = $2, robots_checked_at = now() where host = $1', [host, text]);
    }
    const rules = parseRobots(text, 'otkaz');
    robots.set(host, rules);
    return rules;
  };

  const handle = async (job: CrawlJob): Promise<void> => {
    const started = now();
    if (options.respectRobots && !robotsAllows(await robotsFor(job.host), new URL(job.url).pathname + new URL(job.url).search)) {
      await db.transaction(async (tx) => {
        await reschedule(tx, job, started.toISOString(), 'disallowed by robots.txt', 'failed');
        await tx.query('update crawl_hosts set in_flight = false where host = $1', [job.host]);
      });
      return;
    }
    let url = job.url;
    if (job.kind === 'list') {
      // Only result lists sit behind a captcha: send the host's answered one, if any.
      const [session] = await db.query<{ captcha_id: string | null; captcha_answer: string | null }>('select captcha_id, captcha_answer from crawl_hosts where host = $1', [job.host]);
      if (session?.captcha_id && session.captcha_answer) url = `${url}&captcha=${encodeURIComponent(session.captcha_answer)}&captchaid=${encodeURIComponent(session.captcha_id)}`;
    }
    let fetched: Fetched;
    try {
      fetched = await httpGet(url, options);
      stats.requests += 1;
    } catch (error) {
      stats.requests += 1;
      stats.errors += 1;
      const message = (error as Error).name === 'TimeoutError' ? `timeout after ${options.timeoutMs} ms` : `network: ${(error as Error).message}`;
      options.onEvent?.({ type: 'error', job, error: message });
      await db.transaction(async (tx) => {
        const failed = job.attempts >= options.maxAttempts;
        await reschedule(tx, job, at(now(), jittered(options.retryBaseMs, job.attempts)), message, failed ? 'failed' : 'pending');
        await tx.query('update crawl_hosts set in_flight = false, last_error = $2 where host = $1', [job.host, message]);
      });
      return;
    }
    const input: IngestInput = {
      bytes: fetched.bytes, url: job.url, retrievedAt: now().toISOString(), httpStatus: fetched.status, httpHeaders: fetched.headers,
      requestHeaders: [['User-Agent', options.userAgent]], source: 'crawl', sourceRef: `job ${job.id}`, synthetic: false,
      forCase: job.act_case,
    };
    const parsed = parseInput(input);
    options.onEvent?.({ type: 'fetched', job, kind: parsed.kind, status: fetched.status, ms: now().getTime() - started.getTime() });
    // A page the database refuses (its cases, or the links it leads to) is archived all the same and its job
    // given up with the failure's code, in the same transaction: the same bytes would be refused again. (A page
    // the parser failed on is recorded as such and settled as an unknown page: tried again later.)
    const giveUp = async (tx: Queryable, captureId: number, failure: IngestFailure): Promise<string> => {
      const reason = `${failure.code}${failure.sqlstate ? ` (SQLSTATE ${failure.sqlstate})` : ''}`;
      await tx.query(`update crawl_jobs set state = 'failed', result_kind = $2, capture_id = $3, last_error = $4, updated_at = now() where id = $1`, [job.id, parsed.kind, captureId, reason]);
      await tx.query('update crawl_hosts set in_flight = false, last_error = $2 where host = $1', [job.host, reason]);
      return reason;
    };
    let refused: string | null;
    try {
      refused = await db.transaction(async (tx) => {
        const result = await ingestParsed(tx, options.directory, input, parsed, options.personKey);
        if (result.failure?.stage === 'store') return giveUp(tx, result.captureId, result.failure);
        await settle(tx, job, parsed, result.captureId, fetched, options, now());
        return null;
      });
    } catch (error) {
      const failure = storeFailure(error);
      if (!failure) throw error;
      refused = await db.transaction(async (tx) => giveUp(tx, (await archiveWithFailure(tx, options.directory, input, parsed, failure)).captureId, failure));
    }
    if (refused !== null) {
      stats.errors += 1;
      options.onEvent?.({ type: 'error', job, error: refused });
      return;
    }
    if (parsed.kind === 'captcha_form' || parsed.kind === 'captcha_wrong') await queueCaptcha(job, parsed);
  };

  /** Puts the host's captcha in the human queue (fetching the search form for its image), or asks the solver. */
  const queueCaptcha = async (job: CrawlJob, parsed: ParsedPage): Promise<void> => {
    const [pending] = await db.query<{ id: number }>(`select id from captcha_queue where host = $1 and state = 'pending'`, [job.host]);
    if (pending) return;
    let form = parsed.kind === 'captcha_form' ? parsed.captcha : null;
    if (!form) {
      const [court] = await db.query<{ layout: string | null }>('select layout from courts where vnkod = $1', [job.court_vnkod]);
      const page = parseInput({ ...(await fetchAsInput(searchFormUrl(job.host, court?.layout === 'new' ? 'new' : 'classic'))) });
      form = page.kind === 'captcha_form' ? page.captcha : null;
    }
    if (!form?.captchaId || !form.pngBase64) return;
    await db.query(`insert into captcha_queue (host, court_vnkod, captcha_id, png) values ($1, $2, $3, $4)`, [job.host, job.court_vnkod, form.captchaId, Buffer.from(form.pngBase64, 'base64')]);
    if (!options.solveCaptcha) return;
    const answer = await options.solveCaptcha(job.host, form.pngBase64, form.captchaId);
    if (answer) await answerCaptcha(db, job.host, form.captchaId, answer);
  };

  const fetchAsInput = async (url: string): Promise<IngestInput> => {
    const r = await httpGet(url, options);
    stats.requests += 1;
    return { bytes: r.bytes, url, retrievedAt: now().toISOString(), httpStatus: r.status, httpHeaders: r.headers, source: 'crawl', sourceRef: 'captcha form', synthetic: false };
  };

  const idle = async (): Promise<number | null> => {
    // When could a job run next? null: never without a person (or nothing left).
    const [row] = await db.query<{ next: string | null; running: number }>(
      `select min(greatest(j.next_run_at, h.next_allowed_at, coalesce(h.backoff_until, j.next_run_at)))::text as next,
              (select count(*) from crawl_jobs where state = 'running')::int as running
       from crawl_jobs j join crawl_hosts h on h.host = j.host
       where j.state = 'pending' and h.blocked_reason is null and (not h.captcha_needed or h.captcha_answer is not null)`,
    );
    if (!row?.next) return row && row.running > 0 ? 50 : null;
    return Math.max(10, Date.parse(row.next.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) - now().getTime());
  };

  // The embedded engine has no autovacuum: keep the planner's statistics current as pages come in.
  let handled = 0;
  let refreshedAt = 0;
  const run = async (job: CrawlJob): Promise<void> => {
    try {
      await handle(job);
      handled += 1;
    } catch (error) {
      stats.errors += 1;
      options.onEvent?.({ type: 'error', job, error: (error as Error).message });
      await db.transaction(async (tx) => {
        await reschedule(tx, job, at(now(), jittered(options.retryBaseMs, job.attempts)), `internal: ${(error as Error).message}`, job.attempts >= options.maxAttempts ? 'failed' : 'pending');
        await tx.query('update crawl_hosts set in_flight = false where host = $1', [job.host]);
      });
    }
  };

  // One dispatcher claims jobs (the database enforces pacing and one request per host) and keeps up to
  // `concurrency` of them in flight; it sleeps until a job finishes or the next host becomes free.
  const inFlight = new Set<Promise<void>>();
  let wake: (() => void) | null = null;
  options.signal?.addEventListener('abort', () => wake?.(), { once: true });
  const recent: number[] = []; // start times of the last minute's requests, for the global limit
  const globalWait = (): number => {
    if (!options.globalPerMinute) return 0;
    const t = now().getTime();
    while (recent.length > 0 && (recent[0] ?? 0) <= t - 60_000) recent.shift();
    return recent.length < options.globalPerMinute ? 0 : (recent[0] ?? t) + 60_000 - t;
  };
  while (!options.signal?.aborted) {
    if (handled - refreshedAt >= 500) {
      refreshedAt = handled;
      await refreshPlannerStatistics(db);
    }
    let claimed = false;
    while (inFlight.size < Math.max(1, options.concurrency) && globalWait() === 0) {
      const job = await claimJob(db, { worker: options.workerId, now: now(), pacingMs: options.pacingMs, dailyCap: options.dailyCap });
      if (!job) break;
      claimed = true;
      recent.push(now().getTime());
      const task: Promise<void> = run(job).finally(() => {
        inFlight.delete(task);
        wake?.();
      });
      inFlight.add(task);
    }
    const limited = globalWait();
    if (claimed && inFlight.size < options.concurrency && limited === 0) continue;
    const wait = limited > 0 ? limited : inFlight.size >= options.concurrency ? 1000 : await idle();
    if (wait === null && inFlight.size === 0) {
      if (options.stopWhenIdle) break;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(wait ?? 1000, 1000));
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = null;
  }
  await Promise.all(inFlight);
  if (handled > refreshedAt) await refreshPlannerStatistics(db);
  return stats;
}

/** Finishes a job by what the page was: data → done (+ follow-up jobs); traps → host state and a retry. */
async function settle(tx: Queryable, job: CrawlJob, page: ParsedPage, captureId: number, fetched: Fetched, options: CrawlerOptions, now: Date): Promise<void> {
  const done = async (fields: { total?: number | null; rows?: number | null; kind?: string } = {}) => {
    await tx.query(
      `update crawl_jobs set state = 'done', result_kind = $2, capture_id = $3, total_rows = $4, rows_found = $5, last_error = null, updated_at = now() where id = $1`,
      [job.id, fields.kind ?? page.kind, captureId, fields.total ?? null, fields.rows ?? null],
    );
    await tx.query('update crawl_hosts set in_flight = false, last_success_at = $2, last_error = null where host = $1', [job.host, now.toISOString()]);
  };
  const hostState = async (sql: string, params: unknown[]) => tx.query(`update crawl_hosts set in_flight = false, ${sql} where host = $1`, [job.host, ...params]);
  /** The site, not the request, was at fault: run the job again later without counting the attempt. */
  const again = async (runAt: string, reason: string) => {
    await reschedule(tx, job, runAt, reason);
    await tx.query('update crawl_jobs set attempts = attempts - 1 where id = $1', [job.id]);
  };
  switch (page.kind) {
    case 'case_list': {
      const list = page.list;
      const perPage = list.rangeFrom !== null && list.rangeTo !== null ? list.rangeTo - list.rangeFrom + 1 : Math.max(1, list.rows.length);
      const pages = list.total !== null ? Math.ceil(list.total / Math.max(1, perPage)) : (list.pageCount ?? 1);
      const layout = page.layout; // follow-up pages in the layout the court just answered in
      const cards = list.rows
        .filter((row) => row.cardUrl)
        .map((row) => ({ kind: 'card' as const, court_vnkod: job.court_vnkod, host: job.host, url: row.cardUrl as string, article: job.article, axis: job.axis, window_from: job.window_from, window_to: job.window_to, page: null, parent_id: job.id }));
      // Act texts on their own pages (classic layout, name_op=doc); new-layout act links open the card itself.
      const acts = list.rows.flatMap((row) =>
        row.acts
          .filter((a) => /[?&]name_op=doc(&|$)/.test(a.url))
          .map((a) => ({
            kind: 'act' as const, court_vnkod: job.court_vnkod, host: job.host, url: a.url, article: job.article, axis: job.axis, window_from: job.window_from, window_to: job.window_to, page: null, parent_id: job.id,
            act_case: { caseUid: row.ids.caseUid, caseId: row.ids.caseId, deloId: row.ids.deloId, actTitle: a.title },
          })),
      );
      const follow: Parameters<typeof enqueue>[1] = [...cards, ...acts];
      const window = job.window_from && job.window_to ? { from: job.window_from, to: job.window_to } : null;
      const halves = job.page === 1 && pages > options.maxPagesPerWindow && window ? splitWindow(window) : null;
      const listJob = (w: { from: string | null; to: string | null }, pageNo: number) => ({
        kind: 'list' as const, court_vnkod: job.court_vnkod, host: job.host, article: job.article, axis: job.axis, window_from: w.from, window_to: w.to, page: pageNo, parent_id: job.id,
        url: listUrl({ host: job.host, layout, vnkod: job.court_vnkod, article: job.article, axis: job.axis ?? 'receipt', from: w.from, to: w.to, page: pageNo }),
      });
      if (halves) for (const half of halves) follow.push(listJob(half, 1));
      else if (job.page === 1) for (let p = 2; p <= pages; p += 1) follow.push(listJob({ from: job.window_from, to: job.window_to }, p));
      await enqueue(tx, follow);
      await done({ total: job.page === 1 ? list.total : null, rows: halves ? null : list.rows.length, kind: halves ? 'split' : 'case_list' });
      return;
    }
    case 'case_card':
    case 'act_text':
      return done();
    case 'empty_result':
      return done({ total: job.page === 1 ? 0 : null, rows: 0 });
    case 'rate_limited': {
      const until = at(now, retryAfterMs(fetched.headers, options.rateLimitBackoffMs, now));
      await hostState('backoff_until = $2, backoff_reason = $3', [until, 'HTTP 429']);
      await again(until, 'HTTP 429');
      options.onEvent?.({ type: 'backoff', host: job.host, until, reason: 'HTTP 429' });
      return;
    }
    case 'throttled': {
      const until = at(now, options.throttleBackoffMs);
      await hostState('backoff_until = $2, backoff_reason = $3', [until, 'throttle page (Информация временно недоступна)']);
      await again(until, 'throttled');
      options.onEvent?.({ type: 'backoff', host: job.host, until, reason: 'throttled' });
      return;
    }
    case 'waf_block':
    case 'geo_block': {
      const reason = page.kind === 'geo_block' ? 'geo-block (G): the site refuses this network; run the worker from another network' : `WAF refusal (B, ${page.detail ?? ''}): check the User-Agent and request parameters`;
      await hostState('blocked_reason = $2', [reason]);
      await again(now.toISOString(), page.kind);
      options.onEvent?.({ type: 'blocked', host: job.host, reason });
      return;
    }
    case 'captcha_form':
    case 'captcha_wrong':
      await hostState('captcha_needed = true, captcha_answer = null', []);
      await again(now.toISOString(), page.kind);
      options.onEvent?.({ type: 'captcha', host: job.host });
      return;
    default: {
      // PHP errors, unexpected search forms, unknown pages, HTTP errors: retry later, give up after maxAttempts.
      const failed = job.attempts >= options.maxAttempts;
      await hostState('last_error = $2', [`${page.kind} (HTTP ${fetched.status})`]);
      await reschedule(tx, job, at(now, jittered(options.retryBaseMs, job.attempts)), `${page.kind} (HTTP ${fetched.status})`, failed ? 'failed' : 'pending');
    }
  }
}

/** A person's (or a solver's) answer to a host's captcha: the host's list requests resume with it. */
export async function answerCaptcha(db: Queryable, host: string, captchaId: string, answer: string): Promise<void> {
  await db.query(`update captcha_queue set state = 'answered', answer = $3, answered_at = now() where host = $1 and captcha_id = $2`, [host, captchaId, answer]);
  await db.query(`update crawl_hosts set captcha_id = $2, captcha_answer = $3 where host = $1`, [host, captchaId, answer]);
}
