// The test helpers' pool of embedded databases (test/helpers/pglite-pool.ts) hands the next test a database reset to
// exactly the template's state: every table's rows, every sequence, the schema, the roles and settings, and no
// session state left (open transaction, role, settings, temporary tables, advisory locks, LISTEN), compared with a
// database freshly started from the same template. A database that cannot be put back (its schema or a row the
// template held was changed) is closed, never handed on; two leases at once are two databases; a closed lease
// refuses queries.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importStatistics } from '../../src/asylum/import/load.ts';
import type { Database } from '../../src/db/database.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { addNoteOperation } from '../../src/operations/clients/note.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { SAMPLES } from '../helpers/asylum.ts';
import { actingAs, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { poolCounts } from '../helpers/pglite-pool.ts';
import { openPgliteFromTemplate, startFromTemplate, type TemplateKind } from '../helpers/templates.ts';

const SYSTEM = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'`;

/** Rows of `sql` as lines of text, in order (each query orders its own rows). */
async function lines(db: Database, sql: string): Promise<string[]> {
  return (await db.query<Record<string, unknown>>(sql)).map((row) => JSON.stringify(row));
}

/** Whether a transaction is open: a savepoint is refused outside one. */
function inTransaction(db: Database): Promise<boolean> {
  return db.exec('savepoint probe').then(
    async () => {
      await db.exec('release savepoint probe');
      return true;
    },
    () => false,
  );
}

/**
 * Everything a test could read from the database: each table's rows (a count and a digest of every row as text, in
 * a total order), each sequence's position, the schema in PostgreSQL's own words (pg_get_*def), roles, grants,
 * settings, and the session's state.
 */
async function everything(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and ${SYSTEM} order by 1, 2`,
  );
  const rows: string[] = [];
  for (const { schema, name } of tables) {
    const at = `"${schema}"."${name}"`;
    const [row] = await db.query<{ n: number; digest: string | null }>(
      // order-free: two sums of a 64-bit hash of each row as text (a multiset's digest; no sort of 110,000 rows)
      `select count(*)::int as n, sum(hashtextextended(t::text, 0))::text || ' ' || sum(hashtextextended(t::text, 1))::text as digest from ${at} t`,
    );
    rows.push(`${at} ${row?.n} ${row?.digest ?? ''}`);
  }
  const sequences: string[] = [];
  for (const { schema, name } of await db.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'S' and ${SYSTEM} order by 1, 2`,
  )) {
    const [row] = await db.query<{ value: string; called: boolean }>(`select last_value::text as value, is_called as called from "${schema}"."${name}"`);
    sequences.push(`${schema}.${name} ${row?.value} ${row?.called}`);
  }
  return {
    transaction: [`open: ${await inTransaction(db)}`],
    rows,
    sequences,
    relations: await lines(
      db,
      `select n.nspname, c.relname, c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity, c.relacl::text, c.reloptions::text
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${SYSTEM} order by 1, 2`,
    ),
    columns: await lines(
      db,
      `select c.oid::regclass::text as rel, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull, a.attisdropped,
              a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid) as def, a.attacl::text
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
         left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
         where a.attnum > 0 and ${SYSTEM} order by 1, 2`,
    ),
    constraints: await lines(
      db,
      `select k.conrelid::regclass::text as rel, k.conname, pg_get_constraintdef(k.oid) as def, k.convalidated, k.condeferrable
         from pg_constraint k join pg_namespace n on n.oid = k.connamespace where ${SYSTEM} order by 1, 2`,
    ),
    indexes: await lines(
      db,
      `select c.relname, pg_get_indexdef(c.oid) as def from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('i', 'I') and ${SYSTEM} order by 1`,
    ),
    triggers: await lines(
      db,
      'select tgrelid::regclass::text as rel, tgname, pg_get_triggerdef(oid) as def, tgenabled from pg_trigger where not tgisinternal order by 1, 2',
    ),
    functions: await lines(
      db,
      `select p.oid::regprocedure::text as sig, case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) else p.prosrc end as def, p.proacl::text
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace where ${SYSTEM} order by 1`,
    ),
    views: await lines(
      db,
      `select c.oid::regclass::text as rel, pg_get_viewdef(c.oid) as def from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('v', 'm') and ${SYSTEM} order by 1`,
    ),
    policies: await lines(db, 'select * from pg_policies order by schemaname, tablename, policyname'),
    types: await lines(
      db,
      `select t.typname, t.typtype, t.typacl::text, (select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as labels
         from pg_type t join pg_namespace n on n.oid = t.typnamespace where ${SYSTEM} order by 1`,
    ),
    namespaces: await lines(db, `select nspname, nspacl::text from pg_namespace where nspname not like 'pg\\_%temp%' order by 1`),
    roles: await lines(
      db,
      'select rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolconfig::text from pg_roles order by 1',
    ),
    memberships: await lines(db, 'select roleid::regrole::text as role, member::regrole::text as member, admin_option from pg_auth_members order by 1, 2'),
    defaultGrants: await lines(db, 'select defaclrole::regrole::text, defaclobjtype, defaclacl::text from pg_default_acl order by 1, 2'),
    extensions: await lines(db, 'select extname, extversion from pg_extension order by 1'),
    largeObjects: await lines(db, 'select count(*)::int as n from pg_largeobject_metadata'),
    databaseSettings: await lines(db, 'select setdatabase, setrole, setconfig::text from pg_db_role_setting order by 1, 2'),
    fileSettings: await lines(db, 'select name, setting, applied from pg_file_settings order by name, seqno'),
    settings: await lines(db, 'select name, setting, source from pg_settings order by 1'),
    session: await lines(
      db,
      `select current_user, session_user,
              (select count(*)::int from pg_listening_channels()) as listening,
              (select count(*)::int from pg_locks where locktype = 'advisory') as advisory_locks,
              (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname like 'pg\\_temp%') as temporary_relations`,
    ),
  };
}

