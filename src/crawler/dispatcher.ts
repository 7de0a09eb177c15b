/**
 * The worker's dispatcher: claims jobs (the job store enforces pacing, back-off, blocks, captchas and one request
 * per host), keeps up to `concurrency` of them in flight under a global per-minute limit, consults robots.txt,
 * and sleeps until a job finishes or the next host becomes free.
 */
import type { Database } from '../db/database.ts';
import { refreshPlannerStatistics } from '../db/maintenance.ts';
import { type HttpClient, httpClient } from '../shared/http.ts';
import { LIMITS } from '../shared/limits.ts';
import type { CrawlJob } from './job.ts';
import { claimJob, nextRunnable, storedRobots, storeRobots } from './jobs.ts';
import type { CrawlerOptions } from './options.ts';
import { parseRobots, robotsAllows } from './robots.ts';
import { type JobRunContext, runJob, settleJob } from './run-job.ts';

type Robots = ReturnType<typeof parseRobots>;

/** robots.txt per host: read once (kept in the database), an unreadable one allows everything. */
function robotsReader(db: Database, http: HttpClient): (host: string) => Promise<Robots> {
  const cache = new Map<string, Robots>();
  return async (host) => {
    const cached = cache.get(host);
    if (cached) return cached;
    let text = await storedRobots(db, host);
    if (text === null) {
      try {
        const r = await http.get(`https://${host}/robots.txt`);
        text = r.status === 200 ? Buffer.from(r.bytes).toString('latin1') : '';
      } catch {
        text = '';
      }
      await storeRobots(db, host, text);
    }
    const rules = parseRobots(text, 'otkaz');
    cache.set(host, rules);
    return rules;
  };
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
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const robotsFor = robotsReader(db, http);
  const context: JobRunContext = { db, http, options, now, stats };

  const handle = async (job: CrawlJob): Promise<void> => {
    const started = now();
    const url = new URL(job.url);
    if (options.respectRobots && !robotsAllows(await robotsFor(job.host), url.pathname + url.search)) {
      await db.transaction((tx) => settleJob(tx, job, { type: 'disallowed' }, options, started));
      return;
    }
    await runJob(context, job, started);
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
