import type { Queryable } from '../../db/database.ts';
import type { CourtDirectory } from './types.ts';

/** Loads the court directory into the `courts` table (idempotent), so counts can group by court and district. */
export async function syncCourts(db: Queryable, directory: CourtDirectory): Promise<number> {
  let count = 0;
  for (const c of directory.courts) {
    if (!c.vnkod) continue;
    await db.query(
      `insert into courts (vnkod, name, court_type, military_district, region_code, host, legacy_host, layout, captcha, sources)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (vnkod) do update set name = excluded.name, court_type = excluded.court_type, military_district = excluded.military_district,
         region_code = excluded.region_code, host = excluded.host, legacy_host = excluded.legacy_host, layout = excluded.layout,
         captcha = excluded.captcha, sources = excluded.sources`,
      [c.vnkod, c.name, c.type, c.districtName, c.regionCode, c.host, c.legacyHost, c.layout, c.captcha, JSON.stringify(c.sources)],
    );
    count += 1;
  }
  return count;
}

/** VNKOD of the court serving `url`, by either host form. */
export function courtForUrl(directory: CourtDirectory, url: string | null): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
  return directory.courts.find((c) => c.host === host || c.legacyHost === host)?.vnkod ?? null;
}
