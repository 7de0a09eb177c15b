// Embedded test databases reused within a test process instead of started anew from the template for every test
// (starting one costs 0.7–1.9 s of CPU; BENCHMARKS.md, 2026-12-03). `close()` on a lease does not close the
// engine: it puts the database back to the template's state and keeps it for the next `openPgliteFromTemplate(null)`
// of the same kind. A database that cannot be proven back in that state is closed for good instead:
// - the catalogue (tables, columns, functions, triggers and whether they fire, policies, roles, schemas, settings)
//   must be the template's, so a test that altered the schema never hands its schema on;
// - tables that held rows in the template (the migration log; the bundled statistics) must hold the same number
//   of rows, none written since (no row with a newer xmin), or the database is dropped;
// - every other table is emptied (DELETE with triggers off: the audit log's append-only trigger and the foreign-key
//   checks, since every table that holds a row is emptied together), and every sequence is set back.
// Session state goes with `DISCARD ALL` (settings, prepared statements, temporary tables, advisory locks, LISTEN).
// Each lease is a new `Database` object with its own `identity`, so no in-process cache keyed by it (the keyring's
// system keys) outlives the test that filled it.
import type { Database, Queryable } from '../../src/db/database.ts';

interface Baseline {
  catalogue: string;
  /** Tables with rows in the template, and how many. */
  filled: Map<string, number>;
  /** Tables empty in the template. */
  empty: string[];
  /** Each sequence's `last_value` and `is_called` in the template. */
  sequences: Map<string, { value: string; called: boolean }>;
  /** Rows whose xmin is at least this were written after the template state was taken. */
  xid: number;
}

interface Engine {
  db: Database;
  baseline: Baseline;
}

const MAX_IDLE = 2;
/** From this many rows a table is emptied with TRUNCATE rather than DELETE. */
const LARGE = 500;
const idle = new Map<string, Engine[]>();

/** What the pool did in this process (test/db/pglite-pool.test.ts checks a database was reused, or not). */
export const poolCounts = { started: 0, reused: 0, kept: 0, closed: 0 };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

const CATALOGUE = `
  select md5(string_agg(x, ',' order by x)) as fingerprint from (
    select concat_ws(':', 'c', c.oid, c.relname, c.relkind, c.relnatts, c.relrowsecurity, c.relforcerowsecurity) as x
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg\\_%temp%'
    union all select concat_ws(':', 'a', a.attrelid, a.attname, a.atttypid, a.attnotnull, a.atthasdef)
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped
    union all select concat_ws(':', 'd', d.adrelid, d.adnum, md5(pg_get_expr(d.adbin, d.adrelid)))
      from pg_attrdef d join pg_class c on c.oid = d.adrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'
    union all select concat_ws(':', 'k', k.oid, k.conname, k.convalidated) from pg_constraint k
      join pg_namespace n on n.oid = k.connamespace where n.nspname = 'public'
    union all select concat_ws(':', 'p', p.oid, md5(p.prosrc)) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname not in ('pg_catalog', 'information_schema')
    union all select concat_ws(':', 't', t.oid, t.tgenabled) from pg_trigger t
    union all select concat_ws(':', 'y', y.oid, y.polname) from pg_policy y
    union all select concat_ws(':', 'n', nspname) from pg_namespace where nspname not like 'pg\\_%temp%'
    union all select concat_ws(':', 'r', rolname, rolsuper, rolbypassrls) from pg_roles
    union all select concat_ws(':', 'e', extname, extversion) from pg_extension
    union all select concat_ws(':', 's', setdatabase, setrole, array_to_string(setconfig, ';')) from pg_db_role_setting
    union all select concat_ws(':', 'g', name, setting) from pg_file_settings where applied
  ) s`;

async function catalogue(db: Queryable): Promise<string> {
  const [row] = await db.query<{ fingerprint: string }>(CATALOGUE);
  return row?.fingerprint ?? '';
}

async function takeBaseline(db: Database): Promise<Baseline> {
  const tables = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  const counts = tables.length
    ? await db.query<{ name: string; n: number }>(tables.map((t) => `select '${t.name}' as name, count(*)::int as n from ${ident(t.name)}`).join(' union all '))
    : [];
  const filled = new Map(counts.filter((c) => c.n > 0).map((c) => [c.name, c.n]));
  const sequenceNames = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' order by 1`,
  );
  const sequences = new Map<string, { value: string; called: boolean }>();
  for (const { name } of sequenceNames) {
    const [row] = await db.query<{ value: string; called: boolean }>(`select last_value::text as value, is_called as called from ${ident(name)}`);
    if (row) sequences.set(name, row);
  }
  const [xid] = await db.query<{ xid: string }>('select (txid_current() % 4294967296)::text as xid');
  return {
    catalogue: await catalogue(db),
    filled,
    empty: counts.filter((c) => c.n === 0).map((c) => c.name),
    sequences,
    xid: Number(xid?.xid ?? 0) + 1,
  };
}

