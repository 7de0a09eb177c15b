/**
 * The route checker (src/guidance/route.ts) as an operation: from the documents a person holds, his status and
 * where he is, the destinations he can reach, the risk at each, protection prospects with the asylum statistics
 * behind them, the evidence to gather and who can help. The API takes the query parameters of
 * /api/v1/guidance/route (and the page /guidance/route); the command line `otkaz guidance route` its flags.
 */
import { z } from 'zod';
import { checkRoute } from '../../guidance/route.ts';
import { DOCUMENTS, STATUSES } from '../../guidance/schema.ts';
import { recognitionFigures } from '../../guidance/statistics.ts';
import { defineOperation } from '../../ops/operation.ts';
import { guidancePolicy } from '../../policies/guidance.ts';
import { isoDate, text } from '../../shared/validation.ts';
import { RouteResultSchema } from './schemas.ts';

export const RouteInput = z
  .object({
    status: z.enum(STATUSES, {
      error: (issue) =>
        issue.input === undefined ? `required: one of ${STATUSES.join(', ')}` : `unknown status "${String(issue.input)}" (${STATUSES.join(', ')})`,
    }),
    documents: z
      .union([text(400), z.array(text(400))])
      .default([])
      .transform((v) =>
        [v]
          .flat()
          .flatMap((d) => d.split(','))
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(DOCUMENTS)).max(DOCUMENTS.length * 2))
      .describe(`travel documents held, comma-separated: ${DOCUMENTS.join(', ')}`),
    case: z.enum(['1', 'true', 'on']).optional().describe('a criminal case is known to be open (AWOL, deserter)'),
    location: text(10)
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, 'ISO3 country code'))
      .default('RUS')
      .describe('where the person is now (ISO3; default RUS)'),
    prefer: text(100).optional().describe('destinations to list first (ISO3, comma-separated)'),
    lang: z.enum(['en', 'ru']).optional().describe('language of the page and the text view (answers in JSON carry both)'),
    today: isoDate.optional().describe('the date incidents are aged and facts checked against (default: today, in UTC)'),
  })
  .strict();

export const guidanceRouteOperation = defineOperation({
  name: 'guidance.route',
  summary: 'Route checker: reachable destinations, risks from dated incidents, protection prospects, evidence, organisations',
  input: RouteInput,
  output: RouteResultSchema,
  policy: guidancePolicy.read,
  surfaces: { api: true, cli: true },
  async run(ctx, q) {
    // The answer depends on the date (incident recency), so it is not cached whole; the figures it reads from the
    // statistics are, until the data change (where the context can keep them: the API's response cache).
    const countries = ctx.kb.destinations.filter((d) => d.statistics).map((d) => d.country);
    const compute = () => recognitionFigures(ctx.db, countries);
    const stats = ctx.derive ? await ctx.derive('guidance:recognition', compute) : await compute();
    return checkRoute(
      ctx.kb,
      {
        documents: q.documents.filter((d) => d !== 'none'),
        status: q.status,
        caseOpen: q.case !== undefined,
        location: q.location,
        preferences: q.prefer ? q.prefer.toUpperCase().split(',') : [],
        today: q.today ?? ctx.now().toISOString().slice(0, 10),
      },
      stats,
    );
  },
});
