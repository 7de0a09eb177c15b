import type { Queryable } from '../../db/database.ts';
import type { CourtDirectory } from './types.ts';

/** Loads the court directory into the `courts` table (idempotent, one statement), so counts can group by court and district. */
export async function syncCourts(db: Queryable, directory: CourtDirectory): Promise<number> {
  const rows = directory.courts
    .filter((c) => c.vnkod)
    .map((c) => ({
      vnkod: c.vnkod,
      name: c.name,
      court_type: c.type,
      military_district: c.districtName,
      region_code: c.regionCode,
      host: c.host,
      legacy_host: c.legacyHost,
      layout: c.layout,
      captcha: c.captcha,
      sources: c.sources,
    }));
  await db.query(
    `insert into courts (vnkod, name, court_type, military_district, region_code, host, legacy_host, layout, captcha, sources)
     select vnkod, name, court_type, military_district, region_code, host, legacy_host, layout, captcha, sources
       from jsonb_to_recordset($1::jsonb) as x(vnkod text, name text, court_type text, military_district text, region_code text, host text, legacy_host text, layout text, captcha boolean, sources jsonb)
     on conflict (vnkod) do update set name = excluded.name, court_type = excluded.court_type, military_district = excluded.military_district,
       region_code = excluded.region_code, host = excluded.host, legacy_host = excluded.legacy_host, layout = excluded.layout,
       captcha = excluded.captcha, sources = excluded.sources`,
    [JSON.stringify(rows)],
  );
  return rows.length;
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
