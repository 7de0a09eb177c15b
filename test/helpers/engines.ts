// The storage contract runs on both engines: every storage test iterates over `ENGINES`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';

export interface EngineFactory {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; `drop` removes it. */
  create(): Promise<{ db: Database; url: string | null; drop(): Promise<void> }>;
}

function adminUrl(): string {
  const url = process.env.OTKAZ_TEST_DATABASE_URL;
  if (!url) throw new Error('OTKAZ_TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL');
  return url;
}

export const ENGINES: EngineFactory[] = [
  {
    name: 'pglite',
    async create() {
      const db = await openDatabase({ kind: 'pglite', dataDir: null });
      return { db, url: null, drop: () => db.close() };
    },
  },
  {
    name: 'postgres',
    async create() {
      const admin = adminUrl();
      const name = `otkaz_test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`create database ${name}`);
      await client.end();
      const url = new URL(admin);
      url.pathname = `/${name}`;
      const db = await openDatabase({ kind: 'postgres', url: url.toString() });
      return {
        db,
        url: url.toString(),
        async drop() {
          await db.close();
          const c = new pg.Client({ connectionString: admin });
          await c.connect();
          // pool.end() resolves before the server has closed the last sessions: wait for them, so that the drop
          // never terminates a session whose client is still saying goodbye.
          for (let i = 0; i < 100; i += 1) {
            const [row] = (await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows;
            if (!row?.n) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  },
];
