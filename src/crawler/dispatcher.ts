/**
 * The worker's dispatcher: claims jobs (the job store enforces pacing, back-off, blocks, captchas and one request
 * per host), keeps up to `concurrency` of them in flight under a global per-minute limit, consults robots.txt,
 * and sleeps until a job finishes or the next host becomes free.
 */
import { ingestParsed, parseInput } from '../courts/ingest.ts';
import type { Database } from '../db/database.ts';
import { refreshPlannerStatistics } from '../db/maintenance.ts';
import { HttpError, httpClient, retryAfterMs } from '../shared/http.ts';
import { LIMITS } from '../shared/limits.ts';
import type { CrawlJob } from './job.ts';
import { claimJob, handBack, nextRunnable, storedRobots, storeRobots } from './jobs.ts';
import type { CrawlerOptions } from './options.ts';
import { pacedRequester, type Requester } from './request.ts';
import { isUnreachable, type RobotsRecord, readRobots, robotsStale } from './robots.ts';
import { type JobRunContext, runJob, settleJob } from './run-job.ts';

/** Our product token in robots.txt. */
const ROBOTS_TOKEN = 'otkaz';

/**
 * robots.txt per host (RFC 9309): kept in the database and here, used for at most 24 h; when it must be read, the
 * read is the job's request (its pacing slot) and the job is handed back to run in the next slot.
 */
function robotsKeeper(db: Database, options: CrawlerOptions, request: Requester, now: () => Date) {
  const cache = new Map<string, RobotsRecord>();
  const current = async (host: string): Promise<RobotsRecord | null> => {
    const cached = cache.get(host);
    if (cached && !robotsStale(cached, now(), options.robotsRetryMs)) return cached;
    const stored = await storedRobots(db, host); // another worker may have read it since
    if (stored) cache.set(host, stored);
    return stored && !robotsStale(stored, now(), options.robotsRetryMs) ? stored : null;
  };
  const backoffFor = (record: RobotsRecord, retryMs: number) => ({
    until: new Date(record.checkedAt.getTime() + retryMs).toISOString(),
    reason: `robots.txt ${record.status === null ? 'unreachable' : `HTTP ${record.status}`}: every URL disallowed until it is read again`,
  });
  /** Reads the host's robots.txt in this job's slot (archived like any answer), then hands the job back. */
  const read = async (job: CrawlJob): Promise<void> => {
    const url = `https://${job.host}/robots.txt`;
    let record: RobotsRecord;
    let retryMs = options.robotsRetryMs;
    try {
      const r = await request(job.host, url, 'text/plain,*/*');
      const ok = r.status >= 200 && r.status < 300;
      record = { status: r.status, text: ok ? new TextDecoder().decode(r.bytes) : '', checkedAt: now() };
      if (isUnreachable(r.status)) retryMs = retryAfterMs(r.headers, options.robotsRetryMs, now());
      const input = {
        bytes: r.bytes,
        url,
        retrievedAt: record.checkedAt.toISOString(),
        httpStatus: r.status,
        httpHeaders: r.headers,
        requestHeaders: r.requestHeaders,
        source: 'crawl' as const,
        sourceRef: 'robots.txt',
        synthetic: false,
      };
      const rules = readRobots(job.host, record, ROBOTS_TOKEN);
      await db.transaction(async (tx) => {
        await ingestParsed(tx, options.directory, input, parseInput(input), options.personKey);
        await storeRobots(tx, job.host, record, rules.crawlDelayMs);
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      record = { status: null, text: '', checkedAt: now() };
      await storeRobots(db, job.host, record, null);
    }
    cache.set(job.host, record);
    await handBack(db, job, isUnreachable(record.status) ? backoffFor(record, retryMs) : null);
  };
  return { current, read, backoffFor };
}

/** Runs crawl jobs until none can run (or until stopped); returns the requests made and the jobs that went wrong. */
export async function runWorker(db: Database, options: CrawlerOptions): Promise<{ requests: number; errors: number }> {
  const now = options.now ?? (() => new Date());
  const stats = { requests: 0, errors: 0 };
  const http = httpClient({
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    accept: 'text/html,*/*',
    mirrorBase: options.baseUrl,
    maxBodyBytes: LIMITS.crawlPageBytes,
    followRedirects: false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const request = pacedRequester(db, http, options, now, stats);
  const robots = robotsKeeper(db, options, request, now);
  const context: JobRunContext = { db, http, options, now, stats, request };

  const handle = async (job: CrawlJob): Promise<void> => {
    if (options.respectRobots) {
      const record = await robots.current(job.host);
      if (!record) return robots.read(job);
      const rules = readRobots(job.host, record, ROBOTS_TOKEN);
      if (rules.unreachable) return handBack(db, job, robots.backoffFor(record, options.robotsRetryMs));
      if (!rules.allows(job.url)) {
        // No request: the host's pacing slot stays free for its next job.
        await db.transaction((tx) => settleJob(tx, job, { type: 'disallowed' }, options, now()));
        return;
      }
    }
    await runJob(context, job, now());
  };

  const idle = async (): Promise<number | null> => {
    // When could a job run next? null: never without a person (or nothing left).
    const row = await nextRunnable(db);
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
      const message = (error as Error).message;
      stats.errors += 1;
      options.onEvent?.({ type: 'error', job, error: message });
      await db.transaction((tx) => settleJob(tx, job, { type: 'crashed', error: message }, options, now()));
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
      const job = await claimJob(db, { worker: options.workerId, now: now(), dailyCap: options.dailyCap });
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
