import type { Config } from '../config/config.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

/** Where to store data: a PGlite folder (or memory), or a PostgreSQL URL. */
export type StorageTarget = { kind: 'pglite'; dataDir: string | null; sharedBuffers?: string } | { kind: 'postgres'; url: string };

export function storageTarget(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'pgliteSharedBuffers'>): StorageTarget {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'pglite', dataDir: `${config.dataDir}/db`, ...(config.pgliteSharedBuffers ? { sharedBuffers: config.pgliteSharedBuffers } : {}) };
}

/** Opens the database and migrates it; never returns a half-migrated database. */
export async function openDatabase(target: StorageTarget): Promise<Database> {
  let db: Database;
  try {
    // Each engine is loaded only when used (PGlite's WASM module alone is ~40 MB of memory).
    db =
      target.kind === 'postgres'
        ? await (await import('./postgres.ts')).openPostgres(target.url)
        : await (await import('./pglite.ts')).openPglite(target.dataDir, target.sharedBuffers ? { sharedBuffers: target.sharedBuffers } : {});
  } catch (cause) {
    const where = target.kind === 'postgres' ? redactUrl(target.url) : (target.dataDir ?? 'memory');
    throw new OtkazError(ErrorCode.DbConnect, `cannot open the database: ${(cause as Error).message}`, { where, cause });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

/** A connection URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
