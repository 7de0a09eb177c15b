// Migrated databases to start test databases from, instead of running initdb and every migration per suite.
// - PGlite: the data folder of a migrated database as a tarball (`dumpDataDir`), made once per test process, kept
//   on disk for the next processes, and loaded with `loadDataDir`; the engine's WebAssembly is compiled once per
//   process too.
// - PostgreSQL: a migrated template database, `CREATE DATABASE … TEMPLATE` for each test database.
// Both are named by a hash of the migration set (and the PGlite version), so a changed migration makes a new
// template; the PGlite one also comes with the bundled statistics loaded (`statistics`, named by the importer's and
// the bundled files' contents too). One test process builds a PGlite tarball while the others wait (a lock folder
// beside it); the tarball is written to a unique file and renamed into place, never half a file. The PostgreSQL
// template is built under an advisory lock, under a temporary name renamed once migrated.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureSnapshot, SNAPSHOT_DIR } from '../../src/asylum/snapshot.ts';
import type { Database } from '../../src/db/database.ts';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { dumpPglite, openPglite, type PgliteStart } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { projectPath } from '../../src/shared/paths.ts';
import { pooledPglite } from './pglite-pool.ts';

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
    // As the configuration would pass it (test/helpers/no-network.ts sets 16MB for every test process).
    ...(process.env.OTKAZ_PGLITE_SHARED_BUFFERS ? { sharedBuffers: process.env.OTKAZ_PGLITE_SHARED_BUFFERS } : {}),
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

/**
 * Which migrated database to start from:
 * - `migrated`: empty (what `initdb` and the migrations make);
 * - `statistics`: the same with the bundled asylum statistics loaded by `ensureSnapshot` (what a data folder holds
 *   after its first start), for suites that start the server or run statistics commands but are not about that
 *   first load (the server and `otkaz stats` tests of the first load start from `migrated`).
 */
export type TemplateKind = 'migrated' | 'statistics';

/** What the `statistics` template is made from: a change to the importer or to the bundled files makes a new one. */
function statisticsSet(): string {
  const hash = createHash('sha256').update(`${MIGRATION_SET} v2`);
  const files = [path.join(SNAPSHOT_DIR, 'manifest.json'), ...filesUnder(projectPath('src', 'asylum')), ...filesUnder(projectPath('src', 'db'))];
  for (const file of files.sort()) hash.update(`${path.relative(projectPath(), file)}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const tarballs = new Map<TemplateKind, Promise<Blob>>();

/** The data folder of a migrated database of this kind, as a tarball. */
export function pgliteTemplate(kind: TemplateKind = 'migrated'): Promise<Blob> {
  let made = tarballs.get(kind);
  if (!made) {
    made = makePgliteTemplate(kind);
    tarballs.set(kind, made);
    made.catch(() => tarballs.delete(kind));
  }
  return made;
}

async function makePgliteTemplate(kind: TemplateKind): Promise<Blob> {
  const name =
    kind === 'migrated' ? `pglite-${PGLITE_VERSION}-${MIGRATION_SET}-checkpointed-v2.tar` : `pglite-${PGLITE_VERSION}-statistics-${statisticsSet()}.tar`;
  const file = path.join(templateFolder(), name);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  // One builder at a time across the test processes (the statistics template takes seconds): the others wait for
  // its file. A builder that died leaves its lock behind; a lock older than two minutes is taken over.
  const lock = `${file}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (existsSync(file)) return new Blob([readFileSync(file)]);
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    return await buildPgliteTemplate(kind, file);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildPgliteTemplate(kind: TemplateKind, file: string): Promise<Blob> {
  const db =
    kind === 'migrated'
      ? await openPglite(null, await pgliteEngine())
      : await openPglite(null, { ...(await pgliteEngine()), loadDataDir: await pgliteTemplate('migrated') });
  try {
    await migrate(db);
    if (kind === 'statistics') await ensureSnapshot(db);
    // A database started from a tarball runs recovery, whose progress timer (10 s by default) PGlite never
    // clears: it would keep an idle process alive, so a test process holding a kept database would never end.
    if (kind === 'migrated') await db.exec('alter system set log_startup_progress_interval = 0');
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
}

/**
 * A migrated embedded database started from a template: in memory (`dataDir` null) or written to a folder
 * (which must hold no database yet). `migrate` then applies nothing — and would refuse a template that is not
 * this migration set. An in-memory one is kept after `close()`, reset, for the next test of this process
 * (test/helpers/pglite-pool.ts; `OTKAZ_TEST_POOL=0` starts every one from the template instead).
 */
export function openPgliteFromTemplate(dataDir: string | null, kind: TemplateKind = 'migrated'): Promise<Database> {
  return dataDir === null && process.env.OTKAZ_TEST_POOL !== '0' ? pooledPglite(kind, () => startFromTemplate(null, kind)) : startFromTemplate(dataDir, kind);
}

/** A migrated embedded database started from the template, never one from the pool (test/db/pglite-pool.test.ts). */
export async function startFromTemplate(dataDir: string | null, kind: TemplateKind): Promise<Database> {
  const db = await openPglite(dataDir, { ...(await pgliteEngine()), loadDataDir: await pgliteTemplate(kind) });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Writes a database of this kind into `<dataDir>/db`, where the CLI and the server keep theirs; returns `dataDir`. */
export async function templateDataFolder(dataDir: string, kind: TemplateKind = 'migrated'): Promise<string> {
  await (await openPgliteFromTemplate(path.join(dataDir, 'db'), kind)).close();
  return dataDir;
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
