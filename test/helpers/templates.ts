// Migrated databases to start test databases from, instead of running initdb and every migration per suite.
// - PGlite: the data folder of a migrated database as a tarball (`dumpDataDir`), made once per test process, kept
//   on disk for the next processes, and loaded with `loadDataDir`; the engine's WebAssembly is compiled once per
//   process too.
// - PostgreSQL: a migrated template database, `CREATE DATABASE … TEMPLATE` for each test database.
// Both are named by a hash of the migration set (and the PGlite version), so a changed migration makes a new
// template. Two test processes may race to make one: the tarball is written to a unique file and renamed into
// place (the loser's identical copy wins or loses, never half a file); the PostgreSQL template is built under an
// advisory lock, under a temporary name renamed once migrated.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { dumpPglite, openPglite, type PgliteStart } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';

const require = createRequire(import.meta.url);
const PGLITE_DIST = path.dirname(require.resolve('@electric-sql/pglite'));
const PGLITE_VERSION = (JSON.parse(readFileSync(path.join(PGLITE_DIST, '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Names the migration set: a template made from other migrations is never used. */
export const MIGRATION_SET = createHash('sha256')
  .update(
    loadMigrations()
      .map((m) => `${m.name} ${m.checksum}`)
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 16);

let engine: Promise<Required<Pick<PgliteStart, 'pgliteWasmModule' | 'fsBundle'>>> | null = null;

/** Node's WebAssembly global (the project's TypeScript libraries do not declare it). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<NonNullable<PgliteStart['pgliteWasmModule']>> } }).WebAssembly;

/** PGlite's compiled WebAssembly and file bundle, once per process. */
function pgliteEngine() {
  engine ??= (async () => ({
    pgliteWasmModule: await wasm.compile(readFileSync(path.join(PGLITE_DIST, 'pglite.wasm'))),
    fsBundle: new Blob([readFileSync(path.join(PGLITE_DIST, 'pglite.data'))]),
  }))();
  return engine;
}

/** This user's folder for templates (0700; a folder another user made is not trusted). */
function templateFolder(): string {
  const dir = path.join(os.tmpdir(), `otkaz-test-templates-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if ((process.getuid && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) throw new Error(`${dir} is not this user's own folder: remove it`);
  return dir;
}

let pgliteTarball: Promise<Blob> | null = null;

/** The data folder of a migrated, empty embedded database, as a tarball. */
export function pgliteTemplate(): Promise<Blob> {
  pgliteTarball ??= (async () => {
    const file = path.join(templateFolder(), `pglite-${PGLITE_VERSION}-${MIGRATION_SET}-checkpointed.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const db = await openPglite(null, await pgliteEngine());
    try {
      await migrate(db);
      // Everything on disk before the copy: a tarball taken without a checkpoint starts databases that differ
      // (test/crawler/bad-pages.test.ts saw a job claimed twice).
      await db.exec('checkpoint');
      const tarball = await dumpPglite(db);
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
      renameSync(partial, file);
      return tarball;
    } finally {
      await db.close();
    }
  })();
  return pgliteTarball;
}

/**
 * A migrated embedded database started from the template: in memory (`dataDir` null) or written to a folder
 * (which must hold no database yet). `migrate` then applies nothing — and would refuse a template that is not
 * this migration set.
 */
export async function openPgliteFromTemplate(dataDir: string | null): Promise<Database> {
  const db = await openPglite(dataDir, { ...(await pgliteEngine()), loadDataDir: await pgliteTemplate() });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export function databaseUrl(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Waits until no session is connected to `name` (pool.end() resolves before the server has closed them). */
export async function waitForNoSessions(client: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 250; i += 1) {
    const [row] = (await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows;
    if (!row?.n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`sessions to ${name} did not close`);
}

const postgresTemplates = new Map<string, Promise<string>>();

/** The name of a migrated template database on the server at `admin`, made if missing. */
export function postgresTemplate(admin: string): Promise<string> {
  let made = postgresTemplates.get(admin);
  if (!made) {
    made = makePostgresTemplate(admin);
    postgresTemplates.set(admin, made);
    made.catch(() => postgresTemplates.delete(admin));
  }
  return made;
}

async function makePostgresTemplate(admin: string): Promise<string> {
  const name = `otkaz_template_${MIGRATION_SET}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    // One builder at a time across processes; the lock goes with the session if a builder dies.
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rows.length === 0) {
      const building = `${name}_building`;
      await client.query(`drop database if exists ${building} with (force)`);
      await client.query(`create database ${building}`);
      const db = await openPostgres(databaseUrl(admin, building));
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      await waitForNoSessions(client, building);
      // Renamed only once complete; no connections afterwards, since a connected template cannot be copied.
      await client.query(`alter database ${building} rename to ${name}`);
      await client.query(`alter database ${name} with allow_connections false is_template true`);
    }
    return name;
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await client.end();
  }
}

/** A new database copied from the migrated template; returns its URL. */
export async function createFromTemplate(admin: string, prefix: string): Promise<{ name: string; url: string }> {
  const template = await postgresTemplate(admin);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name} template ${template}`);
  } finally {
    await client.end();
  }
  return { name, url: databaseUrl(admin, name) };
}
