/** Prosecution counts by month, year, article, part, court, district, outcome, sentence — with the method. */
import { z } from 'zod';
import { DIMENSIONS, type Dimension, prosecutionCounts } from '../../courts/counts.ts';
import { syncCourts } from '../../courts/directory/sync.ts';
import { defineOperation } from '../../ops/operation.ts';
import { prosecutionPolicy } from '../../policies/prosecutions.ts';
import { LIMITS } from '../../shared/limits.ts';
import { isCalendarDate, isYearMonth, text } from '../../shared/validation.ts';

const dimensions = text(200)
  .default('month,article')
  .transform((value, c) => {
    const dims = value
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    const unknown = dims.find((d) => !(DIMENSIONS as readonly string[]).includes(d));
    if (unknown !== undefined) {
      c.addIssue({ code: 'custom', message: `unknown dimension "${unknown}"; use ${DIMENSIONS.join(', ')}` });
      return z.NEVER;
    }
    return dims as Dimension[];
  })
  .pipe(z.array(z.enum(DIMENSIONS)).max(DIMENSIONS.length));

const articles = text(LIMITS.articles * 10)
  .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, 'articles such as 337,338,352.1')
  .transform((v) => v.split(',').map((a) => a.trim()))
  .pipe(z.array(z.string().min(1)).max(LIMITS.articles, `at most ${LIMITS.articles} articles`));

/** A day YYYY-MM-DD, or a month YYYY-MM standing for its first (`start`) or last (`end`) day. */
function dayOrMonth(end: boolean) {
  return text(10).transform((value, c) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value)) return value;
    if (isYearMonth(value)) {
      if (!end) return `${value}-01`;
      const last = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)), 0)).getUTCDate();
      return `${value}-${String(last).padStart(2, '0')}`;
    }
    c.addIssue({ code: 'custom', message: `expected a real month YYYY-MM or day YYYY-MM-DD, got "${value}"` });
    return z.NEVER;
  });
}

export const ProsecutionsInput = z
  .object({
    by: dimensions.describe(`comma-separated: ${DIMENSIONS.join(', ')}`),
    articles: articles.optional().describe('criminal-code articles (default 337, 338, 332, 339, 352.1)'),
    from: dayOrMonth(false).optional().describe('first day (YYYY-MM-DD, or a month YYYY-MM: its first day)'),
    to: dayOrMonth(true).optional().describe('last day (YYYY-MM-DD, or a month YYYY-MM: its last day)'),
    date: z.enum(['receipt', 'decision']).default('receipt').describe('which date places a case in a period'),
    synthetic: z.enum(['include', 'exclude', 'only']).default('include').describe('SYNTHETIC demo cases: include, exclude or only'),
    growth: z.enum(['true', 'false']).optional().describe('true: add the previous period and the growth in %'),
  })
  .strict();

const dimension = z.string().nullable().optional();

export const ProsecutionRowSchema = z.object({
  ...(Object.fromEntries(DIMENSIONS.map((d) => [d, dimension])) as Record<Dimension, typeof dimension>),
  synthetic: z.boolean(),
  cases: z.number().int(),
  defendants: z.number().int(),
  removed: z.number().int().describe('of those cases, how many the deletion watch found gone from the court site'),
  previous_cases: z.number().int().nullable().optional().describe('with growth=true'),
  growth_pct: z.number().nullable().optional().describe('with growth=true'),
});

export const ProsecutionCountsSchema = z.object({
  query: z.object({
    by: z.array(z.enum(DIMENSIONS)),
    articles: z.array(z.string()),
    from: z.string().nullable(),
    to: z.string().nullable(),
    dateBasis: z.enum(['receipt', 'decision']),
    synthetic: z.enum(['include', 'exclude', 'only']),
    growth: z.boolean(),
  }),
  method: z.string(),
  rows: z.array(ProsecutionRowSchema),
  totals: z
    .object({ cases: z.number().int(), defendants: z.number().int(), syntheticCases: z.number().int(), removedCases: z.number().int() })
    .describe('distinct cases and defendants, each counted once'),
  overlap: z
    .object({
      dimensions: z.array(z.enum(DIMENSIONS)),
      note: z.string(),
      by: z.array(z.enum(DIMENSIONS)),
      rows: z.array(ProsecutionRowSchema),
    })
    .nullable()
    .describe('when one case may appear in several rows: the dimensions that do it, and the distinct cases by the others'),
});
export type ProsecutionCountsView = z.infer<typeof ProsecutionCountsSchema>;

export const prosecutionCountsOperation = defineOperation({
  name: 'prosecutions.count',
  summary: 'Prosecution counts by month, year, article, part, court, district, outcome, sentence — with the method',
  input: ProsecutionsInput,
  output: ProsecutionCountsSchema,
  policy: prosecutionPolicy.count,
  surfaces: { api: true, cli: true },
  table: {
    fileName: 'prosecutions.csv',
    columns: ['synthetic', 'cases', 'defendants', 'removed'],
    columnsOf: (result) => [
      ...result.query.by,
      'synthetic',
      'cases',
      'defendants',
      'removed',
      ...(result.query.growth ? ['previous_cases', 'growth_pct'] : []),
    ],
    rows: (result) => result.rows,
  },
  async run(ctx, input) {
    // The command line counts with the court names of the directory it ships with (the server syncs them at start).
    if (ctx.actor.kind === 'local') await syncCourts(ctx.db, ctx.directory);
    return prosecutionCounts(ctx.db, {
      by: input.by,
      ...(input.articles ? { articles: input.articles } : {}),
      from: input.from ?? null,
      to: input.to ?? null,
      dateBasis: input.date,
      synthetic: input.synthetic,
      growth: input.growth === 'true',
    });
  },
});
