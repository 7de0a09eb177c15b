// The storage contract runs on both engines: every storage test iterates over `ENGINES`.
// Each starts from a migrated template (test/helpers/templates.ts) instead of migrating every database.
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createFromTemplate, openPgliteFromTemplate, waitForNoSessions } from './templates.ts';

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
      const db = await openPgliteFromTemplate(null);
      return { db, url: null, drop: () => db.close() };
    },
  },
  {
    name: 'postgres',
    async create() {
      const admin = adminUrl();
      const { name, url } = await createFromTemplate(admin, 'otkaz_test');
      // openDatabase migrates: nothing to apply, and it checks that the template is this migration set.
      const db = await openDatabase({ kind: 'postgres', url });
      return {
        db,
        url,
        async drop() {
          await db.close();
          const c = new pg.Client({ connectionString: admin });
          await c.connect();
          // pool.end() resolves before the server has closed the last sessions: wait for them, so that the drop
          // never terminates a session whose client is still saying goodbye.
          await waitForNoSessions(c, name).catch(() => undefined);
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  },
];
