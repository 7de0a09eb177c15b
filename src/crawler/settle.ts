/**
 * What happens to a crawl job after its request: a pure function from the job and what its request came to (no
 * answer, a page refused by the database, or a classified page) to the job's next state. The job store writes the
 * state (`applySettlement`), in the transaction that stored the page. Every outcome and every page kind has its
 * own case; a new page kind is a compile error here until it is given one.
 */
import type { IngestFailure } from '../courts/ingest.ts';
import type { PageKind, ParsedPage } from '../courts/parse/types.ts';
import { header, retryAfterMs } from '../shared/http.ts';
import type { CrawlJob, NewJob } from './job.ts';
import { splitWindow } from './plan.ts';
import { listUrl, searchFormUrl } from './urls.ts';

/** What a job's request came to. */
export type JobOutcome =
  /** robots.txt forbids the URL: never asked. */
  | { type: 'disallowed' }
  /** No answer: timeout, connection error, a body over the bound. */
  | { type: 'unreachable'; error: string }
  /** otkaz itself failed while handling the job (a bug, or the database went away). */
  | { type: 'crashed'; error: string }
  /** The page is archived but the database refused its cases or the jobs it leads to. */
  | { type: 'refused'; captureId: number; kind: PageKind; failure: IngestFailure }
  /** An answer, archived and classified. */
  | { type: 'page'; captureId: number; page: ParsedPage; status: number; headers: [string, string][] };

/** The job's next state, with what its host learns. */
export type Settlement =
  /** Finished; `follow` are the jobs the page leads to (cards, acts, further pages, split windows). */
  | {
      state: 'done';
      resultKind: PageKind | 'split';
      captureId: number;
      totalRows: number | null;
      rowsFound: number | null;
      follow: NewJob[];
      succeededAt: string;
    }
  /** Try again at `runAt` (jittered exponential delay); the attempt counts. `hostError` null: the host's error is kept. */
  | { state: 'retry'; runAt: string; reason: string; hostError: string | null }
  /** The site asked us to slow down: the host rests until `runAt`, the job runs then; the attempt does not count. */
  | { state: 'backoff'; runAt: string; reason: string; hostReason: string }
  /** The site refuses us (WAF, geo-block): the host stops until a person clears it; the job waits. */
  | { state: 'blocked'; runAt: string; reason: string; hostReason: string }
  /**
   * The host wants a captcha answered: its list requests wait for one; the job waits. `form`: the search-form job
   * that fetches a new image (in the host's session); null when this page carried the image itself.
   */
  | { state: 'captcha_needed'; runAt: string; reason: string; form: NewJob | null }
  /** Given up. `capture`: the archived page it stopped on; `runAt` null keeps the job's run time. */
  | { state: 'failed'; runAt: string | null; reason: string; hostError: string | null; capture: { id: number; kind: PageKind } | null };

export interface SettlePolicy {
  maxAttempts: number;
  /** First retry delay; doubles per attempt, with jitter (×0.5 … ×1.5). */
  retryBaseMs: number;
  /** Back-off after 429 when the site gives no Retry-After. */
  rateLimitBackoffMs: number;
  /** How long a host rests after its throttle page. */
  throttleBackoffMs: number;
  /** A window whose first page promises more pages than this is split in two. */
  maxPagesPerWindow: number;
}

export interface SettleClock {
  now: Date;
  /** A number in [0, 1) for the retry jitter (Math.random in the worker; fixed in tests). */
  random: () => number;
}

/** The job's error for a refused page: the failure's code, and the database's SQLSTATE when it gave one. */
export function refusalReason(failure: IngestFailure): string {
  return `${failure.code}${failure.sqlstate ? ` (SQLSTATE ${failure.sqlstate})` : ''}`;
}

const THROTTLE_REASON = 'throttle page (Информация временно недоступна)';

const later = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();

function retryDelay(base: number, attempts: number, random: () => number): number {
  const delay = base * 2 ** Math.max(0, attempts - 1);
  return Math.round(delay * (0.5 + random()));
}

/** Again later, or given up once the job has had its attempts. */
function retryOrFail(job: CrawlJob, policy: SettlePolicy, clock: SettleClock, reason: string, hostError: string | null): Settlement {
  const runAt = later(clock.now, retryDelay(policy.retryBaseMs, job.attempts, clock.random));
  return job.attempts >= policy.maxAttempts ? { state: 'failed', runAt, reason, hostError, capture: null } : { state: 'retry', runAt, reason, hostError };
}

