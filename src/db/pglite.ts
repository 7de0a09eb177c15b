import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Mutex, PGlite, type PGliteOptions, parse as pgliteParse, protocol, type Transaction } from '@electric-sql/pglite';
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

const { serialize } = protocol;

/** At most this many statements stay prepared per database (the one used longest ago is closed first). */
const PREPARED_LIMIT = 256;

/** Statements worth preparing: what the application asks again and again (DDL and the rest take PGlite's own path). */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * SQLSTATEs after which a prepared statement is prepared again: its result changed shape since it was prepared
 * (0A000, "cached plan must not change result type"); it is gone (26000, after a DISCARD or DEALLOCATE).
 */
const STALE = new Set(['0A000', '26000']);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const stale = (error: unknown) => STALE.has((error as { code?: unknown }).code as string);

/**
 * Named prepared statements, one set per database, for the statements the application repeats. PGlite's own
 * `query` parses, plans and describes every statement again, in six calls into the engine (parse, describe, bind,
 * describe, execute, sync); here a statement is parsed and described once, and each later run is one call (bind,
 * describe, execute, sync). Issue #13, bench/casework-cpu.ts: a third to a half less CPU per case-file request.
 * PostgreSQL's plan cache chooses between a custom and a generic plan, as for any prepared statement.
 * Only PGlite's public API: `execProtocolStream` with the wire-protocol serialiser it exports, its own `parse`
 * functions to read the answer and the database's parsers and serialisers, exactly as `query` uses them.
 *
 * Correctness (test/db/contract.test.ts): PostgreSQL plans a prepared statement again when what it depends on
 * changed (a table, an index, the role and row-level security, search_path). What it refuses is one whose result
 * changed shape (`select *` after an ALTER TABLE, SQLSTATE 0A000): so every statement of another kind (DDL, a
 * script through `exec`, DISCARD, a savepoint) forgets them all, before and after it runs, and so does the end of
 * a transaction that ran one (its rollback may undo an ALTER). One found stale anyway (DDL run by a function called
 * from a select, which otkaz does not do) is prepared again and run again outside a transaction (nothing ran: it
 * is the Bind that fails); inside one, the transaction fails, where node-postgres (unnamed statements) would not.
 * Prepared statements are not transactional: they outlive a rolled-back transaction. The caller holds the locks
 * (see `wrap`).
 */
class PreparedStatements {
  readonly #db: PGlite;
  /** By SQL text; the Map's order is the order of last use (a use moves a statement to the end). */
  readonly #statements = new Map<string, { name: string; types: number[] }>();
  /** Statements to close when the next one is prepared (after `forget`, or pushed out by the limit). */
  #closing: string[] = [];
  #named = 0;
  constructor(db: PGlite) {
    this.#db = db;
  }

  forget(): void {
    for (const { name } of this.#statements.values()) this.#closing.push(name);
    this.#statements.clear();
  }

  async #prepare(sql: string): Promise<{ name: string; types: number[] }> {
    // Closing a statement that DISCARD ALL already closed is not an error.
    const parts: Uint8Array[] = this.#closing.map((name) => serialize.close({ type: 'S', name }));
    this.#closing = [];
    if (this.#statements.size >= PREPARED_LIMIT) {
      const [oldest, old] = this.#statements.entries().next().value ?? [];
      if (oldest !== undefined && old) {
        this.#statements.delete(oldest);
        parts.push(serialize.close({ type: 'S', name: old.name }));
      }
    }
    this.#named += 1;
    const name = `otkaz_${this.#named}`;
    parts.push(serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync());
    const described = await this.#db.execProtocolStream(concat(parts), { syncToFs: false });
    const statement = { name, types: pgliteParse.parseDescribeStatementResults(described) };
    this.#statements.set(sql, statement);
    return statement;
  }

  async run<T>(sql: string, params: readonly unknown[], inTransaction: boolean): Promise<T[]> {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
      this.#statements.set(sql, statement);
    } else statement = await this.#prepare(sql);
    try {
      return await this.#execute<T>(statement, params);
    } catch (error) {
      if (!stale(error)) throw error;
      this.#statements.delete(sql);
      this.#closing.push(statement.name);
      if (inTransaction) throw error;
      return this.#execute<T>(await this.#prepare(sql), params);
    }
  }

  async #execute<T>(statement: { name: string; types: number[] }, params: readonly unknown[]): Promise<T[]> {
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.#db.serializers[statement.types[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    const messages = await this.#db.execProtocolStream(
      concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    return (pgliteParse.parseResults(messages, this.#db.parsers)[0]?.rows ?? []) as T[];
  }
}

/** What the wrappers of one database share: the engine, its prepared statements, and the lock of its transactions. */
interface Engine {
  db: PGlite;
  prepared: PreparedStatements;
  /**
   * Held by each transaction from its start to its end, and by each prepared statement run outside one: so that
   * such a statement waits for an open transaction instead of running inside it. (PGlite's `query` takes its own
   * transaction lock for that; a prepared statement goes past `query`, so it takes this one, which every
   * transaction of this module holds too. Other statements still go through `query`, and PGlite's lock.)
   */
  transactions: Mutex;
}

function assertOpen(db: PGlite): void {
  if (!db.ready) throw new Error(db.closed ? 'PGlite is closed' : 'PGlite is closing');
}

/**
 * `target`: the database, or one of its open transactions (then `transaction` is given, and told whether it ran a
 * statement that is not preparable). A statement the application repeats runs prepared (PreparedStatements), under
 * PGlite's query lock, and outside a transaction under the transaction lock too (`Engine.transactions`); any other
 * goes through PGlite's `query` or `exec`, as before, and forgets the prepared statements.
 */
function wrap(target: PGlite | Transaction, identity: object, engine: Engine, transaction?: { ranOther: boolean }): Queryable {
  const { db, prepared } = engine;
  const other = async <T>(run: () => Promise<T>): Promise<T> => {
    if (transaction) transaction.ranOther = true;
    prepared.forget();
    try {
      return await run();
    } finally {
      prepared.forget();
    }
  };
  return {
    identity,
    async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      if (!PREPARABLE.test(sql)) return other(async () => (await target.query<T>(sql, params as unknown[])).rows);
      if (transaction) {
        if ((target as Transaction).closed) throw new Error('Transaction is closed');
        return db.runExclusive(() => {
          assertOpen(db);
          return prepared.run<T>(sql, params, true);
        });
      }
      return engine.transactions.runExclusive(() =>
        db.runExclusive(async () => {
          assertOpen(db);
          try {
            return await prepared.run<T>(sql, params, false);
          } finally {
            await db.syncToFs();
          }
        }),
      );
    },
    async exec(sql: string): Promise<void> {
      await other(() => target.exec(sql));
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
  const engine: Engine = { db, prepared: new PreparedStatements(db), transactions: new Mutex() };
  const base = wrap(db, identity, engine);
  const database: Database = {
    engine: 'pglite',
    identity,
    copyCsv: base.copyCsv,
    query: base.query,
    exec: base.exec,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      engine.transactions.runExclusive(async () => {
        const ran = { ranOther: false };
        try {
          return await db.transaction((tx) => fn(wrap(tx, identity, engine, ran)));
        } finally {
          // A rollback may undo DDL the transaction ran: what was prepared after it may not fit any more.
          if (ran.ranOther) engine.prepared.forget();
        }
      }),
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
