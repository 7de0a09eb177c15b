// The crawl operations over the API: one schema with the CLI (the same defaults, the same refusals), the plan
// visible in the crawl's status (JSON and CSV), the last day "today" when the request comes (not when the server
// started: issue #12), and the captcha queue listed and answered.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DEFAULT_ARTICLES } from '../../src/shared/articles.ts';
import { AS_OPERATOR, AS_READER, type TestApi, testApi } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';

describe('crawl operations over the API', () => {
  let api: TestApi;
  /** The app's clock (null: the system's). */
  let clock: Date | null = null;
  before(async () => {
    const pglite = ENGINES.find((e) => e.name === 'pglite');
    assert.ok(pglite);
    api = await testApi(pglite, () => clock ?? new Date());
  });
  after(() => api.close());
  afterEach(() => {
    clock = null;
  });
  const post = (url: string, payload: object) => api.app.inject({ method: 'POST', url, headers: AS_OPERATOR, payload });

  it('a plan without articles takes the default articles; its jobs show in the status', async () => {
    const planned = await post('/api/v1/operations/crawl', { courts: ['66GV0008'], from: '2024-01-01', to: '2024-01-31' });
    assert.equal(planned.statusCode, 200, planned.body);
    assert.deepEqual(planned.json(), {
      courts: 1,
      articles: DEFAULT_ARTICLES.length,
      from: '2024-01-01',
      to: '2024-01-31',
      created: DEFAULT_ARTICLES.length,
      refreshed: 0,
    });
    const status = await api.app.inject({ url: '/api/v1/operations/crawl/status', headers: AS_OPERATOR });
    assert.equal(status.statusCode, 200);
    assert.deepEqual(
      (status.json() as { court_vnkod: string; pending: number }[]).map((r) => [r.court_vnkod, r.pending]),
      [['66GV0008', DEFAULT_ARTICLES.length]],
    );
    const csv = await api.app.inject({ url: '/api/v1/operations/crawl/status?format=csv', headers: AS_OPERATOR });
    assert.match(csv.body, /^host,court_vnkod,done,pending,/);
    assert.equal((await api.app.inject({ url: '/api/v1/operations/crawl/status', headers: AS_READER })).statusCode, 403);
  });

  it('a bad axis or article is a 400 naming the field (the values listed), before anything is planned', async () => {
    const axis = await post('/api/v1/operations/crawl', { courts: ['66GV0008'], from: '2024-02-01', to: '2024-02-29', axis: 'sideways' });
    assert.equal(axis.statusCode, 400);
    assert.match(String(axis.json().detail), /axis.*receipt.*decision/);
    const article = await post('/api/v1/operations/crawl', { courts: ['66GV0008'], articles: ['three'], from: '2024-02-01', to: '2024-02-29' });
    assert.equal(article.statusCode, 400);
    assert.match(String(article.json().detail), /articles/);
    const none = await post('/api/v1/operations/crawl', { courts: ['00XX0000'], from: '2024-02-01', to: '2024-02-29' });
    assert.equal(none.statusCode, 400);
    assert.match(String(none.json().detail), /no court matches/);
    const status = await api.app.inject({ url: '/api/v1/operations/crawl/status', headers: AS_OPERATOR });
    assert.equal((status.json() as { pending: number }[])[0]?.pending, DEFAULT_ARTICLES.length, 'nothing added');
  });

  it('the captcha queue: listed with its image and preview, answered by its number', async () => {
    await api.db.query("insert into captcha_queue (host, court_vnkod, captcha_id, png) values ('109gvs--svd.sudrf.ru', '66GV0008', 'c-9', $1)", [
      Buffer.from('89504e47', 'hex'),
    ]);
    const listed = await api.app.inject({ url: '/api/v1/operations/captchas', headers: AS_OPERATOR });
    assert.equal(listed.statusCode, 200);
    const [captcha] = listed.json() as { id: number; captcha_id: string; png: string; preview: string | null }[];
    assert.deepEqual([captcha?.captcha_id, captcha?.png, captcha?.preview], ['c-9', Buffer.from('89504e47', 'hex').toString('base64'), null]);
    const wrong = await post(`/api/v1/operations/captchas/${captcha?.id}`, { answer: 'abc' });
    assert.equal(wrong.statusCode, 400);
    assert.match(String(wrong.json().detail), /answer/);
    const answered = await post(`/api/v1/operations/captchas/${captcha?.id}`, { answer: '4711' });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.deepEqual(answered.json(), { answered: captcha?.id, host: '109gvs--svd.sudrf.ru' });
    assert.deepEqual((await api.app.inject({ url: '/api/v1/operations/captchas', headers: AS_OPERATOR })).json(), []);
  });

  it('a plan without a last day ends today (UTC) as of the request, not as of the server start', async () => {
    // The app was built before the clock is moved: a default taken at the start would still say the real day.
    clock = new Date('2031-05-06T23:30:00Z');
    const may = await post('/api/v1/operations/crawl', { courts: ['66GV0008'], articles: ['337'], from: '2031-05-01' });
    assert.equal(may.statusCode, 200, may.body);
    assert.deepEqual([may.json().from, may.json().to, may.json().created], ['2031-05-01', '2031-05-06', 1]);
    clock = new Date('2031-07-03T00:10:00Z');
    const july = await post('/api/v1/operations/crawl', { courts: ['66GV0008'], articles: ['337'], from: '2031-06-01' });
    assert.equal(july.statusCode, 200, july.body);
    assert.deepEqual([july.json().from, july.json().to], ['2031-06-01', '2031-07-03']);
    const early = await post('/api/v1/operations/crawl', { courts: ['66GV0008'], from: '2031-07-04' });
    assert.equal(early.statusCode, 400, 'a first day after today is refused: the default applies before the check');
    assert.match(String(early.json().detail), /2031-07-04.*after the last \(2031-07-03\)/);
  });
});
