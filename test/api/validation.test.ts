// Malformed requests get a coded 400 problem+json before any SQL runs — never a 500 (issue #11, finding 4):
// NUL bytes in string parameters, days that do not exist, unsafe upload names; database data exceptions that
// still happen map to 400; the framework's own errors (bad URL, 414, 415, bad JSON, 431) are problem+json too,
// and no problem echoes the request's URL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { present } from '../../src/shared/present.ts';
import { isCalendarDate, isSafeFileName, isYearMonth, unsafeTextReason } from '../../src/shared/validation.ts';
import { AS_OPERATOR, type TestApi, testApi } from '../helpers/api.ts';
import { SAMPLES } from '../helpers/asylum.ts';
import { ENGINES } from '../helpers/engines.ts';

function assertProblem(res: LightMyRequestResponse, status: number, what: string): { code: string; detail?: string; instance?: string } {
  assert.equal(res.statusCode, status, `${what}: ${res.body.slice(0, 300)}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, what);
  const body = res.json() as { code: string; status: number; detail?: string; instance?: string };
  assert.equal(body.status, status, what);
  assert.equal(typeof body.code, 'string', what);
  return body;
}

const claim = (quantity: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  claims: [
    {
      id: 'c1',
      statement: 'about 3,000 in 2022',
      quantity: { indicator: 'applications', destination: 'DEU', period: 2022, ...quantity },
      stated: { value: 3000, wording: 'about' },
      ...extra,
    },
  ],
});

describe('validation primitives', () => {
  it('calendar dates are checked by round trip', () => {
    for (const good of ['2024-02-29', '2023-12-31', '0001-01-01', '9999-12-31']) assert.ok(isCalendarDate(good), good);
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '0000-00-00',
      '0000-01-01',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-1-01',
      '2024-01-01T00:00',
      ' 2024-01-01',
      '２０２４-01-01',
    ])
      assert.ok(!isCalendarDate(bad), bad);
  });
  it('months, file names, unsafe text', () => {
    assert.ok(isYearMonth('2024-12') && !isYearMonth('2024-13') && !isYearMonth('2024-00') && !isYearMonth('0000-01'));
    for (const good of ['migr_asyappctza.tsv', 'a', 'x.csv.gz', '.hidden']) assert.ok(isSafeFileName(good), good);
    for (const bad of ['.', '..', '...', 'a/b', '../etc', 'a\\b', 'a\u0000b', '', 'x'.repeat(121), 'имя.csv']) assert.ok(!isSafeFileName(bad), bad);
    assert.equal(unsafeTextReason('ab\u0000cd'), 'contains a NUL byte');
    assert.equal(unsafeTextReason('a\u0007b'), 'contains a control character');
    assert.equal(unsafeTextReason('line\nbreak'), 'contains a control character');
    assert.equal(unsafeTextReason('line\nbreak\ttab', { multiline: true }), null);
    assert.match(String(unsafeTextReason('\ud800x')), /lone surrogate/);
    assert.equal(unsafeTextReason('пара 😀 ok'), null);
  });
});

for (const engine of ENGINES) {
  describe(`malformed requests on ${engine.name}`, () => {
    let api: TestApi;
    let app: FastifyInstance;
    before(async () => {
      api = await testApi(engine);
      app = api.app;
    });
    after(() => api.close());

    const get = (url: string) => app.inject({ url, headers: AS_OPERATOR });
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, headers: { ...AS_OPERATOR, ...headers }, payload: payload as string });

    it('a NUL byte in any string parameter is a 400 naming the parameter', async () => {
      const cases: Array<[string, RegExp]> = [
        ['/api/v1/cases?q=ab%00cd', /q/],
        ['/api/v1/cases?court=%00', /court/],
        ['/api/v1/stats/prosecutions?articles=%00', /articles/],
        ['/api/v1/stats/series?measure=first%00', /measure/],
        ['/api/v1/stats/series?level=%00', /level/],
        ['/api/v1/stats/compare?period=2024&level=%00', /level/],
        ['/api/v1/stats/compare?period=2024&measure=%00', /measure/],
        ['/api/v1/stats/rates?level=%00', /level/],
        ['/api/v1/guidance/route?status=conscript&prefer=%00', /prefer/],
        ['/guidance/route?status=conscript&prefer=%00', /prefer/],
      ];
      for (const [url, names] of cases) {
        const body = assertProblem(await get(url), 400, url);
        assert.equal(body.code, 'api.validation', url);
        assert.match(String(body.detail), names, url);
        assert.match(String(body.detail), /NUL/, url);
      }
      // An enum parameter (outcome is one of the parser's outcomes) names the values it accepts.
      const outcome = assertProblem(await get('/api/v1/cases?outcome=%00'), 400, 'outcome=%00');
      assert.match(String(outcome.detail), /outcome.*conviction.*acquittal/);
    });

    it('days and months that do not exist are a 400', async () => {
      for (const url of [
        '/api/v1/cases?from=2024-02-30',
        '/api/v1/cases?from=0000-00-00',
        '/api/v1/cases?to=2024-13-01',
        '/api/v1/stats/prosecutions?from=2024-02-30',
        '/api/v1/stats/prosecutions?to=2023-02-29',
        '/api/v1/stats/series?asOf=2024-02-30',
        '/api/v1/stats/compare?period=2024&asOf=0000-00-00',
        '/api/v1/stats/series?period=month&from=2024-13',
        '/api/v1/stats/compare?period=2024-13',
      ]) {
        const body = assertProblem(await get(url), 400, url);
        assert.equal(body.code, 'api.validation', url);
      }
      for (const [from, to] of [
        ['2024-02-30', '2024-03-31'],
        ['0000-00-00', '2024-01-31'],
        ['2024-01-01', '2024-13-01'],
      ]) {
        const body = assertProblem(await post('/api/v1/operations/crawl', { courts: ['66GV0008'], articles: ['337'], from, to }), 400, `crawl ${from} ${to}`);
        assert.equal(body.code, 'api.validation');
      }
    });

    it('a validation problem carries each refused value as data: where, the zod code and its parameters, no request value', async () => {
      type Issue = Record<string, unknown> & { in: string; path: (string | number)[]; code: string; message: string };
      const issuesOf = async (res: Promise<LightMyRequestResponse>, what: string) => {
        const body = assertProblem(await res, 400, what) as { code: string; detail?: string; issues?: Issue[] };
        assert.equal(body.code, 'api.validation', what);
        assert.ok(Array.isArray(body.issues) && body.issues.length > 0, `${what}: issues`);
        return body.issues;
      };
      const [day] = await issuesOf(get('/api/v1/cases?from=2024-02-30'), 'no such day');
      assert.deepEqual(day, { in: 'querystring', path: ['from'], code: 'custom', message: 'no such date (YYYY-MM-DD, a real day)', reason: 'calendar_date' });
      const [shape] = await issuesOf(get('/api/v1/cases?from=2024-13'), 'no date');
      assert.deepEqual(shape, { in: 'querystring', path: ['from'], code: 'invalid_format', message: 'a date YYYY-MM-DD', format: 'date' });
      const [nul] = await issuesOf(get('/api/v1/cases?q=ab%00cd'), 'NUL');
      assert.equal(nul?.reason, 'text_nul');
      const [outcome] = await issuesOf(get('/api/v1/cases?outcome=Ivanova'), 'enum');
      assert.equal(outcome?.code, 'invalid_value');
      assert.ok(Array.isArray(outcome?.values) && outcome.values.includes('conviction'), 'the accepted values');
      assert.doesNotMatch(JSON.stringify(outcome), /Ivanova/, 'the value sent is not repeated');
      // A body: a value not sent is `missing`, one of the wrong type is not; a number under its bound names the bound.
      const crawl = await issuesOf(post('/api/v1/operations/crawl', { limit: 0, to: 5 }), 'crawl');
      const to = crawl.find((i) => i.path.join('.') === 'to');
      assert.deepEqual(to && { in: to.in, code: to.code, expected: to.expected, missing: to.missing }, {
        in: 'body',
        code: 'invalid_type',
        expected: 'string',
        missing: undefined,
      });
      const limit = crawl.find((i) => i.path.join('.') === 'limit');
      assert.deepEqual(limit && { code: limit.code, origin: limit.origin, minimum: limit.minimum }, { code: 'too_small', origin: 'number', minimum: 1 });
      const claims = await issuesOf(post('/api/v1/claims/check', { claims: [{ id: 'c1', statement: 'about 3,000' }] }), 'claims');
      const quantity = claims.find((i) => i.path.join('.') === 'claims.0.quantity');
      assert.deepEqual(quantity && { code: quantity.code, missing: quantity.missing }, { code: 'invalid_type', missing: true }, JSON.stringify(claims));
    });

    it('claims with a NUL or an impossible date are a 400', async () => {
      for (const [what, payload] of [
        ['as_of 2024-02-30', claim({ as_of: '2024-02-30' })],
        ['NUL in levels', claim({ levels: ['\u0000'] })],
        ['NUL in measure', claim({ measure: 'first\u0000time' })],
        ['NUL in statement', claim({}, { statement: 'x\u0000' })],
        ['NUL in id', claim({}, { id: '\u0000' })],
        ['month 13', claim({ period: '2024-13' })],
      ] as const) {
        assertProblem(await post('/api/v1/claims/check', payload), 400, what);
      }
    });

    it('statistics upload: unsafe file names, a NUL in the release name, an impossible vintage are a 400; nothing is stored', async () => {
      const body = readFileSync(path.join(SAMPLES, 'migr_asydcfsta_sdmx.csv'));
      const octet = { 'content-type': 'application/octet-stream' };
      for (const query of [
        'filename=..',
        'filename=.',
        'filename=a%2Fb.csv',
        'filename=..%2F..%2Fx.csv',
        'filename=a%00.csv',
        'filename=x.csv&release=r%00',
        'filename=x.csv&vintage=2024-02-30',
        'filename=x.csv&vintage=0000-00-00',
      ]) {
        const res = await post(`/api/v1/operations/stats/import?${query}`, body, octet);
        assert.equal(assertProblem(res, 400, query).code, 'api.validation', query);
      }
      const [row] = await api.db.query<{ n: number }>("select count(*)::int as n from stat_releases where dataset = 'migr_asydcfsta'");
      assert.equal(row?.n, 0);
    });

    it("the framework's own errors are problem+json and never echo the URL", async () => {
      const badUrl = await app.inject({ url: '/api/v1/cases/%E0%A4%A?q=Громов' });
      assertProblem(badUrl, 400, 'bad URL');
      assert.doesNotMatch(badUrl.body, /%E0|Громов|cases/);
      const long = await app.inject({ url: `/api/v1/cases/${'7'.repeat(500)}` });
      assert.equal(assertProblem(long, 414, 'long parameter').code, 'api.uri_too_long');
      assert.doesNotMatch(long.body, /7777/);
      const json = await post('/api/v1/claims/check', '{"claims": [', { 'content-type': 'application/json' });
      assert.equal(assertProblem(json, 400, 'bad JSON').code, 'api.validation');
      const empty = await post('/api/v1/claims/check', '', { 'content-type': 'application/json' });
      assert.equal(assertProblem(empty, 400, 'empty JSON').code, 'api.validation');
      const media = await post('/api/v1/claims/check', '<claims/>', { 'content-type': 'application/xml' });
      assert.equal(assertProblem(media, 415, 'content type').code, 'api.unsupported_media_type');
      const poisoned = await post('/api/v1/claims/check', '{"__proto__": {"x": 1}, "claims": []}', { 'content-type': 'application/json' });
      assertProblem(poisoned, 400, 'prototype poisoning');
      // A name in the query string is not sent back, in the detail or in the instance.
      for (const url of ['/api/v1/cases?q=Громов%20Глеб&pageSize=1000', '/api/v1/cases?q=Громов&colour=red', '/api/v1/Громов', '/api/v1/cases/Громов']) {
        const res = await app.inject({ url, headers: AS_OPERATOR });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, url);
        assert.doesNotMatch(decodeURIComponent(res.body), /Громов/, url);
        assert.doesNotMatch(res.body, /%D0%93/i, url);
      }
    });

    it('a data exception from the database is a 400 with code api.validation, not a 500', async () => {
      // A database whose queries meet a value the engine refuses (as a NUL or a bad date would, unvalidated).
      const refusing: Database = { ...api.db, query: async () => api.db.query("select 'not a number'::int as n") };
      const other = await buildApp({
        config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' }),
        db: refusing,
        directory: loadDirectory(),
        kb: loadKnowledgeBase(),
      });
      try {
        const res = await other.inject({ url: '/api/v1/captures/1' });
        const body = assertProblem(res, 400, 'data exception');
        assert.equal(body.code, 'api.validation');
        assert.match(String(body.detail), /22P02/);
        assert.doesNotMatch(res.body, /not a number/, 'the refused value is not echoed');
      } finally {
        await other.close();
      }
    });
  });
}

describe('errors before routing, on a real socket', () => {
  let app: FastifyInstance;
  let port = 0;
  let close: () => Promise<void>;
  before(async () => {
    const api = await testApi(present(ENGINES[0], 'a storage engine'));
    app = api.app;
    close = api.close;
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as net.AddressInfo).port;
  });
  after(() => close());

  function raw(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      let out = '';
      socket.on('data', (d) => (out += d.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => resolve(out));
      socket.end(request);
    });
  }

  it('431 for headers too large is problem+json', async () => {
    const answer = await raw(`GET /api/v1/cases?q=%D0%93 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 431 /);
    assert.match(answer, /\r\ncontent-type: application\/problem\+json/i);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { code: string; status: number };
    assert.deepEqual([body.status, body.code], [431, 'api.headers_too_large']);
  });

  it('a request the HTTP parser cannot read is a problem+json 400', async () => {
    const answer = await raw('GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 400 /);
    assert.match(answer, /\r\ncontent-type: application\/problem\+json/i);
    assert.equal((JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { code: string }).code, 'api.validation');
  });
});
