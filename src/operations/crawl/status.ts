/** The crawl's state per court: jobs done and pending, last success, back-off, block, captcha, counters vs rows read. */
import { z } from 'zod';
import { crawlStatus } from '../../crawler/jobs.ts';
import { defineOperation } from '../../ops/operation.ts';
import { crawlPolicy } from '../../policies/crawl.ts';

export const CRAWL_STATUS_COLUMNS = [
  'host',
  'court_vnkod',
  'done',
  'pending',
  'running',
  'failed',
  'last_success_at',
  'backoff_until',
  'blocked_reason',
  'captcha_needed',
  'expected_rows',
  'rows_found',
  'last_error',
] as const;

const count = z.number().int();
export const CrawlStatusRowSchema = z.object({
  host: z.string(),
  court_vnkod: z.string().nullable(),
  done: count,
  pending: count,
  running: count,
  failed: count,
  last_success_at: z.string().nullable(),
  backoff_until: z.string().nullable(),
  backoff_reason: z.string().nullable(),
  blocked_reason: z.string().nullable(),
  captcha_needed: z.boolean(),
  last_error: z.string().nullable(),
  expected_rows: count.nullable().describe('rows the first list pages announced'),
  rows_found: count.nullable().describe('rows read from the list pages'),
});

export const crawlStatusOperation = defineOperation({
  name: 'crawl.status',
  summary: 'Per court: jobs done and pending, last success, back-off, block reason, captcha needed, counters vs rows read',
  input: z.object({}).strict(),
  output: z.array(CrawlStatusRowSchema),
  policy: crawlPolicy.status,
  surfaces: { api: true, cli: true },
  table: { fileName: 'crawl-status.csv', columns: CRAWL_STATUS_COLUMNS, rows: (rows) => rows },
  run: (ctx) => crawlStatus(ctx.db),
});
