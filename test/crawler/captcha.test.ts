// The captcha queue as a library: a captcha page queues the host's image (a newer one expires the older: its
// session replaced it), a solver's answer (or a person's, by queue id) reaches the host and clears its "captcha
// needed", the host's next list request carries it, and an unknown id is a coded not-found error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedPage } from '../../src/courts/parse/types.ts';
import { answerPendingCaptcha, captchaPreview, pendingCaptchas, queueCaptcha, solveQueued, withCaptchaAnswer } from '../../src/crawler/captcha.ts';
import type { CrawlJob } from '../../src/crawler/job.ts';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';

const HOST = 'gvs--ros.sudrf.ru';
const PNG = Buffer.from('89504e470d0a1a0a', 'hex'); // a PNG signature alone: stored as sent, no preview
const job = (kind: CrawlJob['kind']): CrawlJob => ({
  id: 1,
  kind,
  court_vnkod: '61GV0001',
  host: HOST,
  url: `https://${HOST}/modules.php?name=sud_delo&name_op=r`,
  article: '337',
  axis: 'receipt',
  window_from: null,
  window_to: null,
  page: 1,
  parent_id: null,
  act_case: null,
  attempts: 1,
});
const captchaPage = (captchaId: string): ParsedPage => ({
  kind: 'captcha_form',
  layout: 'classic',
  courtVnkod: null,
  detail: null,
  captcha: { captchaId, pngBase64: PNG.toString('base64'), hidden: [] },
  synthetic: false,
});

describe('captcha queue', () => {
  let db: Database;
  before(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    await db.query("insert into crawl_hosts (host, court_vnkod, captcha_needed) values ($1, '61GV0001', true)", [HOST]);
  });
  after(() => db.close());

  it("queues a host's newest captcha only; a person answers it by its id; the host's lists carry the answer", async () => {
    assert.equal(await withCaptchaAnswer(db, job('list')), job('list').url, 'no answer yet: the URL as planned');
    assert.ok(await queueCaptcha(db, job('list'), captchaPage('c-1')));
    assert.ok(await queueCaptcha(db, job('list'), captchaPage('c-2')));
    const pending = await pendingCaptchas(db);
    assert.deepEqual(
      pending.map((p) => [p.host, p.court_vnkod, p.captcha_id, Buffer.from(p.png ?? []).equals(PNG)]),
      [[HOST, '61GV0001', 'c-2', true]],
      'one pending captcha per host: the newer image (its session replaced the older)',
    );
    const [expired] = await db.query<{ state: string }>("select state from captcha_queue where captcha_id = 'c-1'");
    assert.equal(expired?.state, 'expired');
    assert.equal(captchaPreview(pending[0]?.png ?? null), null);

    assert.deepEqual(await answerPendingCaptcha(db, pending[0]?.id ?? 0, '4711'), { host: HOST });
    assert.deepEqual(await pendingCaptchas(db), []);
    const [host] = await db.query<{ captcha_needed: boolean }>('select captcha_needed from crawl_hosts where host = $1', [HOST]);
    assert.equal(host?.captcha_needed, false, 'an answered captcha is no longer needed');
    assert.equal(await withCaptchaAnswer(db, job('list')), `${job('list').url}&captcha=4711&captchaid=c-2`);
    assert.equal(await withCaptchaAnswer(db, job('card')), job('card').url, 'cards sit behind no captcha');
  });

  it('a solver answers at once', async () => {
    const asked: string[] = [];
    const form = await queueCaptcha(db, job('list'), captchaPage('c-3'));
    assert.ok(form);
    await solveQueued(db, job('list'), form, {
      solveCaptcha: async (host, png, id) => {
        asked.push(`${host} ${png === PNG.toString('base64')} ${id}`);
        return '999';
      },
    });
    assert.deepEqual(asked, [`${HOST} true c-3`]);
    const [host] = await db.query<{ captcha_id: string; captcha_answer: string }>('select captcha_id, captcha_answer from crawl_hosts where host = $1', [HOST]);
    assert.deepEqual(host, { captcha_id: 'c-3', captcha_answer: '999' });
  });

  it('an unknown or already answered id is a coded not-found error', async () => {
    await assert.rejects(answerPendingCaptcha(db, 999, '1234'), { code: 'input.not_found', message: 'no pending captcha #999' });
  });
});
