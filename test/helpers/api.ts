// The API in-process on a database with a little of everything (a real court page, a statistics release), with
// both tokens configured, so that every route — public, read and operator — can be called.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { importStatistics } from '../../src/asylum/import/load.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import type { CourtDirectory } from '../../src/courts/directory/types.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import type { Database } from '../../src/db/database.ts';
import { ASSETS } from './asylum.ts';
import type { EngineFactory } from './engines.ts';
import { fixture } from './fixtures.ts';
import { bundledKnowledgeBase } from './kb.ts';

export const OPERATOR = 'operator-token-0123456789abcdef';
export const READER = 'reader-token-0123456789abcdefgh';
export const AS_OPERATOR = { authorization: `Bearer ${OPERATOR}` };
export const AS_READER = { authorization: `Bearer ${READER}` };
const CARD_URL =
  'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=100&case_uid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&delo_id=1540006&new=0';

export interface TestApi {
  app: FastifyInstance;
  db: Database;
  close(): Promise<void>;
}

/** The directory's courts and one real court card (Leninsky district court of Ufa), as every API suite starts from. */
export async function ingestTestCard(db: Database, directory: CourtDirectory): Promise<void> {
  await syncCourts(db, directory);
  await ingestPage(
    db,
    directory,
    {
      bytes: fixture('leninsky_ufa_criminal.html'),
      url: CARD_URL,
      retrievedAt: '2026-04-20T10:00:00Z',
      httpStatus: 200,
      httpHeaders: [['Content-Type', 'text/html; charset=utf-8']],
      source: 'crawl',
      sourceRef: 'test',
      synthetic: false,
    },
    'test-person-key-0123456789',
  );
}

/**
 * A fresh database with one ingested case and one statistics release, and the app over it (rate limit off).
 * `now` is the app's clock: a test that needs another day moves it, never the global Date (the embedded
 * PostgreSQL's own timers read Date: one armed in a mocked future keeps the process busy for good).
 */
export async function testApi(engine: EngineFactory, now?: () => Date): Promise<TestApi> {
  const { db, drop } = await engine.create();
  const directory = loadDirectory();
  await ingestTestCard(db, directory);
  await importStatistics(db, path.join(ASSETS, 'migr_asyappctza_RU_bulk-2024-01-18_tidy.csv.gz'));
  const config = loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_OPERATOR_TOKEN: OPERATOR, OTKAZ_READ_TOKEN: READER, OTKAZ_RATE_LIMIT: '0' });
  const app = await buildApp({ config, db, directory, kb: bundledKnowledgeBase(), ...(now ? { now } : {}) });
  return {
    app,
    db,
    async close() {
      await app.close();
      await drop();
    },
  };
}
