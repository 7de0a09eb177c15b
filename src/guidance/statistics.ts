/**
 * The asylum statistics behind a destination's protection prospects: UNHCR's total recognition rate for Russian
 * citizens, latest year with decisions, all stages (labelled), from the loaded releases.
 */

import { recognitionRates } from '../asylum/query/rates.ts';
import type { Queryable } from '../db/database.ts';
import type { RecognitionFigure } from './route.ts';

export async function recognitionFigures(db: Queryable, countries: string[]): Promise<Map<string, RecognitionFigure>> {
  const out = new Map<string, RecognitionFigure>();
  if (!countries.length) return out;
  const rates = await recognitionRates(db, { origin: 'RUS', destinations: countries, from: '2019', sources: ['unhcr'] });
  for (const r of rates) {
    if (r.method !== 'unhcr_total' || r.unit !== 'persons' || r.ratePct === null) continue;
    const previous = out.get(r.destination);
    if (previous && previous.year >= r.period) continue;
    out.set(r.destination, {
      year: r.period,
      ratePct: r.ratePct,
      method: 'UNHCR total recognition rate',
      definition: `${r.numerator} of ${r.denominator} decisions on the merits, stages ${r.levels}`,
      release: r.releases.map((x) => `${x.release} (${x.vintage})`).join('; '),
    });
  }
  return out;
}
