import { randomBytes } from 'node:crypto';
import type { CourtDirectory } from '../courts/directory/types.ts';
import type { CrawlJob } from './job.ts';

/** How a crawl worker runs: politeness, retries, limits, and who it is. */
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
  /** A robots.txt that answered 5xx or not at all disallows everything; it is read again after this long (or its Retry-After). */
  robotsRetryMs: number;
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
  /** A request to a host starts; `at` is a monotonic time in ms (performance.now()). */
  | { type: 'request'; host: string; url: string; at: number }
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
  robotsRetryMs: 15 * 60_000,
  workerId: `worker-${randomBytes(4).toString('hex')}`,
  stopWhenIdle: true,
};
