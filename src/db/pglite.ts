import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { tightenTree } from '../shared/data-dir.ts';
import type { Database, Queryable } from './database.ts';
import { PG_OID, parseBytea, parseDate, parseInt8, parseNumeric, parseTimestamptz } from './types.ts';

const parsers = {
  [PG_OID.INT8]: parseInt8,
  [PG_OID.NUMERIC]: parseNumeric,
  [PG_OID.DATE]: parseDate,
  [PG_OID.TIMESTAMPTZ]: parseTimestamptz,
  [PG_OID.BYTEA]: parseBytea,
};

function wrap(target: PGlite | Transaction, identity: object): Queryable {
  return {
    identity,
    async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    async copyCsv(table: string, columns: readonly string[], csv: string): Promise<void> {
      // PGlite reads COPY input from a Blob passed as the virtual file /dev/blob.
      await target.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time may open an embedded database folder (PGlite has no multi-process access). The lock
 * file holds the owner's pid; a lock left by a dead process is taken over.
 */
function lock(dataDir: string): () => void {
  const file = path.join(dataDir, 'otkaz.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner && owner !== process.pid && alive(owner)) {
        throw new Error(
          `the embedded database is in use by process ${owner} (a running \`otkaz serve\`?); stop it, or use PostgreSQL (DATABASE_URL) for concurrent access`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${file}`);
}

/** The PGlite instance behind each open embedded database (for `dumpPglite`). */
const instances = new WeakMap<Database, PGlite>();

/**
 * What a caller may add to how PGlite starts: a data folder to start from (a tarball of a migrated database,
 * `dumpDataDir()`) and the engine's compiled WebAssembly and file bundle, so that the tests start a database in a
 * second instead of running initdb and compiling the engine again each time. Production passes nothing.
 */
export type PgliteStart = Pick<PGliteOptions, 'loadDataDir' | 'pgliteWasmModule' | 'fsBundle'> & {
  /** PostgreSQL's shared_buffers for this start (config pgliteSharedBuffers); unset: PostgreSQL's default. */
  sharedBuffers?: string;
};

/** Opens (creating if needed) an embedded database in `dataDir`, or in memory when `dataDir` is null. */
export async function openPglite(dataDir: string | null, start: PgliteStart = {}): Promise<Database> {
  let unlock: () => void = () => undefined;
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    unlock = lock(dataDir);
  }
  let db: PGlite;
  try {
    const { sharedBuffers, ...options } = start;
    const startParams = sharedBuffers ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] : undefined;
    db = await PGlite.create(dataDir ?? undefined, { ...options, ...(startParams ? { startParams } : {}), parsers });
  } catch (error) {
    unlock();
    throw error;
  }
  if (dataDir !== null) {
    // PGlite writes a new database's files 0666 whatever the umask: only the owner may read the evidence.
    try {
      tightenTree(dataDir);
    } catch (error) {
      await db.close().catch(() => undefined);
      unlock();
      throw error;
    }
  }
  await db.exec("set timezone = 'UTC'");
  const identity = {};
  const base = wrap(db, identity);
  const database: Database = {
    engine: 'pglite',
    identity,
    copyCsv: base.copyCsv,
    query: base.query,
    exec: base.exec,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(wrap(tx, identity))),
    close: async () => {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
  instances.set(database, db);
  return database;
}

/** An open embedded database's data folder as an (uncompressed) tarball, to start other databases from (`loadDataDir`). */
export async function dumpPglite(db: Database): Promise<Blob> {
  const instance = instances.get(db);
  if (!instance) throw new Error('not an embedded database');
  return instance.dumpDataDir('none');
}
