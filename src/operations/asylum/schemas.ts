/**
 * The input primitives and answer shapes of the asylum-statistics operations (series, compare, rates, releases):
 * one schema for the API's query string and the CLI's flags.
 */
import { z } from 'zod';
import { parseArea } from '../../asylum/codes/countries.ts';
import { INDICATORS, type Indicator, isIndicator, SOURCES } from '../../asylum/model.ts';
import { LIMITS } from '../../shared/limits.ts';
import { PERIOD_BASES } from '../../shared/periods.ts';
import { text } from '../../shared/validation.ts';

const AREA_HINT = 'ISO3 such as DEU, alpha-2 such as DE, or EU27, WORLD';

export const area = text(60).transform((v, c) => {
  const code = parseArea(v);
  if (!code) {
    c.addIssue({ code: 'custom', message: `unknown country or area "${v}" (${AREA_HINT})` });
    return z.NEVER;
  }
  return code;
});

export const areas = text(LIMITS.destinations * 20).transform((v, c) => {
  const list = v.split(',');
  if (list.length > LIMITS.destinations) {
    c.addIssue({ code: 'custom', message: `at most ${LIMITS.destinations} destinations` });
    return z.NEVER;
  }
  const codes: string[] = [];
  for (const d of list) {
    const code = parseArea(d);
    if (!code) {
      c.addIssue({ code: 'custom', message: `unknown country or area "${d}" in "${v}" (${AREA_HINT})` });
      return z.NEVER;
    }
    codes.push(code);
  }
  return codes;
});

export const indicator = text(40)
  .refine(isIndicator, `one of ${Object.keys(INDICATORS).join(', ')}`)
  .transform((v) => v as Indicator);

export const sources = text(200)
  .transform((v) => v.split(','))
  .pipe(z.array(z.enum(SOURCES, { error: (issue) => `unknown source "${String(issue.input)}"; use ${SOURCES.join(', ')}` })).min(1));

export const basis = z.enum(PERIOD_BASES as [string, ...string[]]).transform((v) => v as (typeof PERIOD_BASES)[number]);

/** Procedure stages, comma-separated (UNHCR FI, AR, EO…; Eurostat FI, FINAL). */
export const levels = text(60).transform((v) => v.split(',').filter(Boolean));

/** A yes/no switch: a CLI flag (true) or a query parameter (true, false). */
export const toggle = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

export const SourceSchema = z.enum(SOURCES);

export const ReleaseRefSchema = z.object({
  id: z.number().int(),
  source: SourceSchema,
  dataset: z.string(),
  release: z.string(),
  vintage: z.string(),
  sha256: z.string(),
  file: z.string(),
  synthetic: z.boolean(),
});

export const SeriesStatementSchema = z.object({
  id: z.number().int(),
  source: SourceSchema,
  destination: z.string(),
  sql: z.string(),
  params: z.array(z.unknown()),
});

const basisOut = z.enum(['year', 'fiscal_year', 'quarter', 'month']);

export const SeriesRowSchema = z.object({
  source: SourceSchema,
  dataset: z.string(),
  indicator: z.string(),
  measure: z.string(),
  origin: z.string(),
  destination: z.string(),
  period: z.string(),
  basis: basisOut,
  unit: z.string(),
  value: z.number().nullable(),
  levels: z.string(),
  flags: z.string(),
  months: z.number().int().nullable(),
  complete: z.boolean(),
  observations: z.number().int(),
  previous: z.number().nullable().optional(),
  growthPct: z.number().nullable().optional(),
  releases: z.array(ReleaseRefSchema),
  definition: z.string(),
  queryId: z.number().int().describe('index into queries: the statement that produced this value'),
});

export const SeriesResultSchema = z.object({
  query: z.looseObject({ indicator: z.string(), measure: z.string(), origin: z.string(), destinations: z.array(z.string()), period: basisOut }),
  rows: z.array(SeriesRowSchema),
  queries: z.array(SeriesStatementSchema),
  notes: z.array(z.object({ source: SourceSchema, destination: z.string(), note: z.string() })),
  definition: z.string(),
});

export const CandidateSchema = z.object({
  label: z.string(),
  source: SourceSchema,
  measure: z.string(),
  basis: z.enum(['year', 'fiscal_year', 'quarter', 'month', 'rate']),
  destination: z.string(),
  period: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  complete: z.boolean(),
  months: z.number().int().nullable(),
  levels: z.string(),
  flags: z.string(),
  definition: z.string(),
  releases: z.array(ReleaseRefSchema),
  query: SeriesStatementSchema.optional(),
  variant: z.string().optional(),
});

export const RateRowSchema = z.object({
  source: SourceSchema,
  method: z.enum(['unhcr_refugee', 'unhcr_total', 'unhcr_total_incl_closed', 'eurostat_positive']),
  destination: z.string(),
  period: z.string(),
  unit: z.string(),
  levels: z.string(),
  ratePct: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  components: z.record(z.string(), z.number().nullable()),
  definition: z.string(),
  releases: z.array(ReleaseRefSchema),
});

export const ReleaseRowSchema = z.object({
  id: z.number().int(),
  source: SourceSchema,
  dataset: z.string(),
  format: z.string(),
  release: z.string(),
  vintage: z.string(),
  observations: z.number().int(),
  synthetic: z.boolean(),
  file: z.string(),
  sha256: z.string(),
  licence: z.string().nullable(),
  url: z.string().nullable(),
  imported_at: z.string(),
  superseded_by: z.number().int().nullable(),
  meta: z.record(z.string(), z.unknown()),
});

/** How a row's releases read in a table or CSV cell: label (vintage); label (vintage). */
export function releaseCell(releases: ReadonlyArray<{ release: string; vintage: string }>): string {
  return releases.map((x) => `${x.release} (${x.vintage})`).join('; ');
}
