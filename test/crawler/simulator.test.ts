import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parsePage } from '../../src/courts/parse/page.ts';
import type { ParsedPage } from '../../src/courts/parse/types.ts';
import { CourtSimulator, NO_TRAPS } from '../../src/crawler/simulator/server.ts';
import { World } from '../../src/crawler/simulator/world.ts';
import { cardUrl, listUrl, searchFormUrl } from '../../src/crawler/urls.ts';

const world = new World({
  seed: 3,
  casesPerCourt: 60,
  from: '2023-01-01',
  to: '2024-12-31',
  courts: [
    { vnkod: '61GV0001', host: 'gvs--ros.sudrf.ru', layout: 'classic' },
    { vnkod: '77GV0011', host: 'tverskoy--twr.sudrf.ru', layout: 'new', captcha: true },
  ],
});

/** https://host/… → the simulator's path-prefixed URL. */
const via = (base: string, url: string) => url.replace(/^https:\/\/([^/]+)/, `${base}/$1`);

async function get(
  base: string,
  url: string,
  headers: Record<string, string> = { 'user-agent': 'otkaz-test (test@example.org)' },
): Promise<{ status: number; page: ParsedPage; headers: Headers }> {
  const res = await fetch(via(base, url), { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, page: parsePage({ bytes, url, status: res.status, contentType: res.headers.get('content-type') }) };
}

describe('court-site simulator', () => {
  const sim = new CourtSimulator(world, { ...NO_TRAPS });
  let base = '';
  before(async () => {
    base = await sim.listen();
  });
  after(() => sim.close());

  it('serves a classic result list whose counter and rows the parser reads, in windows-1251', async () => {
    const court = world.courts[0];
    const expected = court?.cases.filter((c) => c.articles.some((a) => a.article === '337')).length ?? 0;
    const { page, headers } = await get(base, listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic', vnkod: '61GV0001', article: '337' }));
    assert.equal(headers.get('content-type'), 'text/html; charset=windows-1251');
    assert.equal(page.kind, 'case_list');
    if (page.kind !== 'case_list') return;
    assert.equal(page.synthetic, true);
    assert.equal(page.list.total, expected);
    assert.equal(page.list.rows.length, Math.min(25, expected));
    assert.equal(page.list.pageCount, Math.ceil(expected / 25));
  });

  it('follows pagination to every case exactly once', async () => {
    const seen = new Set<string>();
    let url: string | null = listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic', vnkod: '61GV0001' });
    for (let pageNo = 1; url; pageNo += 1) {
      const { page }: { page: ParsedPage } = await get(base, url);
      assert.equal(page.kind, 'case_list');
      if (page.kind !== 'case_list') break;
      for (const row of page.list.rows) seen.add(row.ids.caseUid ?? '');
      const next = page.list.pageUrls.find((p) => p.page === pageNo + 1)?.url ?? null;
      url = next ? next.replace(/^\.\//, 'https://gvs--ros.sudrf.ru/') : null;
    }
    assert.equal(seen.size, 60);
  });

  it('serves cards of both layouts', async () => {
    for (const court of world.courts) {
      const c = court.cases[0];
      assert.ok(c);
      const { page } = await get(base, cardUrl({ host: court.host, layout: court.layout, caseId: String(c.caseId), caseUid: c.caseUid }));
      assert.equal(page.kind, 'case_card');
      if (page.kind !== 'case_card') continue;
      assert.equal(page.layout, court.layout);
      assert.equal(page.card.caseNumber, c.caseNumber);
      assert.equal(page.card.judicialUid, c.judicialUid);
      assert.deepEqual(
        page.card.defendants[0]?.articles.map((a) => a.article),
        c.articles.map((a) => a.article),
      );
    }
  });

  it('a captcha court: the form gives an image, an id and a session; a wrong answer, or the right one outside the session, is refused; the right one in it lists', async () => {
    const listing = listUrl({ host: 'tverskoy--twr.sudrf.ru', layout: 'new', vnkod: '77GV0011' });
    assert.equal((await get(base, listing)).page.kind, 'captcha_wrong');
    const form = await get(base, searchFormUrl('tverskoy--twr.sudrf.ru', 'new'));
    assert.equal(form.page.kind, 'captcha_form');
    if (form.page.kind !== 'captcha_form') return;
    const id = form.page.captcha.captchaId ?? '';
    assert.match(
      Buffer.from(form.page.captcha.pngBase64 ?? '', 'base64')
        .subarray(1, 4)
        .toString('latin1'),
      /PNG/,
    );
    const answer = sim.captchaAnswer(id) ?? '';
    const session = /^PHPSESSID=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1];
    assert.ok(session, 'the form sets a PHP session cookie');
    const inSession = { 'user-agent': 'otkaz-test (test@example.org)', cookie: `PHPSESSID=${session}` };
    assert.equal(
      (await get(base, listUrl({ host: 'tverskoy--twr.sudrf.ru', layout: 'new', vnkod: '77GV0011', captcha: { answer: '00000', captchaId: id } }), inSession))
        .page.kind,
      'captcha_wrong',
    );
    const right = listUrl({ host: 'tverskoy--twr.sudrf.ru', layout: 'new', vnkod: '77GV0011', captcha: { answer, captchaId: id } });
    assert.equal((await get(base, right)).page.kind, 'captcha_wrong', 'the right answer without the session cookie');
    assert.equal(
      (await get(base, right, { 'user-agent': 'otkaz-test (test@example.org)', cookie: 'PHPSESSID=someoneelse' })).page.kind,
      'captcha_wrong',
      'the right answer in another session',
    );
    const ok = await get(base, right, inSession);
    assert.equal(ok.page.kind, 'case_list');
    if (ok.page.kind === 'case_list') assert.equal(ok.page.list.total, 60);
  });

  it('silent failures of the real sites: wrong proceeding code → empty result; no Submit → search form', async () => {
    const wrongNew = listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic', proceeding: 'criminal_appeal' });
    assert.equal((await get(base, wrongNew)).page.kind, 'empty_result');
    const noSubmit = listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic' }).replace(/&Submit=[^&]*/, '');
    assert.equal((await get(base, noSubmit)).page.kind, 'search_form');
    const noMatch = listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic', from: '2030-01-01', to: '2030-01-31' });
    assert.equal((await get(base, noMatch)).page.kind, 'empty_result');
  });
});

describe('simulator traps', () => {
  const sim = new CourtSimulator(world, {
    ...NO_TRAPS,
    rateLimitEvery: 3,
    retryAfterSeconds: 7,
    throttleEvery: 5,
    phpErrorEvery: 7,
    wafWithoutUserAgent: true,
    geoBlocked: ['tverskoy--twr.sudrf.ru'],
  });
  let base = '';
  before(async () => {
    base = await sim.listen();
  });
  after(() => sim.close());

  it('every trap is a typed page outcome, never data', async () => {
    const url = listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic', vnkod: '61GV0001' });
    const kinds: string[] = [];
    let retryAfter: string | null = null;
    for (let i = 1; i <= 7; i += 1) {
      const r = await get(base, url);
      kinds.push(r.page.kind);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    assert.deepEqual(kinds, ['case_list', 'case_list', 'rate_limited', 'case_list', 'throttled', 'rate_limited', 'php_error']);
    assert.equal(retryAfter, '7');
    assert.equal((await get(base, url, {})).page.kind, 'waf_block');
    assert.equal((await get(base, url, { 'user-agent': 'curl/8.0' })).page.kind, 'waf_block');
    assert.equal((await get(base, listUrl({ host: 'tverskoy--twr.sudrf.ru', layout: 'new' }))).page.kind, 'geo_block');
  });

  it('dropped connections', async () => {
    const dropping = new CourtSimulator(world, { ...NO_TRAPS, dropEvery: 2 });
    const b = await dropping.listen();
    try {
      const url = listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic' });
      assert.equal((await get(b, url)).page.kind, 'case_list');
      await assert.rejects(get(b, url));
    } finally {
      await dropping.close();
    }
  });
});

describe('cases that change between visits', () => {
  it('a pending case gets its verdict on the second visit', async () => {
    const sim = new CourtSimulator(world, { ...NO_TRAPS, changing: true });
    const base = await sim.listen();
    try {
      const court = world.courts[0];
      const pending = court?.cases.find((c) => c.outcome === 'pending');
      assert.ok(court && pending, 'the seed yields a pending case');
      const url = cardUrl({ host: court.host, layout: court.layout, caseId: String(pending.caseId), caseUid: pending.caseUid });
      const first = await get(base, url);
      const second = await get(base, url);
      assert.equal(first.page.kind === 'case_card' ? first.page.card.outcome : 'x', null);
      assert.equal(second.page.kind === 'case_card' ? second.page.card.outcome?.outcome : null, 'conviction');
    } finally {
      await sim.close();
    }
  });
});
