// The API's log (issue #11, finding 11 and "Logging"): Fastify's pino logger at the configured level, one line per
// request with its id and the route's pattern — never the raw URL (a query may carry a name), never a token, never
// page text; a failed request's line names the database error code (SQLSTATE) and nothing of the error's message.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { present } from '../../src/shared/present.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';

const OPERATOR = 'operator-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdefgh';
const NAME = 'Заречный Пётр'; // invented
const directory = loadDirectory();
const kb = loadKnowledgeBase();

function config(extra: Record<string, string> = {}) {
  return loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0', OTKAZ_OPERATOR_TOKEN: OPERATOR, OTKAZ_READ_TOKEN: READER, ...extra });
}

/** A log destination that keeps every line. */
function sink(): { write(line: string): void; lines: () => string[]; text: () => string } {
  const chunks: string[] = [];
  return { write: (line) => void chunks.push(line), lines: () => chunks.join('').split('\n').filter(Boolean), text: () => chunks.join('') };
}

/** A database error as both drivers raise it: SQLSTATE in `code`, the message naming a value. */
function failing(db: Database): Database {
  return {
    ...db,
    query: <T extends object>(sql: string, params?: readonly unknown[]) => {
      if (sql.includes('from case_defendants'))
        return Promise.reject(Object.assign(new Error(`value "${NAME}" is out of range`), { code: 'XX000', severity: 'ERROR' }));
      return db.query<T>(sql, params);
    },
  };
}

const engine = present(ENGINES[0], 'a storage engine');
describe(`API log (${engine.name})`, () => {
  let db: Database;
  let drop: () => Promise<void>;
  let caseId: number;
  before(async () => {
    ({ db, drop } = await engine.create());
    await ingestTestCard(db, directory);
    caseId = present((await db.query<{ id: number }>('select id from cases limit 1'))[0], 'the ingested case').id;
  });
  after(() => drop());

  it('one line per request, with its id and route pattern; no token, no query, no name', async () => {
    const log = sink();
    const app = await buildApp({ config: config(), db, directory, kb, logStream: log });
    try {
      const q = encodeURIComponent(NAME);
      const res = await app.inject({ url: `/api/v1/cases?q=${q}&sort=-receipt_date`, headers: { authorization: `Bearer ${READER}` } });
      assert.equal(res.statusCode, 200, res.body);
      const id = String(res.headers['x-request-id']);
      assert.ok(id, 'the answer names its request id');
      await app.inject({ url: `/api/v1/cases/${caseId}/persons`, headers: { authorization: `Bearer ${OPERATOR}` } });
      await app.inject({ url: `/api/v1/cases?q=${q}`, headers: { authorization: `Bearer wrong-${OPERATOR}` } });
      await app.inject({ url: `/api/v1/nothing-here/${q}?q=${q}` });
      const lines = log.lines().map((l) => JSON.parse(l) as { level: number; reqId?: string; route?: string; status?: number; method?: string; ms?: number });
      const mine = lines.find((l) => l.reqId === id);
      assert.ok(mine, log.text());
      assert.deepEqual([mine.method, mine.route, mine.status, mine.level], ['GET', '/api/v1/cases', 200, 30]);
      assert.equal(typeof mine.ms, 'number');
      assert.ok(lines.some((l) => l.route === '/api/v1/cases/:id/persons' && l.status === 200));
      assert.ok(
        lines.some((l) => l.status === 403),
        'the refused request is logged too',
      );
      assert.ok(
        lines.some((l) => l.status === 404),
        'and the unknown route',
      );
      const text = log.text();
      for (const secret of [NAME, 'Заречный', 'Пётр', q, READER, OPERATOR, 'q=', 'nothing-here', 'Никитина'])
        assert.ok(!text.includes(secret), `the log holds ${secret}: ${text}`);
    } finally {
      await app.close();
    }
  });

  it('a failed request: 500 for the client, the SQLSTATE (not the message) in the log', async () => {
    const log = sink();
    const app = await buildApp({ config: config(), db: failing(db), directory, kb, logStream: log });
    try {
      const res = await app.inject({ url: `/api/v1/cases/${caseId}/persons`, headers: { authorization: `Bearer ${READER}` } });
      assert.equal(res.statusCode, 500);
      assert.equal(res.json().code, 'api.internal');
      assert.ok(!res.body.includes('Заречный'));
      const errors = log
        .lines()
        .map((l) => JSON.parse(l) as { level: number; sqlstate?: string; route?: string })
        .filter((l) => l.level >= 50);
      assert.equal(errors.length, 1, log.text());
      assert.equal(errors[0]?.sqlstate, 'XX000');
      assert.equal(errors[0]?.route, '/api/v1/cases/:id/persons');
      assert.ok(!log.text().includes('Заречный'), log.text());
    } finally {
      await app.close();
    }
  });

  it('OTKAZ_LOG_LEVEL is honoured: at warn, requests are not logged, failures are', async () => {
    const log = sink();
    const app = await buildApp({ config: config({ OTKAZ_LOG_LEVEL: 'warn' }), db: failing(db), directory, kb, logStream: log });
    try {
      await app.inject({ url: '/api/v1/courts', headers: { authorization: `Bearer ${READER}` } });
      await app.inject({ url: `/api/v1/cases/${caseId}/persons`, headers: { authorization: `Bearer ${READER}` } });
      const levels = log.lines().map((l) => (JSON.parse(l) as { level: number }).level);
      assert.deepEqual(levels, [50]);
    } finally {
      await app.close();
    }
    const debug = sink();
    const chatty = await buildApp({ config: config({ OTKAZ_LOG_LEVEL: 'debug' }), db, directory, kb, logStream: debug });
    try {
      await chatty.inject({ url: '/api/v1/courts', headers: { authorization: `Bearer ${READER}` } });
      assert.ok(debug.lines().length >= 1);
      assert.ok(!debug.text().includes(READER));
    } finally {
      await chatty.close();
    }
  });
});
