/**
 * The court directory as lists: filtered by type, layout, district, captcha and a search text, each court with the
 * crawl status of its host; and as rows with the same field names as the JSON (CSV, the CLI's table).
 */
import { type CrawlStatusRow, crawlStatus } from '../../crawler/jobs.ts';
import type { Queryable } from '../../db/database.ts';
import type { Cell } from '../../shared/csv.ts';
import type { Layout } from '../parse/types.ts';
import type { CourtDirectory, CourtType, MilitaryCourt } from './types.ts';

export const COURT_TYPES = ['garrison', 'okrug_fleet', 'appellate', 'cassation'] as const satisfies readonly CourtType[];
export const COURT_LAYOUTS = ['classic', 'new'] as const satisfies readonly Layout[];

export interface CourtFilter {
  type?: CourtType;
  layout?: Layout;
  /** The okrug/fleet court's name contains this text (any case). */
  district?: string;
  /** true: only courts whose search needs a captcha; false: only those not known to need one. */
  captcha?: boolean;
  /** Name or host contains this text (any case). */
  search?: string;
  /** Include the courts listed only in the 2020 list (closed or renamed since). */
  all: boolean;
}

export function filterCourts(directory: CourtDirectory, filter: CourtFilter): MilitaryCourt[] {
  const needle = filter.search?.toLowerCase();
  const district = filter.district?.toLowerCase();
  return directory.courts.filter(
    (c) =>
      (filter.all || !c.onlyInOldList) &&
      (!filter.type || c.type === filter.type) &&
      (!filter.layout || c.layout === filter.layout) &&
      (filter.captcha === undefined || (c.captcha ?? false) === filter.captcha) &&
      (!district || (c.districtName ?? '').toLowerCase().includes(district)) &&
      (!needle ||
        c.name.toLowerCase().includes(needle) ||
        (c.host ?? '').toLowerCase().includes(needle) ||
        (c.legacyHost ?? '').toLowerCase().includes(needle)),
  );
}

export type CourtWithStatus = MilitaryCourt & { crawl: CrawlStatusRow | null };

/** The filtered directory, each court with the crawl status of its host (null: never crawled). */
export async function listCourts(db: Queryable, directory: CourtDirectory, filter: CourtFilter): Promise<CourtDirectory & { courts: CourtWithStatus[] }> {
  const status = new Map((await crawlStatus(db)).map((s) => [s.court_vnkod, s]));
  const courts = filterCourts(directory, filter).map((c) => ({ ...c, crawl: (c.vnkod && status.get(c.vnkod)) || null }));
  return { ...directory, courts };
}

/** CSV columns: the JSON's own field names. */
export const COURT_COLUMNS = ['vnkod', 'name', 'type', 'districtName', 'regionName', 'host', 'legacyHost', 'layout', 'captcha', 'sources'] as const;

export function courtRow(c: MilitaryCourt): Record<(typeof COURT_COLUMNS)[number], Cell> {
  return {
    vnkod: c.vnkod,
    name: c.name,
    type: c.type,
    districtName: c.districtName,
    regionName: c.regionName,
    host: c.host,
    legacyHost: c.legacyHost,
    layout: c.layout,
    captcha: c.captcha,
    sources: c.sources.join(' '),
  };
}
