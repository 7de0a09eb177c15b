/**
 * robots.txt per RFC 9309, parsed by robots-parser (groups for our product token, else `*`; longest match wins,
 * Allow on a tie; `*` and `$`). What the answer's status means (§2.3.1): 2xx — its rules; 3xx and 4xx — the file is
 * "unavailable", everything is allowed (we do not follow a robots.txt redirect: every hop would be a request of its
 * own); 5xx or no answer — "unreachable", everything is disallowed until the file is read again. A file read is used
 * for at most 24 hours (§2.4); an unreachable one is tried again sooner. `Crawl-delay` (not in the RFC, but sites
 * use it) is honoured where it asks for more than our pacing.
 */
import { createRequire } from 'node:module';

// robots-parser is CommonJS whose typings declare an ES default export: take the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as typeof import('robots-parser').default;

/** RFC 9309 §2.4: a cached robots.txt is not used for more than 24 hours. */
export const ROBOTS_MAX_AGE_MS = 24 * 60 * 60_000;
/** RFC 9309 §2.5: at least 500 KiB are parsed; we parse that much and no more. */
const ROBOTS_MAX_BYTES = 500 * 1024;

/** How a host's robots.txt answered when it was last read. */
export interface RobotsRecord {
  /** The HTTP status; null: no answer (timeout, connection refused or dropped). */
  status: number | null;
  text: string;
  checkedAt: Date;
}

export interface Robots {
  /** Whether we may fetch this URL of the host. */
  allows(url: string): boolean;
  /** The Crawl-delay the file asks of us, in ms; null: none. */
  crawlDelayMs: number | null;
  /** 5xx or no answer: every URL is disallowed until robots.txt is read again. */
  unreachable: boolean;
}

export function isUnreachable(status: number | null): boolean {
  return status === null || status >= 500;
}

/** The rules a host's robots.txt answer gives `product` (our token, e.g. "otkaz"). */
export function readRobots(host: string, record: Pick<RobotsRecord, 'status' | 'text'>, product: string): Robots {
  if (isUnreachable(record.status)) return { allows: () => false, crawlDelayMs: null, unreachable: true };
  const status = record.status ?? 0;
  if (status < 200 || status >= 300) return { allows: () => true, crawlDelayMs: null, unreachable: false };
  const parser = robotsParser(`https://${host}/robots.txt`, record.text.slice(0, ROBOTS_MAX_BYTES));
  const delay = parser.getCrawlDelay(product);
  return {
    // undefined: a URL of another host (never asked here: every job is checked against its own host's file).
    allows: (url) => parser.isAllowed(url, product) !== false,
    crawlDelayMs: delay !== undefined && Number.isFinite(delay) && delay > 0 ? Math.ceil(delay * 1000) : null,
    unreachable: false,
  };
}

/** Whether the record must be read again before it is used: older than 24 h, or unreachable and `retryMs` old. */
export function robotsStale(record: RobotsRecord, now: Date, retryMs: number): boolean {
  const age = now.getTime() - record.checkedAt.getTime();
  return age < 0 || age >= (isUnreachable(record.status) ? Math.min(retryMs, ROBOTS_MAX_AGE_MS) : ROBOTS_MAX_AGE_MS);
}
