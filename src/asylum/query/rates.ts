/**
 * Recognition rates, each computed in a documented way and labelled with it (the sources' own definitions
 * differ and must never be compared unlabelled):
 *  - unhcr_refugee: recognised ÷ (recognised + complementary + rejected)             (UNHCR refugee recognition rate)
 *  - unhcr_total:   (recognised + complementary) ÷ (recognised + complementary + rejected) (UNHCR total recognition rate)
 *  - unhcr_total_incl_closed: (recognised + complementary) ÷ all decisions incl. otherwise closed
 *  - eurostat_positive: positive ÷ total first-instance (or final) decisions            (Eurostat recognition rate)
 */
import type { Queryable } from '../../db/database.ts';
import type { Source } from '../model.ts';
import { type PeriodBasis, type ReleaseRef, type SeriesQuery, type SeriesRow, series } from './series.ts';

export const RATE_DEFINITIONS = {
  unhcr_refugee: 'UNHCR refugee recognition rate: recognised ÷ (recognised + complementary + rejected); otherwise-closed cases excluded',
  unhcr_total: 'UNHCR total recognition rate: (recognised + complementary) ÷ (recognised + complementary + rejected); otherwise-closed cases excluded',
  unhcr_total_incl_closed: '(recognised + complementary) ÷ all decisions including otherwise-closed cases',
  eurostat_positive: 'Eurostat recognition rate: positive ÷ total decisions (first instance unless level FINAL)',
} as const;
export type RateMethod = keyof typeof RATE_DEFINITIONS;

export interface RateRow {
  source: Source;
  method: RateMethod;
  destination: string;
  period: string;
  unit: string;
  levels: string;
  ratePct: number | null;
  numerator: number;
  denominator: number;
  components: Record<string, number | null>;
  definition: string;
  releases: ReleaseRef[];
}

export interface RatesQuery {
  origin?: string;
  destinations: string[];
  from?: string;
  to?: string;
  levels?: string[];
  asOf?: string;
  sources?: Source[];
}

function pct(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
}

export async function recognitionRates(db: Queryable, query: RatesQuery): Promise<RateRow[]> {
  const base: Omit<SeriesQuery, 'measure'> = {
    indicator: 'decisions',
    origin: query.origin ?? 'RUS',
    destinations: query.destinations,
    period: 'year' as PeriodBasis,
    from: query.from,
    to: query.to,
    levels: query.levels,
    asOf: query.asOf,
  };
  const sources = query.sources ?? ['unhcr', 'eurostat'];
  const out: RateRow[] = [];
  const take = async (source: Source, measure: string) => (await series(db, { ...base, measure, sources: [source] })).rows;
  const keyOf = (r: SeriesRow) => `${r.destination}|${r.period}|${r.unit}`;
  if (sources.includes('unhcr')) {
    const [recognised, complementary, rejected, closed, total] = await Promise.all([
      take('unhcr', 'refugee_status'),
      take('unhcr', 'complementary'),
      take('unhcr', 'rejected'),
      take('unhcr', 'otherwise_closed'),
      take('unhcr', 'total'),
    ]);
    const index = (rows: SeriesRow[]) => new Map(rows.map((r) => [keyOf(r), r]));
    const [c, j, x, t] = [index(complementary), index(rejected), index(closed), index(total)];
    for (const r of recognised) {
      const key = keyOf(r);
      const rec = r.value ?? 0;
      const comp = c.get(key)?.value ?? 0;
      const rej = j.get(key)?.value ?? 0;
      const clo = x.get(key)?.value ?? 0;
      const tot = t.get(key)?.value ?? rec + comp + rej + clo;
      const components = { recognised: rec, complementary: comp, rejected: rej, otherwise_closed: clo, total: tot };
      const common = {
        source: 'unhcr' as const,
        destination: r.destination,
        period: r.period,
        unit: r.unit,
        levels: r.levels,
        components,
        releases: r.releases,
      };
      out.push({
        ...common,
        method: 'unhcr_refugee',
        ratePct: pct(rec, rec + comp + rej),
        numerator: rec,
        denominator: rec + comp + rej,
        definition: RATE_DEFINITIONS.unhcr_refugee,
      });
      out.push({
        ...common,
        method: 'unhcr_total',
        ratePct: pct(rec + comp, rec + comp + rej),
        numerator: rec + comp,
        denominator: rec + comp + rej,
        definition: RATE_DEFINITIONS.unhcr_total,
      });
      out.push({
        ...common,
        method: 'unhcr_total_incl_closed',
        ratePct: pct(rec + comp, tot),
        numerator: rec + comp,
        denominator: tot,
        definition: RATE_DEFINITIONS.unhcr_total_incl_closed,
      });
    }
  }
  if (sources.includes('eurostat')) {
    const [positive, total] = await Promise.all([take('eurostat', 'positive'), take('eurostat', 'total')]);
    const totals = new Map(total.map((r) => [keyOf(r), r]));
    for (const p of positive) {
      const t = totals.get(keyOf(p));
      if (!t || p.value === null || t.value === null) continue;
      out.push({
        source: 'eurostat',
        method: 'eurostat_positive',
        destination: p.destination,
        period: p.period,
        unit: p.unit,
        levels: p.levels,
        ratePct: pct(p.value, t.value),
        numerator: p.value,
        denominator: t.value,
        components: { positive: p.value, total: t.value },
        definition: RATE_DEFINITIONS.eurostat_positive,
        releases: p.releases,
      });
    }
  }
  return out;
}
