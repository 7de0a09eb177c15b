/**
 * Public holidays per region, from the `date-holidays` library (public holidays only: no observances, no bank or
 * school holidays). Regions: `DE` (nationwide holidays only) and `DE-XX` for a Land (ISO 3166-2 subdivision, the Land
 * of the court), `FR` (national, metropolitan), `US` (federal). The library's dates are read as calendar dates (the
 * first ten characters of its `date` field), never as instants.
 */
import Holidays from 'date-holidays';
import { type PlainDate, yearOf } from './dates.ts';

export const GERMAN_LANDS = ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'] as const;

/** Every region a holiday calendar can be asked for. */
export const REGIONS: readonly string[] = ['DE', ...GERMAN_LANDS.map((l) => `DE-${l}`), 'FR', 'US'];

/** The country of a region: `DE-BE` → `DE`. */
export function countryOfRegion(region: string): string {
  return region.slice(0, 2);
}

const cache = new Map<string, Map<PlainDate, string>>();

/** The public holidays of one region in one year: date → name (in the region's language, as the library gives it). */
function holidaysOf(region: string, year: number): Map<PlainDate, string> {
  const key = `${region}:${year}`;
  const known = cache.get(key);
  if (known) return known;
  const [country, state] = region.split('-');
  const calendar = state ? new Holidays(country ?? '', state) : new Holidays(country ?? '');
  const map = new Map<PlainDate, string>();
  for (const h of calendar.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    map.set(date, map.has(date) ? `${map.get(date)}; ${h.name}` : h.name);
  }
  cache.set(key, map);
  return map;
}

/** The name of the public holiday on `date` in `region`, or null. */
export function holidayOn(date: PlainDate, region: string): string | null {
  return holidaysOf(region, yearOf(date)).get(date) ?? null;
}