/** The same content, key by key; a difference names its key and lines only (the whole is thousands of lines). */
function assertSame(actual: Record<string, string[]>, expected: Record<string, string[]>, message = ''): void {
  assert.deepEqual(Object.keys(actual), Object.keys(expected));
  for (const [key, lines] of Object.entries(expected)) {
    const got = actual[key] ?? [];
    const missing = lines.filter((line) => !got.includes(line));
    const extra = got.filter((line) => !lines.includes(line));
    assert.deepEqual(
      { key, missing, extra, sameOrder: missing.length + extra.length > 0 || got.join('\n') === lines.join('\n') },
      { key, missing: [], extra: [], sameOrder: true },
      message,
    );
  }
}

const freshContent = new Map<TemplateKind, Promise<Record<string, string[]>>>();

/** What a database freshly started from the template holds (once per kind in this file). */
function fresh(kind: TemplateKind): Promise<Record<string, string[]>> {
  let content = freshContent.get(kind);
  if (!content) {
    content = (async () => {
      const db = await startFromTemplate(null, kind);
      try {
        return await everything(db);
      } finally {
        await db.close();
      }
    })();
    freshContent.set(kind, content);
  }
  return content;
}

/** Leaves what a careless test might: an open transaction under another role, settings, a temporary table, a lock, a LISTEN. */
async function leaveSessionState(db: Database): Promise<void> {
  await db.exec('create temporary table scratch (x int); insert into scratch values (1)');
  await db.query('select pg_advisory_lock(4242)');
  await db.exec("listen otkaz_pool_test; set statement_timeout = '5s'; set search_path = pg_catalog, public; set timezone = 'Asia/Yekaterinburg'");
  await db.exec('begin; set local lock_timeout = 1000; set role otkaz_member');
  assert.equal(await inTransaction(db), true);
}