function refused(why: string): false {
  if (process.env.OTKAZ_TEST_POOL_DEBUG) console.error(`pool: not kept: ${why}`);
  return false;
}

/** Puts the database back to the template's state; false when that cannot be done (the caller closes it). */
async function reset(engine: Engine): Promise<boolean> {
  const { db, baseline } = engine;
  // A test that began a transaction by hand and never ended it: roll it back (a warning when there is none).
  await db.exec('rollback');
  await db.exec('discard all');
  await db.exec("set timezone = 'UTC'");
  if ((await catalogue(db)) !== baseline.catalogue) return refused('the catalogue changed');
  if (baseline.filled.size) {
    const checks = [...baseline.filled.keys()]
      .map((t) => `select '${t}' as name, count(*)::int as n, count(*) filter (where xmin::text::bigint >= ${baseline.xid})::int as newer from ${ident(t)}`)
      .join(' union all ');
    for (const row of await db.query<{ name: string; n: number; newer: number }>(checks)) {
      if (row.n !== baseline.filled.get(row.name) || row.newer > 0) return refused(`${row.name} was written`);
    }
  }
  if (baseline.empty.length) {
    // How many rows each table holds, counted up to a bound: a table of a few rows is emptied with DELETE (cheap),
    // a large one with TRUNCATE, whose cost does not grow with the rows (CASCADE: the tables referring to it are
    // emptied with it, as they are by then anyway).
    const written = await db.query<{ name: string; n: number }>(
      baseline.empty.map((t) => `select '${t}' as name, (select count(*)::int from (select 1 from ${ident(t)} limit ${LARGE}) r) as n`).join(' union all '),
    );
    const small = written.filter((t) => t.n > 0 && t.n < LARGE).map((t) => `delete from ${ident(t.name)};`);
    const large = written.filter((t) => t.n >= LARGE).map((t) => ident(t.name));
    if (small.length || large.length) {
      await db.exec(
        `set session_replication_role = replica; ${small.join(' ')} ${large.length ? `truncate ${large.join(', ')} cascade;` : ''} reset session_replication_role`,
      );
    }
  }
  if (baseline.sequences.size) {
    const now = await db.query<{ name: string; value: string; called: boolean }>(
      [...baseline.sequences.keys()].map((s) => `select '${s}' as name, last_value::text as value, is_called as called from ${ident(s)}`).join(' union all '),
    );
    const moved = now.filter((s) => {
      const was = baseline.sequences.get(s.name);
      return !was || was.value !== s.value || was.called !== s.called;
    });
    if (moved.length) {
      await db.query(
        `select ${moved.map((s, i) => `setval('${ident(s.name)}', $${2 * i + 1}::bigint, $${2 * i + 2}::boolean)`).join(', ')}`,
        moved.flatMap((s) => {
          const was = baseline.sequences.get(s.name);
          return [was?.value, was?.called];
        }),
      );
    }
  }
  return true;
}

function lease(kind: string, engine: Engine): Database {
  const identity = {};
  let closed: Promise<void> | undefined;
  const open = () => {
    if (closed !== undefined) throw new Error('the database is closed');
  };
  return {
    engine: 'pglite',
    identity,
    async query(sql, params) {
      open();
      return engine.db.query(sql, params);
    },
    async exec(sql) {
      open();
      return engine.db.exec(sql);
    },
    async copyCsv(table, columns, csv) {
      open();
      return engine.db.copyCsv(table, columns, csv);
    },
    async transaction(fn) {
      open();
      return engine.db.transaction((tx) => fn({ ...tx, identity }));
    },
    close() {
      closed ??= (async () => {
        let kept = false;
        try {
          const shelf = idle.get(kind) ?? [];
          if (shelf.length < MAX_IDLE && (await reset(engine))) {
            shelf.push(engine);
            idle.set(kind, shelf);
            kept = true;
            poolCounts.kept += 1;
          }
        } catch (error) {
          if (process.env.OTKAZ_TEST_POOL_DEBUG) console.error('pool: reset failed', error);
          kept = false;
        }
        if (!kept) {
          poolCounts.closed += 1;
          await engine.db.close();
        }
      })();
      return closed;
    },
  };
}

/** A database of this kind: a reset one from this process's shelf, or a new one from `open` (migrated, unused). */
export async function pooledPglite(kind: string, open: () => Promise<Database>): Promise<Database> {
  const kept = idle.get(kind)?.pop();
  if (kept) {
    poolCounts.reused += 1;
    return lease(kind, kept);
  }
  poolCounts.started += 1;
  const db = await open();
  try {
    return lease(kind, { db, baseline: await takeBaseline(db) });
  } catch (error) {
    await db.close();
    throw error;
  }
}