/** A list page: its cards and act pages, then its further pages — or, when it holds too many pages, its window in two halves. */
function settleList(job: CrawlJob, page: Extract<ParsedPage, { kind: 'case_list' }>, captureId: number, policy: SettlePolicy, now: Date): Settlement {
  const list = page.list;
  const perPage = list.rangeFrom !== null && list.rangeTo !== null ? list.rangeTo - list.rangeFrom + 1 : Math.max(1, list.rows.length);
  const pages = list.total !== null ? Math.ceil(list.total / Math.max(1, perPage)) : (list.pageCount ?? 1);
  const layout = page.layout; // follow-up pages in the layout the court just answered in
  const base = { court_vnkod: job.court_vnkod, host: job.host, article: job.article, axis: job.axis, parent_id: job.id };
  const cards: NewJob[] = list.rows
    .filter((row) => row.cardUrl)
    .map((row) => ({ ...base, kind: 'card', url: row.cardUrl as string, window_from: job.window_from, window_to: job.window_to, page: null }));
  // Act texts on their own pages (classic layout, name_op=doc); new-layout act links open the card itself.
  const acts: NewJob[] = list.rows.flatMap((row) =>
    row.acts
      .filter((a) => /[?&]name_op=doc(&|$)/.test(a.url))
      .map((a) => ({
        ...base,
        kind: 'act' as const,
        url: a.url,
        window_from: job.window_from,
        window_to: job.window_to,
        page: null,
        act_case: { caseUid: row.ids.caseUid, caseId: row.ids.caseId, deloId: row.ids.deloId, actTitle: a.title },
      })),
  );
  const follow: NewJob[] = [...cards, ...acts];
  const window = job.window_from && job.window_to ? { from: job.window_from, to: job.window_to } : null;
  const halves = job.page === 1 && pages > policy.maxPagesPerWindow && window ? splitWindow(window) : null;
  const listJob = (w: { from: string | null; to: string | null }, pageNo: number): NewJob => ({
    ...base,
    kind: 'list',
    window_from: w.from,
    window_to: w.to,
    page: pageNo,
    url: listUrl({ host: job.host, layout, vnkod: job.court_vnkod, article: job.article, axis: job.axis ?? 'receipt', from: w.from, to: w.to, page: pageNo }),
  });
  if (halves) for (const half of halves) follow.push(listJob(half, 1));
  else if (job.page === 1) for (let p = 2; p <= pages; p += 1) follow.push(listJob({ from: job.window_from, to: job.window_to }, p));
  return {
    state: 'done',
    resultKind: halves ? 'split' : 'case_list',
    captureId,
    follow,
    succeededAt: now.toISOString(),
    totalRows: job.page === 1 ? list.total : null,
    rowsFound: halves ? null : list.rows.length,
  };
}

