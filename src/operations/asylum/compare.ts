/** One quantity under every definition and source (fiscal vs calendar year, EU aggregate vs members, Eurostat vs UNHCR). */
import { z } from 'zod';
import { candidates } from '../../asylum/query/compare.ts';
import { defineOperation } from '../../ops/operation.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';
import { isoDate, periodOrRange, text } from '../../shared/validation.ts';
import { area, CandidateSchema, indicator, levels, releaseCell } from './schemas.ts';

export const CompareInput = z
  .object({
    indicator: z
      .union([indicator, z.literal('recognition_rate')])
      .default('applications')
      .describe('applications, decisions, encounters, recognition_rate…'),
    measure: text(40).optional().describe('omitted: every definition'),
    origin: area.default('RUS').describe('citizenship / country of origin'),
    dest: area.default('DEU').describe('destination (one)'),
    period: periodOrRange.describe('2022, FY2023, 2022-Q1, 2022-03, or months 2021-10..2022-01'),
    level: levels.optional().describe('procedure stages, comma-separated'),
    asOf: isoDate.optional().describe('as published on this date (YYYY-MM-DD)'),
  })
  .strict();

export const compareOperation = defineOperation({
  name: 'statistics.compare',
  summary: 'One quantity under every definition and source (fiscal vs calendar year, EU aggregate vs members, Eurostat vs UNHCR)',
  input: CompareInput,
  output: z.array(CandidateSchema),
  policy: statisticsPolicy.read,
  surfaces: { api: true, cli: true },
  table: {
    fileName: 'compare.csv',
    columns: ['label', 'source', 'period', 'value', 'unit', 'complete', 'flags', 'release', 'definition'],
    rows: (found) => found.map((c) => ({ ...c, release: releaseCell(c.releases) })),
  },
  run: (ctx, q) =>
    candidates(ctx.db, {
      indicator: q.indicator,
      ...(q.measure ? { measure: q.measure } : {}),
      origin: q.origin,
      destination: q.dest,
      period: q.period,
      ...(q.level ? { levels: q.level } : {}),
      ...(q.asOf ? { asOf: q.asOf } : {}),
    }),
});