describe('the pool of embedded test databases', () => {
  it('a database written all over and left in a mess is handed on equal to a fresh one from the template, in every table, sequence and the schema', async () => {
    const template = await fresh('migrated');
    const before = { ...poolCounts };
    const db = await openPgliteFromTemplate(null);
    assertSame(await everything(db), template, 'a new lease starts as the template');
    const world = caseworkWorld(db);
    await ingestTestCard(db, world.directory);
    await importStatistics(db, path.join(SAMPLES, 'migr_asyappctza_jsonstat.json'));
    const org = await seedOrg(world, 'test-pool-org');
    const lawyer = await seedMember(world, org, 'lawyer');
    const created = await createClientOperation.run(
      actingAs(world, lawyer),
      createClientOperation.input.parse({
        person: { names: [{ script: 'latin', family: 'Pooltestov', given: 'Synthetic' }] },
        consent: { shareWithinOrganisation: true, referralTo: [] },
        summary: 'SYNTHETIC pool test',
      }),
    );
    await addNoteOperation.run(actingAs(world, lawyer), addNoteOperation.input.parse({ id: created.id, kind: 'call', text: 'SYNTHETIC note' }));
    const dirty = await everything(db);
    const written = dirty.rows?.filter((line, i) => line !== template.rows?.[i]) ?? [];
    // the workload reached the court, capture, statistics, organisation, member, key, client and audit tables
    for (const table of [
      'courts',
      'captures',
      'cases',
      'stat_releases',
      'stat_observations',
      'organisations',
      'users',
      'org_keys',
      'clients',
      'client_notes',
      'audit_log',
    ]) {
      assert.ok(
        written.some((line) => line.startsWith(`"public"."${table}" `)),
        `${table} was written`,
      );
    }
    assert.notDeepEqual(dirty.sequences, template.sequences, 'sequences moved');
    await leaveSessionState(db);
    await db.close();
    assert.equal(poolCounts.kept, before.kept + 1, 'kept for the next test');
    await assert.rejects(db.query('select 1'), /closed/);

    const next = await openPgliteFromTemplate(null);
    try {
      assert.equal(poolCounts.reused, before.reused + 1, 'the same engine, reset');
      assertSame(await everything(next), template);
    } finally {
      await next.close();
    }
  });

  it('a database whose schema or template rows were changed is closed, not handed on', async () => {
    const template = await fresh('migrated');
    for (const change of [
      'alter table courts add column extra int',
      'alter table audit_log disable trigger all',
      'update schema_migrations set name = name where version = 1',
      'create temporary table kept_row as select * from schema_migrations where version = 18; delete from schema_migrations where version = 18; insert into schema_migrations select * from kept_row; drop table kept_row',
    ]) {
      const before = { ...poolCounts };
      const db = await openPgliteFromTemplate(null);
      await db.exec(change);
      await db.close();
      assert.equal(poolCounts.closed, before.closed + 1, `closed after: ${change}`);
      assert.equal(poolCounts.kept, before.kept, `not kept after: ${change}`);
    }
    const next = await openPgliteFromTemplate(null);
    try {
      assertSame(await everything(next), template);
    } finally {
      await next.close();
    }
  });

  it('two leases open at once are two databases; a lease closed twice closes once', async () => {
    const a = await openPgliteFromTemplate(null);
    const b = await openPgliteFromTemplate(null);
    try {
      await a.query("insert into organisations (id, slug, name) values (gen_random_uuid(), 'test-pool-a', 'Test (SYNTHETIC)')");
      assert.deepEqual(await b.query('select slug from organisations'), []);
      assert.deepEqual(await a.query('select slug from organisations'), [{ slug: 'test-pool-a' }]);
    } finally {
      await Promise.all([a.close(), a.close(), b.close()]);
    }
    await assert.rejects(a.exec('select 1'), /closed/);
  });

  it('the statistics template: rows added elsewhere are removed, its loaded statistics stay; a written statistics row closes the database', async () => {
    const template = await fresh('statistics');
    const before = { ...poolCounts };
    const db = await openPgliteFromTemplate(null, 'statistics');
    const world = caseworkWorld(db);
    await seedOrg(world, 'test-pool-stats');
    await leaveSessionState(db);
    await db.close();
    assert.equal(poolCounts.kept, before.kept + 1);
    const next = await openPgliteFromTemplate(null, 'statistics');
    try {
      assert.equal(poolCounts.reused, before.reused + 1);
      assertSame(await everything(next), template);
      await next.exec('update stat_observations set indicator = indicator where ctid = (select min(ctid) from stat_observations)');
    } finally {
      await next.close();
    }
    assert.equal(poolCounts.closed, before.closed + 1, 'a changed statistics row: closed');
  });
});