/** The job for a redirect's target: the same request, on the Location's host (its own robots.txt and pacing). */
function redirectTarget(job: CrawlJob, location: string | null): NewJob | null {
  if (!location) return null;
  let target: URL;
  try {
    target = new URL(location, job.url);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return null;
  target.hash = '';
  return {
    kind: job.kind,
    court_vnkod: job.court_vnkod,
    host: target.hostname.toLowerCase(),
    url: target.href,
    article: job.article,
    axis: job.axis,
    window_from: job.window_from,
    window_to: job.window_to,
    page: job.page,
    parent_id: job.id,
    act_case: job.act_case,
  };
}

/** The search form that gives the host a new captcha image, in the layout of the list that asked for one. */
function formJob(job: CrawlJob): NewJob {
  const layout = /[?&]delo_id=/i.test(job.url) ? 'classic' : 'new';
  return {
    kind: 'form',
    court_vnkod: job.court_vnkod,
    host: job.host,
    url: searchFormUrl(job.host, layout),
    article: null,
    axis: null,
    window_from: null,
    window_to: null,
    page: null,
    parent_id: job.id,
  };
}

/** By the page it answered with: data → done (+ follow-up jobs); traps → the host's state and a later run. */
function settlePage(job: CrawlJob, outcome: Extract<JobOutcome, { type: 'page' }>, policy: SettlePolicy, clock: SettleClock): Settlement {
  const { page, captureId, status, headers } = outcome;
  const now = clock.now;
  const done = (totalRows: number | null, rowsFound: number | null): Settlement => ({
    state: 'done',
    resultKind: page.kind,
    captureId,
    totalRows,
    rowsFound,
    follow: [],
    succeededAt: now.toISOString(),
  });
  switch (page.kind) {
    case 'case_list':
      return settleList(job, page, captureId, policy, now);
    case 'case_card':
    case 'act_text':
      return done(null, null);
    case 'empty_result':
      return done(job.page === 1 ? 0 : null, 0);
    case 'rate_limited':
      return { state: 'backoff', runAt: later(now, retryAfterMs(headers, policy.rateLimitBackoffMs, now)), reason: 'HTTP 429', hostReason: 'HTTP 429' };
    case 'throttled':
      return { state: 'backoff', runAt: later(now, policy.throttleBackoffMs), reason: 'throttled', hostReason: THROTTLE_REASON };
    case 'geo_block':
      return {
        state: 'blocked',
        runAt: now.toISOString(),
        reason: page.kind,
        hostReason: 'geo-block (G): the site refuses this network; run the worker from another network',
      };
    case 'waf_block':
      return {
        state: 'blocked',
        runAt: now.toISOString(),
        reason: page.kind,
        hostReason: `WAF refusal (B, ${page.detail ?? ''}): check the User-Agent and request parameters`,
      };
    case 'captcha_form':
      // A search-form job did what it was for: the image goes to the captcha queue.
      if (job.kind === 'form') return done(null, null);
      return {
        state: 'captcha_needed',
        runAt: now.toISOString(),
        reason: page.kind,
        form: page.captcha.pngBase64 && page.captcha.captchaId ? null : formJob(job),
      };
    case 'captcha_wrong':
      return { state: 'captcha_needed', runAt: now.toISOString(), reason: page.kind, form: job.kind === 'form' ? null : formJob(job) };
    case 'redirect': {
      // Archived as it came; its target is a job of its own (robots.txt and pacing of the target's host).
      const target = redirectTarget(job, header(headers, 'location'));
      if (!target) return retryOrFail(job, policy, clock, `redirect without a usable Location (HTTP ${status})`, null);
      // Court sites live under sudrf.ru: a redirect elsewhere is kept as evidence, never followed.
      if (target.host !== job.host && !target.host.endsWith('.sudrf.ru')) {
        const reason = `redirect to a host outside sudrf.ru (${target.host}): not followed`;
        return { state: 'failed', runAt: null, reason, hostError: reason, capture: { id: captureId, kind: page.kind } };
      }
      return { state: 'done', resultKind: page.kind, captureId, totalRows: null, rowsFound: null, follow: [target], succeededAt: now.toISOString() };
    }
    case 'http_error':
      // A card the site answers 404 (410) is an answer, not a fault: the deletion watch reads it (src/crawler/revisit.ts).
      if (job.kind === 'card' && (status === 404 || status === 410)) return done(null, null);
      // 503 with Retry-After: the site names its own pause, as with 429.
      if (status === 503 && header(headers, 'retry-after') !== null) {
        const runAt = later(now, retryAfterMs(headers, policy.rateLimitBackoffMs, now));
        return { state: 'backoff', runAt, reason: 'HTTP 503', hostReason: 'HTTP 503 with Retry-After' };
      }
      return retryOrFail(job, policy, clock, `${page.kind} (HTTP ${status})`, `${page.kind} (HTTP ${status})`);
    case 'php_error':
    case 'search_form':
    case 'requisite':
    case 'unknown': {
      // The site misbehaved or answered with something else (PHP errors, a search form, HTTP errors): try again later.
      const reason = `${page.kind} (HTTP ${status})`;
      return retryOrFail(job, policy, clock, reason, reason);
    }
  }
}

export function settle(job: CrawlJob, outcome: JobOutcome, policy: SettlePolicy, clock: SettleClock): Settlement {
  switch (outcome.type) {
    case 'disallowed':
      return { state: 'failed', runAt: clock.now.toISOString(), reason: 'disallowed by robots.txt', hostError: null, capture: null };
    case 'unreachable':
      return retryOrFail(job, policy, clock, outcome.error, outcome.error);
    case 'crashed':
      return retryOrFail(job, policy, clock, `internal: ${outcome.error}`, null);
    case 'refused': {
      // The same bytes would be refused again: give the job up with the failure's code.
      const reason = refusalReason(outcome.failure);
      return { state: 'failed', runAt: null, reason, hostError: reason, capture: { id: outcome.captureId, kind: outcome.kind } };
    }
    case 'page':
      return settlePage(job, outcome, policy, clock);
  }
}
