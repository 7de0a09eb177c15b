// The HTTP API in-process (Fastify inject), on both engines: the guard decision of every route (snapshot), tokens,
// problem+json errors with stable codes, OpenAPI, cases and captures from a real page, statistics, operations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, routeTable } from '../../src/api/app.ts';
import { type CachedResponse, ResponseCache } from '../../src/api/cache.ts';
import { importStatistics } from '../../src/asylum/import/load.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { decide } from '../../src/ops/policy.ts';
import { projectPath } from '../../src/shared/paths.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { ASSETS, SAMPLES } from '../helpers/asylum.ts';
import { ENGINES } from '../helpers/engines.ts';

const SNAPSHOT = projectPath('test', 'api', 'routes.snapshot.txt');
const OPERATOR = 'operator-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdefgh';
const directory = loadDirectory();
const kb = loadKnowledgeBase();

function config(extra: Record<string, string> = {}) {
  return loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', ...extra });
}

describe('access decisions', () => {
  it('public, read and operator routes with and without tokens', () => {
    assert.deepEqual(decide('public', null, {}), { allow: true, role: 'anonymous' });
    assert.deepEqual(decide('read', null, {}), { allow: true, role: 'anonymous' });
    assert.deepEqual(decide('read', null, { readToken: READER }), { allow: false, reason: 'unauthorized' });
    assert.deepEqual(decide('read', READER, { readToken: READER }), { allow: true, role: 'reader' });
    assert.deepEqual(decide('read', OPERATOR, { readToken: READER, operatorToken: OPERATOR }), { allow: true, role: 'operator' });
    assert.deepEqual(decide('operator', OPERATOR, {}), { allow: false, reason: 'operations_disabled' });
    assert.deepEqual(decide('operator', READER, { operatorToken: OPERATOR }), { allow: false, reason: 'forbidden' });
    assert.deepEqual(decide('operator', OPERATOR, { operatorToken: OPERATOR }), { allow: true, role: 'operator' });
  });
});

