/** Asylum and border statistics: a series from every source, with provenance (releases and the exact query). */
import { z } from 'zod';
import { series } from '../../asylum/query/series.ts';
import { defineOperation } from '../../ops/operation.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';
import { isoDate, period, text } from '../../shared/validation.ts';
import { area, areas, basis, indicator, levels, releaseCell, SeriesResultSchema, sources, toggle } from './schemas.ts';

export const SeriesInput = z
  .object({
    indicator: indicator.default('applications').describe('the quantity (applications, decisions, encounters, refugees…)'),
    measure: text(40).optional().describe('e.g. all, first_time, subsequent, new, repeat (applications); total, positive, rejected… (decisions)'),
    origin: area.default('RUS').describe('citizenship / country of origin'),
    dest: areas.default(['DEU', 'FRA', 'EU27_2020']).describe('destinations: ISO3 / alpha-2 codes, EU27, WORLD (comma-separated)'),
    source: sources.optional().describe('only these sources (comma-separated)'),
    period: basis.default('year').describe('year, fiscal_year, quarter or month'),
    from: period.optional().describe('first period (2019, FY2022, 2022-Q1, 2022-03)'),
    to: period.optional().describe('last period'),
    level: levels.optional().describe('procedure stages (UNHCR FI, AR, EO, IN…; Eurostat FI, FINAL), comma-separated'),
    sex: text(10).default('T').describe('Eurostat sex (T, F, M)'),
    age: text(20).default('TOTAL').describe('Eurostat age band'),
    asOf: isoDate.optional().describe('as published on this date (YYYY-MM-DD): later releases ignored'),
    growth: toggle.default(false).describe('add the previous period and the growth in %'),
  })
  .strict();

export const SERIES_COLUMNS = [
  'source',
  'dataset',
  'indicator',
  'measure',
  'origin',
  'destination',
  'period',
  'value',
  'unit',
  'levels',
  'flags',
  'months',
  'complete',
  'previous',
  'growthPct',
  'release',
  'sha256',
  'synthetic',
  'definition',
] as const;

export const seriesOperation = defineOperation({
  name: 'statistics.series',
  summary: 'An asylum or border series from every source, each value with its releases and the exact query',
  input: SeriesInput,
  output: SeriesResultSchema,
  policy: statisticsPolicy.read,
  surfaces: { api: true, cli: true },
  table: {
    fileName: 'series.csv',
    columns: SERIES_COLUMNS,
    rows: (result) =>
      result.rows.map((r) => ({
        ...r,
        release: releaseCell(r.releases),
        sha256: r.releases.map((x) => x.sha256).join(' '),
        synthetic: r.releases.some((x) => x.synthetic),
      })),
  },
  run: (ctx, q) =>
    series(ctx.db, {
      indicator: q.indicator,
      ...(q.measure ? { measure: q.measure } : {}),
      origin: q.origin,
      destinations: q.dest,
      ...(q.source ? { sources: q.source } : {}),
      period: q.period,
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.level ? { levels: q.level } : {}),
      sex: q.sex,
      age: q.age,
      ...(q.asOf ? { asOf: q.asOf } : {}),
      growth: q.growth,
    }),
});
