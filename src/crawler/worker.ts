/**
 * The crawl worker's public face. Its parts: the dispatcher (dispatcher.ts) claims jobs and runs them, one job's
 * fetch → archive → parse → store (run-job.ts), the job's next state (settle.ts, pure), the captcha queue
 * (captcha.ts), and the HTTP client it shares with the statistics fetcher (src/shared/http.ts).
 */
export { runWorker } from './dispatcher.ts';
export { type CrawlEvent, type CrawlerOptions, DEFAULT_CRAWLER } from './options.ts';
