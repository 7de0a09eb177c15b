/**
 * `stats fetch <source>`: runs the source's downloader (its adapter's `fetch`, in src/asylum/fetch/fetch.ts) with the
 * importer, every release keeping the source's licence.
 */
import type { Database } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import type { FetchOptions, FetchResult } from '../fetch/fetch.ts';
import { importStatistics } from '../import/load.ts';
import { SOURCES } from '../model.ts';
import { sourceAdapter } from './registry.ts';

export async function fetchStatistics(db: Database, options: FetchOptions): Promise<FetchResult[]> {
  const adapter = sourceAdapter(options.source);
  const fetcher = adapter.fetch;
  if (!fetcher)
    throw new OtkazError(ErrorCode.Usage, `${adapter.name} is not downloaded: its releases are imported as files (otkaz stats import-release FILE)`, {
      where: '<source>',
    });
  const base = (options.baseUrl ?? fetcher.base).replace(/\/$/, '');
  return fetcher.run(db, options, base, (target, file, given) => importStatistics(target, file, { ...given, licence: adapter.licence }));
}

/** The sources that have a downloader (stats fetch <source>). */
export const FETCHABLE = SOURCES.filter((id) => sourceAdapter(id).fetch !== null);
