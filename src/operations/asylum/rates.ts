/** Recognition rates, each computed in a documented way and labelled with its formula. */
import { z } from 'zod';
import { recognitionRates } from '../../asylum/query/rates.ts';
import { defineOperation } from '../../ops/operation.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';
import { year } from '../../shared/validation.ts';
import { area, areas, levels, RateRowSchema, releaseCell } from './schemas.ts';

export const RatesInput = z
  .object({
    origin: area.default('RUS').describe('citizenship / country of origin'),
    dest: areas.default(['DEU', 'FRA']).describe('destinations (comma-separated)'),
    from: year.optional().describe('first year'),
    to: year.optional().describe('last year'),
    level: levels.optional().describe('procedure stages to include (default: all, labelled)'),
  })
  .strict();

export const ratesOperation = defineOperation({
  name: 'statistics.rates',
  summary: 'Recognition rates, each with its formula (UNHCR refugee / total, with and without closed cases; Eurostat positive ÷ total)',
  input: RatesInput,
  output: z.array(RateRowSchema),
  policy: statisticsPolicy.read,
  surfaces: { api: true, cli: true },
  table: {
    fileName: 'rates.csv',
    columns: ['source', 'method', 'destination', 'period', 'unit', 'levels', 'ratePct', 'numerator', 'denominator', 'release'],
    rows: (rows) => rows.map((r) => ({ ...r, release: releaseCell(r.releases) })),
  },
  run: (ctx, q) =>
    recognitionRates(ctx.db, {
      origin: q.origin,
      destinations: q.dest,
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.level ? { levels: q.level } : {}),
    }),
});
