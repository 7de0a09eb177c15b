import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/db/database.ts';
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
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18],
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
    await db.close();
  });
});
