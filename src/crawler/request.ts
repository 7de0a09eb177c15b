/**
 * Every request the crawler sends to a court host goes through here — robots.txt, search forms, lists, cards,
 * acts, redirect targets: paced start to start (never below the pacing, or the host's Crawl-delay when longer), with
 * the host's session cookies, and counted. Pacing is kept twice: in the database (the host's next slot, written when
 * a request starts, so workers on one PostgreSQL share it) and here on a monotonic clock (a wall clock that steps
 * back cannot shorten a gap), rounded up to the next whole millisecond.
 */
import type { Database } from '../db/database.ts';
import type { HttpClient, HttpResponse } from '../shared/http.ts';
import { recordRequest } from './jobs.ts';
import type { CrawlerOptions } from './options.ts';
import { cookieHeader, loadSession, saveSession, takeCookies } from './session.ts';

export interface SentRequest extends HttpResponse {
  /** The request's headers as sent (User-Agent, Cookie): archived with the answer. */
  requestHeaders: [string, string][];
}

export type Requester = (host: string, url: string, accept?: string) => Promise<SentRequest>;

export function pacedRequester(
  db: Database,
  http: HttpClient,
  options: Pick<CrawlerOptions, 'pacingMs' | 'userAgent' | 'onEvent'>,
  now: () => Date,
  stats: { requests: number },
): Requester {
  const lastStart = new Map<string, number>(); // performance.now() of the host's last request start
  return async (host, url, accept) => {
    const session = await loadSession(db, host);
    const gap = Math.max(options.pacingMs, session.crawlDelayMs ?? 0);
    const last = lastStart.get(host);
    const wait = last === undefined ? 0 : Math.ceil(last + gap - performance.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // The slot is taken before the request goes out (a worker that dies mid-request leaves it taken) and again
    // with the true start once it has (the first write's start is read before a database round trip).
    await recordRequest(db, host, now(), gap, true);
    const cookie = cookieHeader(session.jar, url);
    const startedAt = now();
    lastStart.set(host, performance.now());
    options.onEvent?.({ type: 'request', host, url, at: performance.now() });
    let response: HttpResponse;
    try {
      response = await http.get(url, { ...(cookie ? { cookie } : {}), ...(accept ? { accept } : {}) });
    } finally {
      stats.requests += 1;
      await recordRequest(db, host, startedAt, gap, false).catch(() => undefined);
    }
    if (takeCookies(session.jar, url, response.headers, now())) await saveSession(db, host, session.jar);
    const requestHeaders: [string, string][] = [['User-Agent', options.userAgent]];
    if (cookie) requestHeaders.push(['Cookie', cookie]);
    return { ...response, requestHeaders };
  };
}