for (const engine of ENGINES) {
  describe(`HTTP API on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let open: FastifyInstance;
    let guarded: FastifyInstance;
    before(async () => {
      ({ db, drop } = await engine.create());
      await ingestTestCard(db, directory);
      await importStatistics(db, path.join(ASSETS, 'migr_asyappctza_RU_bulk-2024-01-18_tidy.csv.gz'));
      open = await buildApp({ config: config({ OTKAZ_RATE_LIMIT: '0' }), db, directory, kb });
      guarded = await buildApp({ config: config({ OTKAZ_OPERATOR_TOKEN: OPERATOR, OTKAZ_READ_TOKEN: READER, OTKAZ_RATE_LIMIT: '0' }), db, directory, kb });
    });
    after(async () => {
      await open.close();
      await guarded.close();
      await drop();
    });

    it('every route has a guard decision, and the list is the committed snapshot', () => {
      const table = routeTable(open);
      const expected = readFileSync(SNAPSHOT, 'utf8').trim().split('\n');
      assert.deepEqual(table, expected, 'a route was added or its access changed: review it and update test/api/routes.snapshot.txt');
    });

    it('operations are off without a configured token; with one they need it', async () => {
      const off = await open.inject({ method: 'POST', url: '/api/v1/operations/crawl', payload: { from: '2024-01-01', to: '2024-01-31' } });
      assert.equal(off.statusCode, 403);
      assert.equal(off.json().code, 'api.operations_disabled');
      const anonymous = await guarded.inject({ method: 'POST', url: '/api/v1/operations/crawl', payload: { from: '2024-01-01', to: '2024-01-31' } });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.headers['www-authenticate'], 'Bearer');
      const reader = await guarded.inject({
        method: 'POST',
        url: '/api/v1/operations/crawl',
        headers: { authorization: `Bearer ${READER}` },
        payload: { from: '2024-01-01', to: '2024-01-31' },
      });
      assert.equal(reader.statusCode, 403);
      const planned = await guarded.inject({
        method: 'POST',
        url: '/api/v1/operations/crawl',
        headers: { authorization: `Bearer ${OPERATOR}` },
        payload: { courts: ['66GV0008'], articles: ['337'], from: '2024-01-01', to: '2024-02-29' },
      });
      assert.equal(planned.statusCode, 200, planned.body);
      assert.equal(planned.json().created, 2);
      const captcha = await guarded.inject({
        method: 'POST',
        url: '/api/v1/operations/captchas/999',
        headers: { authorization: `Bearer ${OPERATOR}` },
        payload: { answer: '12345' },
      });
      assert.equal(captcha.statusCode, 404);
      assert.equal(captcha.json().code, 'input.not_found');
    });

    it('private reads need a token; health and the API description stay public', async () => {
      assert.equal((await guarded.inject({ url: '/api/v1/cases' })).statusCode, 401);
      assert.equal((await guarded.inject({ url: '/api/v1/cases', headers: { authorization: `Bearer ${READER}` } })).statusCode, 200);
      assert.equal((await guarded.inject({ url: '/healthz' })).statusCode, 200);
      assert.equal((await guarded.inject({ url: '/api/openapi.json' })).statusCode, 200);
    });

    it('invalid input is problem+json with a stable code; unknown routes 404; wrong methods 405', async () => {
      const bad = await open.inject({ url: '/api/v1/cases?pageSize=1000' });
      assert.equal(bad.statusCode, 400);
      assert.match(String(bad.headers['content-type']), /^application\/problem\+json/);
      assert.equal(bad.json().code, 'api.validation');
      assert.match(bad.json().detail, /pageSize/);
      const unknown = await open.inject({ url: '/api/v1/cases?colour=red' });
      assert.equal(unknown.statusCode, 400);
      assert.equal((await open.inject({ url: '/api/v1/nope' })).json().code, 'api.not_found');
      const wrong = await open.inject({ method: 'DELETE', url: '/api/v1/courts' });
      assert.equal(wrong.statusCode, 405);
      assert.equal(wrong.headers.allow, 'GET');
      const query = await open.inject({ url: '/api/v1/stats/series?period=fiscal_year&from=2022-Q1' });
      assert.deepEqual([query.statusCode, query.json().code], [400, 'stats.query']);
    });

    it('secure headers on every response', async () => {
      const res = await open.inject({ url: '/guidance' });
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers['content-security-policy']), /base-uri 'none'/);
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
    });

    it('OpenAPI 3.1 describes the routes from the same schemas; operations carry their security', async () => {
      const doc = (await open.inject({ url: '/api/openapi.json' })).json() as {
        openapi: string;
        paths: Record<string, Record<string, { security?: unknown; parameters?: Array<{ name: string }> }>>;
      };
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.paths['/api/v1/cases']?.get?.parameters?.some((p) => p.name === 'article'));
      assert.deepEqual(doc.paths['/api/v1/operations/crawl']?.post?.security, [{ bearer: [] }]);
      assert.match((await open.inject({ url: '/api/docs' })).body, /\/api\/v1\/stats\/series/);
    });

    it('/healthz answers its declared schema, and the OpenAPI document describes it', async () => {
      const doc = (await open.inject({ url: '/api/openapi.json' })).json() as {
        paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, { schema?: { required?: string[] } }> }> } }>;
      };
      assert.deepEqual(doc.paths['/healthz']?.get?.responses?.['200']?.content?.['application/json']?.schema?.required?.sort(), ['engine', 'ok', 'statistics']);
      assert.deepEqual((await open.inject({ url: '/healthz' })).json(), { ok: true, engine: db.engine, statistics: 'ready' });
    });

    it('cases: filter, sort, CSV; a case with persons (initials), history, penalties; its capture and WARC', async () => {
      const all = await open.inject({ url: '/api/v1/cases' });
      assert.equal(all.json().total, 1, all.body);
      const list = (await open.inject({ url: '/api/v1/cases?article=173.1&sort=-receipt_date' })).json() as {
        total: number;
        rows: Array<{ id: number; articles: string; defendants: string }>;
      };
      assert.equal(list.total, 1);
      const [listed] = list.rows;
      assert.ok(listed, 'one case listed');
      assert.equal(listed.articles, '173.1 ч.2');
      assert.equal(listed.defendants, 'Н.А.Р.');
      assert.equal((await open.inject({ url: '/api/v1/cases?article=337' })).json().total, 0);
      const csv = await open.inject({ url: '/api/v1/cases?format=csv' });
      assert.match(csv.body, /^id,court_vnkod,court_name,case_number,receipt_date,decision_date,articles,defendants,outcome,synthetic,removed_at\n/);
      const id = listed.id;
      const detail = (await open.inject({ url: `/api/v1/cases/${id}` })).json() as {
        persons: Array<{ initials: string }>;
        history: Array<{ capture_id: number; sha256: string }>;
        penalties: unknown[];
      };
      assert.equal(detail.persons[0]?.initials, 'Н.А.Р.');
      assert.ok(!JSON.stringify(detail).includes('Никитина'), 'no full name');
      const [capture] = detail.history;
      assert.ok(capture, 'the case has a capture');
      assert.match(capture.sha256, /^2d621169ee315353/);
      // Raw captures and WARC are evidence (test/api/evidence.test.ts): a token's.
      const raw = await guarded.inject({ url: `/api/v1/captures/${capture.capture_id}/raw`, headers: { authorization: `Bearer ${READER}` } });
      assert.equal(raw.statusCode, 200);
      assert.match(String(raw.headers['content-security-policy']), /^sandbox/);
      assert.match(String(raw.headers['x-otkaz-sha256']), /^2d621169ee315353/);
      const warc = await guarded.inject({ url: `/api/v1/cases/${id}/warc`, headers: { authorization: `Bearer ${READER}` } });
      assert.equal(warc.headers['content-type'], 'application/warc');
      assert.ok(warc.body.startsWith('WARC/1.1'));
      assert.equal((await open.inject({ url: '/api/v1/cases/99999' })).statusCode, 404);
    });

    it("a case's persons, articles, events and captures, each on its own", async () => {
      const [listed] = ((await open.inject({ url: '/api/v1/cases?article=173.1' })).json() as { rows: Array<{ id: number }> }).rows;
      assert.ok(listed, 'one case listed');
      const id = listed.id;
      // Read off leninsky_ufa_criminal.html: one defendant, art. 173.1 part 2, the proceedings ended with a court fine.
      const persons = (await open.inject({ url: `/api/v1/cases/${id}/persons` })).json() as Array<{ initials: string; hidden: boolean }>;
      assert.deepEqual(
        persons.map((p) => [p.initials, p.hidden]),
        [['Н.А.Р.', false]],
      );
      const charges = (await open.inject({ url: `/api/v1/cases/${id}/articles` })).json() as {
        articles: Array<{ article: string; part: string }>;
        penalties: Array<{ offence: unknown }>;
      };
      assert.deepEqual(
        charges.articles.map((a) => [a.article, a.part]),
        [['173.1', '2']],
      );
      assert.deepEqual(
        charges.penalties.map((p) => p.offence),
        [null],
      );
      const events = (await open.inject({ url: `/api/v1/cases/${id}/events` })).json() as Array<{
        name: string;
        event_date: string;
        event_time: string | null;
      }>;
      assert.deepEqual(
        events.slice(0, 3).map((e) => [e.name, e.event_date]),
        [
          ['Регистрация поступившего в суд дела', '2026-04-22'],
          ['Передача материалов дела судье', '2026-04-22'],
          ['Решение в отношении поступившего уголовного дела', '2026-04-24'],
        ],
      );
      assert.ok(events.some((e) => e.name === 'Судебное заседание' && e.event_date === '2026-05-06' && e.event_time === '10:00'));
      const captures = (await open.inject({ url: `/api/v1/cases/${id}/captures` })).json() as Array<{ id: number; sha256: string; http_status: number | null }>;
      assert.equal(captures.length, 1);
      assert.match(captures[0]?.sha256 ?? '', /^2d621169ee315353/);
      for (const part of ['persons', 'articles', 'events', 'captures'])
        assert.equal((await open.inject({ url: `/api/v1/cases/99999/${part}` })).statusCode, 404, part);
    });

    it("courts: validated filters; CSV columns are the JSON field names; the web app's fields are in the answer", async () => {
      const bad = await open.inject({ url: '/api/v1/courts?type=foo' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().detail, /type.*garrison.*okrug_fleet.*appellate.*cassation/);
      assert.equal((await open.inject({ url: '/api/v1/courts?layout=foo' })).statusCode, 400);
      const json = (await open.inject({ url: '/api/v1/courts?type=okrug_fleet' })).json() as {
        counts: { total: number };
        courts: Array<Record<string, unknown>>;
      };
      // The API lists the courts only in the 2020 list too, unless all=false (the CLI's default without --all).
      assert.equal(json.courts.length, directory.courts.filter((c) => c.type === 'okrug_fleet').length);
      assert.equal((await open.inject({ url: '/api/v1/courts?type=okrug_fleet&all=false' })).json().courts.length, 9);
      assert.equal(json.counts.total, directory.counts.total);
      // The fields web/src/pages/CourtsPage.tsx reads.
      const first = json.courts[0];
      assert.ok(first, 'a court');
      for (const field of ['vnkod', 'name', 'type', 'host', 'districtName', 'captcha', 'crawl']) assert.ok(field in first, field);
      const csv = await open.inject({ url: '/api/v1/courts?type=okrug_fleet&all=false&format=csv' });
      const [header, ...lines] = csv.body.trim().split('\n');
      assert.equal(header, 'vnkod,name,type,districtName,regionName,host,legacyHost,layout,captcha,sources');
      for (const column of header.split(',')) assert.ok(column in first, `CSV column ${column} is a JSON field`);
      assert.equal(lines.length, 9);
    });

    it('statistics: series with provenance and CSV; claim check', async () => {
      const series = (await open.inject({ url: '/api/v1/stats/series?measure=first_time&dest=DEU&from=2022&to=2022&source=eurostat' })).json() as {
        rows: Array<{ value: number; releases: Array<{ vintage: string }> }>;
      };
      assert.deepEqual(
        series.rows.map((r) => [r.value, r.releases[0]?.vintage]),
        [[2850, '2024-01-18']],
      );
      const csv = await open.inject({ url: '/api/v1/stats/series?measure=first_time&dest=DEU&from=2022&to=2022&source=eurostat&format=csv' });
      assert.match(csv.body.split('\n')[1] ?? '', /^eurostat,migr_asyappctza,applications,first_time,RUS,DEU,2022,2850,persons/);
      const check = await open.inject({
        method: 'POST',
        url: '/api/v1/claims/check',
        payload: {
          claims: [
            {
              id: 'c1',
              statement: 'almost 3,000 first-time applicants in Germany in 2022',
              quantity: { indicator: 'applications', measure: 'first_time', destination: 'DEU', period: 2022 },
              stated: { value: 3000, wording: 'almost' },
            },
          ],
        },
      });
      assert.equal(check.statusCode, 200, check.body);
      assert.equal(check.json()[0].verdict, 'holds');
    });

    it('an operator can upload a statistics file; the same bytes again are a no-op; cached reads see it at once', async () => {
      const before = await guarded.inject({ url: '/api/v1/stats/releases', headers: { authorization: `Bearer ${READER}` } });
      const cached = await guarded.inject({ url: '/api/v1/stats/releases', headers: { authorization: `Bearer ${READER}` } });
      assert.equal(cached.headers['x-otkaz-cache'], 'hit');
      assert.equal(cached.body, before.body);
      assert.equal((await guarded.inject({ url: '/api/v1/stats/releases' })).statusCode, 401, 'the cache never answers before the access decision');
      const body = readFileSync(path.join(SAMPLES, 'migr_asydcfsta_sdmx.csv'));
      const first = await guarded.inject({
        method: 'POST',
        url: '/api/v1/operations/stats/import?filename=migr_asydcfsta_sdmx.csv',
        headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/octet-stream' },
        payload: body,
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual([first.json().status, first.json().observations, first.json().file], ['imported', 5, 'migr_asydcfsta_sdmx.csv']);
      const broken = await guarded.inject({
        method: 'POST',
        url: '/api/v1/operations/stats/import?filename=broken.tsv',
        headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/octet-stream' },
        payload: 'freq,unit\\TIME_PERIOD\t2022 \nA,PER\tnot-a-number \n',
      });
      assert.equal(broken.statusCode, 400, broken.body);
      assert.match(broken.json().detail, /broken\.tsv/);
      assert.doesNotMatch(broken.json().detail, /otkaz-upload-/, "the server's temporary folder is not shown");
      const again = await guarded.inject({
        method: 'POST',
        url: '/api/v1/operations/stats/import?filename=x.csv',
        headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/octet-stream' },
        payload: body,
      });
      assert.equal(again.json().status, 'unchanged');
      const after = await guarded.inject({ url: '/api/v1/stats/releases', headers: { authorization: `Bearer ${READER}` } });
      assert.equal(after.headers['x-otkaz-cache'], undefined);
      assert.ok((after.json() as Array<{ dataset: string }>).some((r) => r.dataset === 'migr_asydcfsta'));
    });

    it('cache: concurrent misses compute once; after another process writes, the old answer is served stale while one request recomputes it', async () => {
      let counts = 0;
      const counting: Database = {
        ...db,
        query: <T extends object>(sql: string, params?: readonly unknown[]) => {
          if (sql.includes('count(distinct case_id)')) counts += 1;
          return db.query<T>(sql, params);
        },
      };
      // Data version read on every request (no 1 s interval), so the test needs no waiting. The cache says when an
      // answer of a new data version is stored.
      let stored: () => void = () => undefined;
      const recomputed = new Promise<void>((resolve) => (stored = resolve));
      let firstVersion: string | null = null;
      const cache = new (class extends ResponseCache {
        override set(key: string, value: CachedResponse): void {
          super.set(key, value);
          firstVersion ??= value.version;
          if (value.version !== firstVersion) stored();
        }
      })(counting, 100, 0);
      const app = await buildApp({ config: config({ OTKAZ_RATE_LIMIT: '0' }), db: counting, directory, kb, cache });
      try {
        const url = '/api/v1/stats/prosecutions?by=year&articles=173.1';
        const first = await Promise.all([1, 2, 3, 4, 5].map(() => app.inject({ url })));
        const [one] = first;
        assert.ok(one);
        assert.ok(first.every((r) => r.statusCode === 200 && r.body === one.body));
        assert.equal(counts, 2, 'one computation (rows and totals) for five concurrent requests');
        assert.equal(first.filter((r) => r.headers['x-otkaz-cache'] === 'hit').length, 4);
        const version = String(one.headers['x-otkaz-data-version']);
        // Another process (not this API) imports a release: the data version changes.
        await importStatistics(db, path.join(SAMPLES, 'migr_asyappctza_jsonstat.json'));
        const stale = await app.inject({ url });
        assert.deepEqual([stale.headers['x-otkaz-cache'], stale.headers['x-otkaz-data-version'], stale.body], ['stale', version, first[0]?.body]);
        // The one background recomputation: its answer is stored when it completes (no polling on the clock).
        await recomputed;
        const fresh = await app.inject({ url });
        assert.equal(fresh.headers['x-otkaz-cache'], 'hit');
        assert.notEqual(fresh.headers['x-otkaz-data-version'], version);
        assert.equal(counts, 4, 'one background recomputation');
        assert.equal(
          (await app.inject({ url, headers: { 'x-otkaz-refresh': String(fresh.headers['x-otkaz-data-version']) } })).headers['x-otkaz-cache'],
          'hit',
          'a client cannot force a recomputation',
        );
      } finally {
        await app.close();
      }
    });
  });
}

describe('rate limiting', () => {
  // @fastify/rate-limit counts per Date.now() window and takes no clock: the test stops Date (node:test's mock
  // timers), so the count never depends on how long the requests take, and moves it past the minute itself.
  it('answers 429 problem+json past the configured limit', async (t) => {
    const [engine] = ENGINES;
    assert.ok(engine, 'a storage engine to test');
    const { db, drop } = await engine.create();
    const app = await buildApp({ config: config({ OTKAZ_RATE_LIMIT: '3' }), db, directory, kb });
    t.mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-05-01T10:00:00Z') });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1) codes.push((await app.inject({ url: '/healthz' })).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 429]);
      const limited = await app.inject({ url: '/healthz' });
      assert.equal(limited.json().code, 'api.rate_limited');
      t.mock.timers.tick(59_999);
      assert.equal((await app.inject({ url: '/healthz' })).statusCode, 429, 'still within the minute');
      t.mock.timers.tick(1);
      assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'a new minute, a new allowance');
    } finally {
      t.mock.timers.reset();
      await app.close();
      await drop();
    }
  });
});
