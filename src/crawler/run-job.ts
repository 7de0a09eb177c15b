/**
 * One crawl job, start to finish: fetch its page, then archive, classify, parse and store it, settle the job and
 * add the jobs it leads to — in one transaction, so that a crash at any point loses nothing and doubles nothing:
 * an unfinished job simply runs again.
 */
import { archiveWithFailure, type IngestInput, ingestParsed, parseInput, storeFailure } from '../courts/ingest.ts';
import type { CaptchaForm } from '../courts/parse/captcha.ts';
import type { Database, Queryable } from '../db/database.ts';
import { type HttpClient, HttpError } from '../shared/http.ts';
import { queueCaptcha, solveQueued, withCaptchaAnswer } from './captcha.ts';
import type { CrawlJob } from './job.ts';
import { applySettlement } from './jobs.ts';
import type { CrawlerOptions } from './options.ts';
import type { Requester, SentRequest } from './request.ts';
import { type JobOutcome, refusalReason, type Settlement, settle } from './settle.ts';

export interface JobRunContext {
  db: Database;
  http: HttpClient;
  options: CrawlerOptions;
  now: () => Date;
  /** The worker's counters: every request made for a job, and every job that went wrong. */
  stats: { requests: number; errors: number };
  /** Sends one request to a host: paced, with its session (request.ts). */
  request: Requester;
}

/** Settles a job in the caller's transaction: its next state from `settle`, written by the job store. */
export async function settleJob(tx: Queryable, job: CrawlJob, outcome: JobOutcome, options: CrawlerOptions, now: Date): Promise<Settlement> {
  const settlement = settle(job, outcome, options, { now, random: Math.random });
  await applySettlement(tx, job, settlement);
  return settlement;
}

function announce(options: CrawlerOptions, job: CrawlJob, s: Settlement): void {
  switch (s.state) {
    case 'backoff':
      options.onEvent?.({ type: 'backoff', host: job.host, until: s.runAt, reason: s.reason });
      return;
    case 'blocked':
      options.onEvent?.({ type: 'blocked', host: job.host, reason: s.hostReason });
      return;
    case 'captcha_needed':
      options.onEvent?.({ type: 'captcha', host: job.host });
      return;
    case 'done':
    case 'retry':
    case 'failed':
      return;
  }
}

/** Runs one claimed job (robots.txt already consulted); `started` is when the worker took it up. */
export async function runJob(ctx: JobRunContext, job: CrawlJob, started: Date): Promise<void> {
  const { db, options, now } = ctx;
  let fetched: SentRequest;
  try {
    fetched = await ctx.request(job.host, await withCaptchaAnswer(db, job));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    ctx.stats.errors += 1;
    options.onEvent?.({ type: 'error', job, error: error.message });
    await db.transaction((tx) => settleJob(tx, job, { type: 'unreachable', error: error.message }, options, now()));
    return;
  }
  const input: IngestInput = {
    bytes: fetched.bytes,
    url: job.url,
    retrievedAt: now().toISOString(),
    httpStatus: fetched.status,
    httpHeaders: fetched.headers,
    requestHeaders: fetched.requestHeaders,
    source: 'crawl',
    sourceRef: `job ${job.id}`,
    synthetic: false,
    forCase: job.act_case,
  };
  const parsed = parseInput(input);
  options.onEvent?.({ type: 'fetched', job, kind: parsed.kind, status: fetched.status, ms: now().getTime() - started.getTime() });
  // A page the database refuses (its cases, or the links it leads to) is archived all the same and its job
  // given up with the failure's code, in the same transaction: the same bytes would be refused again. (A page
  // the parser failed on is recorded as such and settled as an unknown page: tried again later.)
  // A captcha image (the search form's, or a list answered with the form) is queued with the settlement.
  const finish = async (tx: Queryable, outcome: JobOutcome) => {
    const settlement = await settleJob(tx, job, outcome, options, now());
    const wantsImage = (job.kind === 'form' && settlement.state === 'done') || (settlement.state === 'captcha_needed' && settlement.form === null);
    const captcha = outcome.type === 'page' && wantsImage ? await queueCaptcha(tx, job, parsed) : null;
    return { outcome, settlement, captcha };
  };
  let settled: { outcome: JobOutcome; settlement: Settlement; captcha: CaptchaForm | null };
  try {
    settled = await db.transaction(async (tx) => {
      const result = await ingestParsed(tx, options.directory, input, parsed, options.personKey);
      return finish(
        tx,
        result.failure?.stage === 'store'
          ? { type: 'refused', captureId: result.captureId, kind: parsed.kind, failure: result.failure }
          : { type: 'page', captureId: result.captureId, page: parsed, status: fetched.status, headers: fetched.headers },
      );
    });
  } catch (error) {
    const failure = storeFailure(error);
    if (!failure) throw error;
    settled = await db.transaction(async (tx) =>
      finish(tx, {
        type: 'refused',
        captureId: (await archiveWithFailure(tx, options.directory, input, parsed, failure)).captureId,
        kind: parsed.kind,
        failure,
      }),
    );
  }
  const { outcome, settlement, captcha } = settled;
  if (outcome.type === 'refused') {
    ctx.stats.errors += 1;
    options.onEvent?.({ type: 'error', job, error: refusalReason(outcome.failure) });
    return;
  }
  announce(options, job, settlement);
  if (captcha) await solveQueued(db, job, captcha, { solveCaptcha: options.solveCaptcha });
}
