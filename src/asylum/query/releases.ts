import type { Queryable } from '../../db/database.ts';
import type { Source } from '../model.ts';

export interface ReleaseRow {
  id: number;
  source: Source;
  dataset: string;
  format: string;
  release: string;
  vintage: string;
  observations: number;
  synthetic: boolean;
  file: string;
  sha256: string;
  licence: string | null;
  url: string | null;
  imported_at: string;
  /** The newest later release of the same source and dataset, whose values win for the keys both hold. */
  superseded_by: number | null;
  meta: Record<string, unknown>;
}

/** Every imported release, newest vintage first within each dataset. */
export async function listReleases(db: Queryable): Promise<ReleaseRow[]> {
  return db.query<ReleaseRow>(
    `select r.id, r.source, r.dataset, r.format, r.release_label as release, r.vintage, r.observations, r.synthetic,
            r.file_name as file, r.sha256, r.licence, r.origin_url as url, r.imported_at, r.meta,
            (select n.id from stat_releases n
              where n.source = r.source and n.dataset = r.dataset and not n.loading and (n.vintage, n.id) > (r.vintage, r.id)
              order by n.vintage desc, n.id desc limit 1) as superseded_by
       from stat_releases r
      where not r.loading
      order by r.source, r.dataset, r.vintage desc, r.id desc`,
  );
}
