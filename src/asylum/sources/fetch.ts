/**
 * `stats fetch <source>`: runs the source's downloader (its adapter's `fetch`, in src/asylum/fetch/fetch.ts) with the
 * importer, every release keeping the source's licence.
 */
import type { Database } from '../../db/database.ts';
import type { FetchOptions, FetchResult } from '../fetch/fetch.ts';
import { importStatistics } from '../import/load.ts';
import { sourceAdapter } from './registry.ts';

export async function fetchStatistics(db: Database, options: FetchOptions): Promise<FetchResult[]> {
  const adapter = sourceAdapter(options.source);
  const base = (options.baseUrl ?? adapter.fetch.base).replace(/\/$/, '');
  return adapter.fetch.run(db, options, base, (target, file, given) => importStatistics(target, file, { ...given, licence: adapter.licence }));
}
