/** Plan a crawl: courts × articles × months as list jobs (the workers run them); recent windows queued again. */
import { z } from 'zod';
import { syncCourts } from '../../courts/directory/sync.ts';
import { planCourts, planCrawl } from '../../crawler/jobs.ts';
import { DATE_AXES } from '../../crawler/urls.ts';
import { defineOperation } from '../../ops/operation.ts';
import { crawlPolicy } from '../../policies/crawl.ts';
import { DEFAULT_ARTICLES } from '../../shared/articles.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { isoDate, text } from '../../shared/validation.ts';

/** The first receipt date a plan covers unless told otherwise: the month of the mobilisation. */
export const CRAWL_FROM = '2022-09-01';

/** Today's date in UTC, when the plan is made. */

export const PlanCrawlInput = z
  .object({
    courts: z
      .array(text(40).regex(/^\w+$/, 'expected a court code (vnkod), e.g. 50GV0001'))
      .max(LIMITS.crawlCourts)
      .optional()
      .describe('court codes (default: every current garrison court)'),
    limit: z.coerce.number().int().min(1).max(10_000).optional().describe('only the first N of those courts'),
    articles: z
      .array(text(20).regex(/^\d+(\.\d+)?$/, 'expected an article number, e.g. 337 or 352.1'))
      .max(LIMITS.crawlArticles)
      .default([...DEFAULT_ARTICLES])
      .describe('criminal-code articles'),
    from: isoDate.default(CRAWL_FROM).describe('first receipt date'),
    // Not a schema default: that would put the day the OpenAPI document was built into it (issue #12).
    to: isoDate.optional().describe('last receipt date (default: today, in UTC, when the plan is made)'),
    axis: z.enum(DATE_AXES).default('receipt').describe('the date the windows run over'),
    recent: z.coerce
      .number()
      .int()
      .min(0)
      .max(1200)
      .default(0)
      .describe('queue again the list windows of the last N months already crawled, and their open cases (0: none)'),
  })
  .strict();

export const CrawlPlanSchema = z.object({
  courts: z.number().int().describe('courts planned'),
  articles: z.number().int(),
  from: z.string(),
  to: z.string(),
  created: z.number().int().describe('new list jobs'),
  refreshed: z.number().int().describe('list windows and open cases queued again'),
});

/** The start of the re-crawl: `months` before `to` (null: none). */
function refreshSince(to: string, months: number): string | null {
  if (months <= 0) return null;
  const since = new Date(Date.parse(`${to}T00:00:00Z`));
  since.setUTCMonth(since.getUTCMonth() - months);
  return since.toISOString().slice(0, 10);
}

export const planCrawlOperation = defineOperation({
  name: 'crawl.plan',
  summary: 'Plan a crawl: courts × articles × months (the workers run it)',
  input: PlanCrawlInput,
  output: CrawlPlanSchema,
  policy: crawlPolicy.plan,
  surfaces: { api: true, cli: true },
  async run(ctx, given) {
    const input = { ...given, to: given.to ?? ctx.now().toISOString().slice(0, 10) };
    if (input.from > input.to) throw new OtkazError(ErrorCode.Usage, `the first day (${input.from}) is after the last (${input.to})`, { where: 'from/to' });
    const courts = planCourts(ctx.directory, input);
    await syncCourts(ctx.db, ctx.directory);
    const plan = await planCrawl(ctx.db, {
      courts,
      articles: input.articles,
      from: input.from,
      to: input.to,
      axis: input.axis,
      refreshSince: refreshSince(input.to, input.recent),
    });
    return { courts: courts.length, articles: input.articles.length, from: input.from, to: input.to, ...plan };
  },
});
