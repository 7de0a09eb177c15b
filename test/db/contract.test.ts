import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database, Queryable } from '../../src/db/database.ts';
import { refreshPlannerStatistics } from '../../src/db/maintenance.ts';
import { type Migration, migrate } from '../../src/db/migrate.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/temp.ts';

for (const engine of ENGINES) {
  describe(`storage contract: ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, drop } = await engine.create());
    });
    after(() => drop());

    it('applies the migrations once and records them', async () => {
      const rows = await db.query<{ version: number }>('select version from schema_migrations order by version');
      assert.deepEqual(
        rows.map((r) => r.version),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24],
      );
      assert.deepEqual(await migrate(db), [], 'a second run applies nothing');
    });

    it('returns the same JS types on both engines', async () => {
      const [row] = await db.query<{ n: number; big: number; d: string; ts: string; num: number; b: Uint8Array }>(
        `select 1::int as n, 9007199254740::bigint as big, date '2026-04-22' as d,
                timestamptz '2026-04-22 15:56:00+03' as ts, 12.5::numeric as num, '\\x0102ff'::bytea as b`,
      );
      assert.ok(row);
      assert.equal(row.n, 1);
      assert.equal(row.big, 9007199254740);
      assert.equal(row.d, '2026-04-22');
      assert.equal(row.ts, '2026-04-22T12:56:00.000Z');
      assert.equal(row.num, 12.5);
      assert.deepEqual([...row.b], [1, 2, 255]);
    });

    it('gives bytea back byte for byte, empty and large (PGlite: the native hex decoder)', async () => {
      const large = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
      const [row] = await db.query<{ empty: Uint8Array; large: Uint8Array; zero: Uint8Array | null }>(
        "select ''::bytea as empty, $1::bytea as large, null::bytea as zero",
        [large],
      );
      assert.ok(row);
      assert.ok(row.empty instanceof Uint8Array);
      assert.equal(row.empty.length, 0);
      assert.equal(row.large.length, large.length);
      assert.ok(Buffer.from(row.large).equals(Buffer.from(large)), 'every byte');
      assert.equal(row.zero, null);
    });

    it('refreshes planner statistics of a filled table once, and again only after it grew by a fifth', async () => {
      await db.exec(`create table planner_probe (id int, pad text); insert into planner_probe select g, repeat('x', 100) from generate_series(1, 5000) g`);
      try {
        const first = await refreshPlannerStatistics(db, ['planner_probe']);
        assert.deepEqual(
          first.map((r) => r.table),
          ['planner_probe'],
        );
        const [stats] = await db.query<{ reltuples: number }>(`select reltuples from pg_class where relname = 'planner_probe'`);
        assert.equal(stats?.reltuples, 5000);
        assert.deepEqual(await refreshPlannerStatistics(db, ['planner_probe']), [], 'nothing to do until it grows');
        await db.exec(`insert into planner_probe select g, repeat('x', 100) from generate_series(5001, 10000) g`);
        assert.deepEqual(
          (await refreshPlannerStatistics(db, ['planner_probe'])).map((r) => r.table),
          ['planner_probe'],
        );
      } finally {
        await db.exec('drop table planner_probe');
      }
    });

    it('has the russian full-text configuration', async () => {
      const [row] = await db.query<{ v: string }>("select to_tsvector('russian', 'самовольное оставление части')::text as v");
      assert.match(row?.v ?? '', /'самовольн'/);
    });

    it('rolls back a failed transaction completely', async () => {
      await db.exec('create table tx_probe (id int primary key)');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('insert into tx_probe values (1)');
          await tx.query('insert into tx_probe values (1)');
        }),
      );
      const rows = await db.query('select * from tx_probe');
      assert.equal(rows.length, 0);
    });

    it('gives timestamps in UTC as Date#toISOString writes them: milliseconds, the rest cut off', async () => {
      const [row] = await db.query<Record<string, string>>(
        `select timestamptz '2026-04-22 15:56:00.123456+00' as micro, timestamptz '2026-04-22 15:56:00.1+00' as tenth,
                timestamptz '2026-04-22 15:56:07.9999+00' as almost, timestamptz '0999-01-02 03:04:05+00' as early,
                timestamptz '2026-04-22 23:30:00-02' as offset, $1::timestamptz as given, 'infinity'::timestamptz as never`,
        ['2026-12-03T09:05:15.250Z'],
      );
      assert.deepEqual(row, {
        micro: '2026-04-22T15:56:00.123Z',
        tenth: '2026-04-22T15:56:00.100Z',
        almost: '2026-04-22T15:56:07.999Z',
        early: '0999-01-02T03:04:05.000Z',
        offset: '2026-04-23T01:30:00.000Z',
        given: '2026-12-03T09:05:15.250Z',
        never: 'infinity',
      });
      for (const ms of [0, 1, 999, 1_700_000_000_123, 4_102_444_799_999]) {
        const at = new Date(ms).toISOString();
        const [again] = await db.query<{ t: string }>('select $1::timestamptz as t', [at]);
        assert.equal(again?.t, at);
      }
    });

    it('runs a statement again after its table changed shape, in a transaction too (PGlite: prepared statements are closed)', async () => {
      await db.exec('create table shape_probe (a int); insert into shape_probe values (1)');
      try {
        for (let i = 0; i < 3; i += 1) assert.deepEqual(await db.query('select * from shape_probe'), [{ a: 1 }]);
        await db.exec('alter table shape_probe add column b text default $$x$$');
        assert.deepEqual(await db.query('select * from shape_probe'), [{ a: 1, b: 'x' }]);
        await db.query('alter table shape_probe drop column a');
        assert.deepEqual(await db.transaction((tx) => tx.query('select * from shape_probe')), [{ b: 'x' }]);
      } finally {
        await db.exec('drop table shape_probe');
      }
    });

    it('answers hundreds of different statements and the first of them again, with their own parameters', async () => {
      for (let round = 0; round < 2; round += 1)
        for (let k = 0; k < 300; k += 1) {
          const [row] = await db.query<{ n: number; b: Uint8Array; s: string | null }>(`select $1::int + ${k} as n, $2::bytea as b, $3::text as s`, [
            round,
            new Uint8Array([k % 256]),
            k % 2 ? null : `v${k}`,
          ]);
          assert.equal(row?.n, round + k);
          assert.deepEqual([...(row?.b ?? [])], [k % 256]);
          assert.equal(row?.s, k % 2 ? null : `v${k}`);
        }
    });

    it('keeps working after a statement fails, in a transaction and out of one', async () => {
      await db.exec('create table fail_probe (id int primary key)');
      try {
        await db.query('insert into fail_probe values ($1)', [1]);
        await assert.rejects(db.query('insert into fail_probe values ($1)', [1]), (error: unknown) => (error as { code?: string }).code === '23505');
        await assert.rejects(db.transaction((tx) => tx.query('insert into fail_probe values ($1)', [1])));
        await assert.rejects(db.query('select * from fail_probe where id = $1', ['not a number']));
        await db.transaction(async (tx) => {
          await tx.query('insert into fail_probe values ($1)', [2]);
        });
        assert.deepEqual(await db.query('select id from fail_probe where id >= $1 order by id', [0]), [{ id: 1 }, { id: 2 }]);
      } finally {
        await db.exec('drop table fail_probe');
      }
    });

    it('PGlite: runs a repeated statement as one prepared statement, at most 256 of them, none after DISCARD ALL', async () => {
      const prepared = (like: string) =>
        db.query<{ statement: string }>('select statement from pg_prepared_statements where statement like $1 and not from_sql order by 1', [like]);
      for (let i = 0; i < 3; i += 1) await db.query('select $1::int as prepared_probe', [i]);
      if (engine.name === 'postgres') {
        assert.deepEqual(await prepared('%prepared_probe%'), [], 'node-postgres prepares no named statement');
        return;
      }
      assert.deepEqual(await prepared('%prepared_probe%'), [{ statement: 'select $1::int as prepared_probe' }]);
      for (let k = 0; k < 300; k += 1) await db.query(`select ${k} as many_probe`);
      const [count] = await db.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
      assert.ok((count?.n ?? 0) <= 256, `${count?.n} prepared`);
      assert.ok((await prepared('%many_probe%')).length >= 250);
      await db.exec('discard all');
      await db.exec("set timezone = 'UTC'");
      assert.deepEqual(await prepared('%probe%'), []);
    });

    it('answers again after DISCARD ALL and DEALLOCATE ALL, in a transaction and out of one (the test pool discards between leases)', async () => {
      const ask = (q: Queryable) => q.query<{ n: number }>('select $1::int + 1 as n', [41]);
      assert.deepEqual(await ask(db), [{ n: 42 }]);
      assert.deepEqual(await db.transaction(ask), [{ n: 42 }]);
      await db.exec('discard all');
      await db.exec("set timezone = 'UTC'");
      assert.deepEqual(await ask(db), [{ n: 42 }]);
      assert.deepEqual(await db.transaction(ask), [{ n: 42 }]);
      await db.query('deallocate all');
      assert.deepEqual(await db.transaction(ask), [{ n: 42 }]);
      assert.deepEqual(await ask(db), [{ n: 42 }]);
    });

    it('runs a statement again after a function changed its table (PGlite: the stale prepared statement is prepared again)', async () => {
      await db.exec(`create table widen_probe (a int); insert into widen_probe values (1);
        create function widen_probe_now() returns int language plpgsql as $$ begin execute 'alter table widen_probe add column b int default 2'; return 0; end $$`);
      try {
        for (let i = 0; i < 2; i += 1) assert.deepEqual(await db.query('select * from widen_probe where a = $1', [1]), [{ a: 1 }]);
        // A select, so nothing tells the wrapper that a table changed.
        await db.query('select widen_probe_now() as n');
        assert.deepEqual(await db.query('select * from widen_probe where a = $1', [1]), [{ a: 1, b: 2 }]);
      } finally {
        await db.exec('drop function widen_probe_now(); drop table widen_probe');
      }
    });

    it('answers in the old shape after a transaction that changed a table rolled back', async () => {
      await db.exec('create table undo_probe (a int); insert into undo_probe values (1)');
      try {
        const ask = (q: Queryable) => q.query('select * from undo_probe where a > $1', [0]);
        assert.deepEqual(await ask(db), [{ a: 1 }]);
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.exec('alter table undo_probe add column b int default 2');
            assert.deepEqual(await ask(tx), [{ a: 1, b: 2 }]);
            throw new Error('roll back');
          }),
          /roll back/,
        );
        assert.deepEqual(await ask(db), [{ a: 1 }]);
        assert.deepEqual(await db.transaction(ask), [{ a: 1 }]);
      } finally {
        await db.exec('drop table undo_probe');
      }
    });

    it('fails the rest of a transaction after a failed statement, and runs the same statements afterwards', async () => {
      await db.exec('create table abort_probe (id int primary key)');
      try {
        const insert = (q: Queryable, id: unknown) => q.query('insert into abort_probe values ($1) returning id', [id]);
        const ids = (q: Queryable) => q.query('select id from abort_probe where id > $1 order by id', [0]);
        const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;
        assert.deepEqual(await insert(db, 1), [{ id: 1 }]);
        await assert.rejects(
          db.transaction(async (tx) => {
            assert.deepEqual(await insert(tx, 2), [{ id: 2 }]);
            await assert.rejects(insert(tx, 1), code('23505'));
            await assert.rejects(ids(tx), code('25P02'), 'the transaction is aborted');
            await insert(tx, 3);
          }),
          code('25P02'),
        );
        // First prepared in a transaction that rolled back: prepared statements are not rolled back with it.
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.query('select count(*)::int as n from abort_probe where id <> $1', [0]);
            throw new Error('roll back');
          }),
          /roll back/,
        );
        assert.deepEqual(await db.query('select count(*)::int as n from abort_probe where id <> $1', [0]), [{ n: 1 }]);
        assert.deepEqual(await ids(db), [{ id: 1 }]);
        await db.transaction(async (tx) => {
          await insert(tx, 2);
        });
        assert.deepEqual(await ids(db), [{ id: 1 }, { id: 2 }]);
      } finally {
        await db.exec('drop table abort_probe');
      }
    });

    it('runs a statement asked outside an open transaction outside it (PGlite: after it)', async () => {
      await db.exec('create table outside_probe (id int primary key, who text)');
      try {
        const insert = (id: number, who: string) => db.query('insert into outside_probe (id, who) values ($1, $2) returning id', [id, who]);
        const inside = (q: Queryable) => q.query<{ n: number }>('select count(*)::int as n from outside_probe where who = $1', ['inside']);
        // Asked once before, so that they run prepared on PGlite.
        await insert(1, 'before');
        await inside(db);
        const order: string[] = [];
        let outside: Promise<Array<{ n: number }>> | undefined;
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.query('insert into outside_probe (id, who) values ($1, $2) returning id', [2, 'inside']);
            outside = Promise.all([insert(3, 'outside'), inside(db), db.exec('select 1')]).then(([, seen]) => {
              order.push('outside');
              return seen;
            });
            await new Promise((resolve) => setTimeout(resolve, 50));
            assert.deepEqual(await inside(tx), [{ n: 1 }]);
            order.push('transaction');
            throw new Error('roll back');
          }),
          /roll back/,
        );
        assert.deepEqual(await outside, [{ n: 0 }], "the statement outside never saw the transaction's row");
        assert.deepEqual(
          await db.query('select id, who from outside_probe order by id'),
          [
            { id: 1, who: 'before' },
            { id: 3, who: 'outside' },
          ],
          'the insert outside was not rolled back with the transaction',
        );
        if (engine.name === 'pglite') assert.deepEqual(order, ['transaction', 'outside'], 'it waited for the transaction');
      } finally {
        await db.exec('drop table outside_probe');
      }
    });

    it('stops on a failing migration, names it, and keeps the earlier ones', async () => {
      const bad: Migration[] = [{ version: 1, name: '001_courts_core', sql: '', checksum: '' }];
      await assert.rejects(migrate(db, bad), (error: unknown) => {
        assert.ok(error instanceof OtkazError);
        assert.equal(error.code, ErrorCode.DbMigration);
        assert.match(error.message, /001_courts_core was changed/);
        return true;
      });
    });
  });
}

describe('migration failure on a fresh database', () => {
  for (const engine of ENGINES) {
    it(`${engine.name}: a broken migration is rolled back and reported`, async () => {
      const { db, drop } = await engine.create();
      try {
        const current = await db.query<{ version: number; name: string; checksum: string }>('select version, name, checksum from schema_migrations');
        const known: Migration[] = current.map((r) => ({ ...r, sql: '' }));
        const broken: Migration = { version: 999, name: '999_broken', sql: 'create table half (id int); select * from nope;', checksum: 'x' };
        await assert.rejects(migrate(db, [...known, broken]), (error: unknown) => {
          assert.ok(error instanceof OtkazError);
          assert.equal(error.code, ErrorCode.DbMigration);
          assert.match(error.message, /999_broken failed/);
          return true;
        });
        const half = await db.query("select 1 from information_schema.tables where table_name = 'half'");
        assert.equal(half.length, 0, 'the broken migration left nothing behind');
      } finally {
        await drop();
      }
    });
  }
});

describe('statements asked before a migration', () => {
  for (const engine of ENGINES) {
    it(`${engine.name}: answer in the shape the migration gave their table`, async () => {
      const { db, drop } = await engine.create();
      try {
        const current = await db.query<{ version: number; name: string; checksum: string }>('select version, name, checksum from schema_migrations');
        const known: Migration[] = current.map((r) => ({ ...r, sql: '' }));
        const step = (version: number, sql: string): Migration => ({ version, name: `${version}_probe`, sql, checksum: `probe ${version}` });
        const first = step(901, 'create table migrated_probe (a int); insert into migrated_probe values (1)');
        assert.deepEqual(await migrate(db, [...known, first]), [901]);
        const ask = (q: Queryable) => q.query('select * from migrated_probe where a = $1', [1]);
        assert.deepEqual(await ask(db), [{ a: 1 }]);
        assert.deepEqual(await db.transaction(ask), [{ a: 1 }]);
        assert.deepEqual(await migrate(db, [...known, first, step(902, 'alter table migrated_probe add column b int default 2')]), [902]);
        assert.deepEqual(await ask(db), [{ a: 1, b: 2 }]);
        assert.deepEqual(await db.transaction(ask), [{ a: 1, b: 2 }]);
      } finally {
        await drop();
      }
    });
  }
});

describe('embedded database folder', () => {
  it('one process at a time: a second open is refused with a clear message; a stale lock is taken over', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { openDatabase } = await import('../../src/db/open.ts');
    const dir = tempDir('otkaz-lock-');
    // A live process other than this one holds the lock: the parent test runner.
    writeFileSync(path.join(dir, 'otkaz.lock'), String(process.ppid));
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir: dir }), (error: unknown) => {
      assert.ok(error instanceof OtkazError);
      assert.equal(error.code, ErrorCode.DbConnect);
      assert.match(error.message, new RegExp(`in use by process ${process.ppid}`));
      return true;
    });
    writeFileSync(path.join(dir, 'otkaz.lock'), '999999999');
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    assert.deepEqual(await db.query('select $1::int as n', [1]), [{ n: 1 }]);
    const asked = db.query('select $1::int as n', [2]);
    await db.close();
    // Asked before close(): answered, or refused; asked after: refused, not sent to a closed engine.
    await asked.then(
      (rows) => assert.deepEqual(rows, [{ n: 2 }]),
      (error: unknown) => assert.match(String(error), /closed|closing/),
    );
    await assert.rejects(db.query('select $1::int as n', [3]), /closed|closing/);
  });
});
