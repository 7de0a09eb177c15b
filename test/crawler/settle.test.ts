// The crawl job's next state, decided without a database or a network: every outcome and every page kind
// has a row here (the table is a Record over PageKind, so a new kind does not compile until it gets one).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseCard, CaseList, CaseListRow, PageKind, ParsedPage } from '../../src/courts/parse/types.ts';
import type { CrawlJob, NewJob } from '../../src/crawler/job.ts';
import { type JobOutcome, type Settlement, type SettlePolicy, settle } from '../../src/crawler/settle.ts';
import { listUrl, searchFormUrl } from '../../src/crawler/urls.ts';

const NOW = new Date('2026-01-10T12:00:00.000Z');
// random() = 0.5: the jitter factor is exactly 1, so a retry waits retryBaseMs × 2^(attempts − 1).
const CLOCK = { now: NOW, random: () => 0.5 };
const POLICY: SettlePolicy = { maxAttempts: 3, retryBaseMs: 1000, rateLimitBackoffMs: 60_000, throttleBackoffMs: 30 * 60_000, maxPagesPerWindow: 20 };
const HOST = 'gvs--ros.sudrf.ru';

function job(overrides: Partial<CrawlJob> = {}): CrawlJob {
  return {
    id: 41,
    kind: 'list',
    court_vnkod: '61GV0001',
    host: HOST,
    url: `https://${HOST}/modules.php?name=sud_delo`,
    article: '337',
    axis: 'receipt',
    window_from: '2024-01-01',
    window_to: '2024-01-31',
    page: 1,
    parent_id: null,
    act_case: null,
    attempts: 1,
    ...overrides,
  };
}

function page(kind: Exclude<PageKind, 'case_list' | 'case_card' | 'captcha_form' | 'act_text'>, detail: string | null = null): ParsedPage {
  return { kind, layout: null, courtVnkod: null, detail, synthetic: false };
}

function row(n: number, acts: string[] = []): CaseListRow {
  return {
    caseNumber: `1-${n}/2024`,
    cardUrl: `https://${HOST}/modules.php?name=sud_delo&name_op=case&case_id=${n}`,
    ids: { caseId: String(n), caseUid: `uid-${n}`, deloId: '1540006', newCode: null },
    receiptDate: '2024-01-05',
    info: [],
    category: null,
    articles: [],
    judge: null,
    decisionDate: null,
    decision: null,
    legalForceDate: null,
    acts: acts.map((url) => ({ url, title: 'Приговор' })),
  };
}

function list(rows: CaseListRow[], total: number | null, range: [number, number] | null, pageCount: number | null = null): ParsedPage {
  const l: CaseList = {
    layout: 'classic',
    courtVnkod: '61GV0001',
    courtName: null,
    proceeding: null,
    total,
    rangeFrom: range?.[0] ?? null,
    rangeTo: range?.[1] ?? null,
    currentPage: null,
    pageCount,
    pageUrls: [],
    header: [],
    rows,
  };
  return { kind: 'case_list', layout: 'classic', list: l, synthetic: false };
}

const redirected = (follow: NewJob[]): Settlement => ({
  state: 'done',
  resultKind: 'redirect',
  captureId: 7,
  totalRows: null,
  rowsFound: null,
  follow,
  succeededAt: NOW.toISOString(),
});
const captchaForm = (captchaId: string | null, pngBase64: string | null): ParsedPage => ({
  kind: 'captcha_form',
  layout: 'classic',
  courtVnkod: null,
  detail: null,
  captcha: { captchaId, pngBase64, hidden: [] },
  synthetic: false,
});
// The host's search form, asked as a job of its own (parent: the list that met the captcha).
const formJob = (layout: 'classic' | 'new') => ({
  kind: 'form' as const,
  court_vnkod: '61GV0001',
  host: HOST,
  url: searchFormUrl(HOST, layout),
  article: null,
  axis: null,
  window_from: null,
  window_to: null,
  page: null,
  parent_id: 41,
});
const onPage = (p: ParsedPage, status = 200, headers: [string, string][] = []): JobOutcome => ({ type: 'page', captureId: 7, page: p, status, headers });
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const done = (resultKind: PageKind, totalRows: number | null = null, rowsFound: number | null = null): Settlement => ({
  state: 'done',
  resultKind,
  captureId: 7,
  totalRows,
  rowsFound,
  follow: [],
  succeededAt: NOW.toISOString(),
});

interface Row {
  name: string;
  job?: Partial<CrawlJob>;
  outcome: JobOutcome;
  expected: Settlement;
}

const misbehaving = (kind: 'php_error' | 'search_form' | 'http_error' | 'requisite' | 'unknown', status: number): Row[] => [
  {
    name: `${kind}, first attempt: again after the base delay`,
    outcome: onPage(page(kind), status),
    expected: { state: 'retry', runAt: at(1000), reason: `${kind} (HTTP ${status})`, hostError: `${kind} (HTTP ${status})` },
  },
  {
    name: `${kind}, last attempt: failed`,
    job: { attempts: 3 },
    outcome: onPage(page(kind), status),
    expected: { state: 'failed', runAt: at(4000), reason: `${kind} (HTTP ${status})`, hostError: `${kind} (HTTP ${status})`, capture: null },
  },
];

// One list per page kind; the case_list rows are the simplest (follow-up jobs are checked below).
const BY_KIND: Record<PageKind, Row[]> = {
  case_list: [
    {
      name: 'a list page after the first: its rows, no counter',
      job: { page: 2 },
      outcome: onPage(list([], 45, [21, 40])),
      expected: { ...done('case_list', null, 0) },
    },
  ],
  case_card: [
    {
      name: 'a card',
      job: { kind: 'card', page: null },
      outcome: onPage({ kind: 'case_card', layout: 'new', card: {} as CaseCard, synthetic: false }),
      expected: done('case_card'),
    },
  ],
  act_text: [
    {
      name: 'an act text',
      job: { kind: 'act', page: null },
      outcome: onPage({ kind: 'act_text', layout: 'classic', courtVnkod: null, detail: null, text: 'ПРИГОВОР', synthetic: false }),
      expected: done('act_text'),
    },
  ],
  empty_result: [
    { name: 'no results on the first page: a counter of 0', outcome: onPage(page('empty_result')), expected: done('empty_result', 0, 0) },
    { name: 'no results on a later page: no counter', job: { page: 3 }, outcome: onPage(page('empty_result')), expected: done('empty_result', null, 0) },
  ],
  rate_limited: [
    {
      name: '429 with Retry-After in seconds',
      outcome: onPage(page('rate_limited'), 429, [['Retry-After', '30']]),
      expected: { state: 'backoff', runAt: at(30_000), reason: 'HTTP 429', hostReason: 'HTTP 429' },
    },
    {
      name: '429 with Retry-After as a date',
      outcome: onPage(page('rate_limited'), 429, [['retry-after', 'Sat, 10 Jan 2026 12:05:00 GMT']]),
      expected: { state: 'backoff', runAt: at(5 * 60_000), reason: 'HTTP 429', hostReason: 'HTTP 429' },
    },
    {
      name: '429 without Retry-After: the configured back-off',
      outcome: onPage(page('rate_limited'), 429),
      expected: { state: 'backoff', runAt: at(60_000), reason: 'HTTP 429', hostReason: 'HTTP 429' },
    },
    {
      name: '429 even on the last attempt: the site, not the request, was at fault',
      job: { attempts: 3 },
      outcome: onPage(page('rate_limited'), 429),
      expected: { state: 'backoff', runAt: at(60_000), reason: 'HTTP 429', hostReason: 'HTTP 429' },
    },
  ],
  throttled: [
    {
      name: 'the throttle page: the host rests',
      outcome: onPage(page('throttled')),
      expected: { state: 'backoff', runAt: at(30 * 60_000), reason: 'throttled', hostReason: 'throttle page (Информация временно недоступна)' },
    },
  ],
  geo_block: [
    {
      name: 'geo-block: the host stops',
      outcome: onPage(page('geo_block'), 403),
      expected: {
        state: 'blocked',
        runAt: NOW.toISOString(),
        reason: 'geo_block',
        hostReason: 'geo-block (G): the site refuses this network; run the worker from another network',
      },
    },
  ],
  waf_block: [
    {
      name: "WAF refusal: the host stops, with the page's detail",
      outcome: onPage(page('waf_block', 'ref 123'), 403),
      expected: {
        state: 'blocked',
        runAt: NOW.toISOString(),
        reason: 'waf_block',
        hostReason: 'WAF refusal (B, ref 123): check the User-Agent and request parameters',
      },
    },
  ],
  captcha_form: [
    {
      name: 'a list answered with the captcha form and its image: the host waits; the image comes from this page (no form job)',
      outcome: onPage(captchaForm('9', 'AA')),
      expected: { state: 'captcha_needed', runAt: NOW.toISOString(), reason: 'captcha_form', form: null },
    },
    {
      name: 'a captcha form without an image: the host waits; a search-form job fetches one',
      outcome: onPage(captchaForm(null, null)),
      expected: { state: 'captcha_needed', runAt: NOW.toISOString(), reason: 'captcha_form', form: formJob('new') },
    },
    {
      name: 'a search-form job that got the form: done (its image goes to the queue)',
      job: { kind: 'form', page: null },
      outcome: onPage(captchaForm('9', 'AA')),
      expected: done('captcha_form'),
    },
  ],
  captcha_wrong: [
    {
      name: 'a wrong captcha answer on a classic list: the host waits for another; its classic search form is fetched',
      job: { attempts: 3, url: `https://${HOST}/modules.php?name=sud_delo&srv_num=1&name_op=r&delo_id=1540006` },
      outcome: onPage(page('captcha_wrong')),
      expected: { state: 'captcha_needed', runAt: NOW.toISOString(), reason: 'captcha_wrong', form: formJob('classic') },
    },
    {
      name: 'a search-form job answered with the wrong-captcha page: the host waits, no second form job',
      job: { kind: 'form', page: null },
      outcome: onPage(page('captcha_wrong')),
      expected: { state: 'captcha_needed', runAt: NOW.toISOString(), reason: 'captcha_wrong', form: null },
    },
  ],
  redirect: [
    {
      name: 'a redirect to another host: done; its target is a job for that host, the same request',
      job: { act_case: null },
      outcome: onPage(page('redirect'), 301, [['Location', 'https://gvs--ros2.sudrf.ru/modules.php?name=sud_delo&x=1#top']]),
      expected: redirected([
        {
          kind: 'list',
          court_vnkod: '61GV0001',
          host: 'gvs--ros2.sudrf.ru',
          url: 'https://gvs--ros2.sudrf.ru/modules.php?name=sud_delo&x=1',
          article: '337',
          axis: 'receipt',
          window_from: '2024-01-01',
          window_to: '2024-01-31',
          page: 1,
          parent_id: 41,
          act_case: null,
        },
      ]),
    },
    {
      name: 'a relative redirect stays on the host',
      outcome: onPage(page('redirect'), 302, [['location', '/modules.php?name=sud_delo&y=2']]),
      expected: redirected([
        {
          kind: 'list',
          court_vnkod: '61GV0001',
          host: HOST,
          url: `https://${HOST}/modules.php?name=sud_delo&y=2`,
          article: '337',
          axis: 'receipt',
          window_from: '2024-01-01',
          window_to: '2024-01-31',
          page: 1,
          parent_id: 41,
          act_case: null,
        },
      ]),
    },
    {
      name: 'a redirect off sudrf.ru: failed on its capture, not followed',
      outcome: onPage(page('redirect'), 302, [['Location', 'https://parked.example.com/x']]),
      expected: {
        state: 'failed',
        runAt: null,
        reason: 'redirect to a host outside sudrf.ru (parked.example.com): not followed',
        hostError: 'redirect to a host outside sudrf.ru (parked.example.com): not followed',
        capture: { id: 7, kind: 'redirect' },
      },
    },
    {
      name: 'a redirect without a Location: again later',
      outcome: onPage(page('redirect'), 302),
      expected: { state: 'retry', runAt: at(1000), reason: 'redirect without a usable Location (HTTP 302)', hostError: null },
    },
  ],
  php_error: misbehaving('php_error', 200),
  search_form: misbehaving('search_form', 200),
  http_error: [
    ...misbehaving('http_error', 503),
    {
      name: '503 with Retry-After in seconds: the host rests that long, the attempt does not count',
      outcome: onPage(page('http_error'), 503, [['Retry-After', '120']]),
      expected: { state: 'backoff', runAt: at(120_000), reason: 'HTTP 503', hostReason: 'HTTP 503 with Retry-After' },
    },
    {
      name: '503 with Retry-After as an HTTP date: the host rests until then',
      outcome: onPage(page('http_error'), 503, [['retry-after', new Date(NOW.getTime() + 90_000).toUTCString()]]),
      expected: { state: 'backoff', runAt: at(90_000), reason: 'HTTP 503', hostReason: 'HTTP 503 with Retry-After' },
    },
    // The deletion watch reads a card's 404 (410): an answer, not a fault — not asked again and again.
    ...[404, 410].map((status) => ({
      name: `a card answering HTTP ${status}: done, its capture kept for the watch`,
      job: { kind: 'card' as const, page: null },
      outcome: onPage(page('http_error'), status),
      expected: {
        state: 'done' as const,
        resultKind: 'http_error' as const,
        captureId: 7,
        totalRows: null,
        rowsFound: null,
        follow: [],
        succeededAt: NOW.toISOString(),
      },
    })),
    {
      name: 'a list page answering HTTP 404: a fault, tried again',
      outcome: onPage(page('http_error'), 404),
      expected: { state: 'retry', runAt: at(1000), reason: 'http_error (HTTP 404)', hostError: 'http_error (HTTP 404)' },
    },
  ],
  requisite: misbehaving('requisite', 200),
  unknown: misbehaving('unknown', 200),
};

const BY_OUTCOME: Row[] = [
  {
    name: 'robots.txt forbids it: failed at once',
    outcome: { type: 'disallowed' },
    expected: { state: 'failed', runAt: NOW.toISOString(), reason: 'disallowed by robots.txt', hostError: null, capture: null },
  },
  {
    name: 'no answer, first attempt',
    outcome: { type: 'unreachable', error: 'timeout after 5 ms' },
    expected: { state: 'retry', runAt: at(1000), reason: 'timeout after 5 ms', hostError: 'timeout after 5 ms' },
  },
  {
    name: 'no answer, second attempt: the delay doubles',
    job: { attempts: 2 },
    outcome: { type: 'unreachable', error: 'network: fetch failed' },
    expected: { state: 'retry', runAt: at(2000), reason: 'network: fetch failed', hostError: 'network: fetch failed' },
  },
  {
    name: 'no answer, last attempt: failed',
    job: { attempts: 3 },
    outcome: { type: 'unreachable', error: 'network: fetch failed' },
    expected: { state: 'failed', runAt: at(4000), reason: 'network: fetch failed', hostError: 'network: fetch failed', capture: null },
  },
  {
    name: "otkaz failed: again, the host's error kept",
    outcome: { type: 'crashed', error: 'boom' },
    expected: { state: 'retry', runAt: at(1000), reason: 'internal: boom', hostError: null },
  },
  {
    name: 'otkaz failed on the last attempt: failed',
    job: { attempts: 4 },
    outcome: { type: 'crashed', error: 'boom' },
    expected: { state: 'failed', runAt: at(8000), reason: 'internal: boom', hostError: null, capture: null },
  },
  {
    name: 'the database refused the page: failed with the code and SQLSTATE, on its capture',
    outcome: { type: 'refused', captureId: 9, kind: 'case_list', failure: { stage: 'store', code: 'ingest.store_failed', sqlstate: '54000', reason: 'x' } },
    expected: {
      state: 'failed',
      runAt: null,
      reason: 'ingest.store_failed (SQLSTATE 54000)',
      hostError: 'ingest.store_failed (SQLSTATE 54000)',
      capture: { id: 9, kind: 'case_list' },
    },
  },
  {
    name: 'refused without a SQLSTATE: the code alone',
    outcome: { type: 'refused', captureId: 9, kind: 'case_card', failure: { stage: 'store', code: 'ingest.store_failed', sqlstate: null, reason: 'x' } },
    expected: { state: 'failed', runAt: null, reason: 'ingest.store_failed', hostError: 'ingest.store_failed', capture: { id: 9, kind: 'case_card' } },
  },
];

describe("settle: a crawl job's next state", () => {
  for (const r of [...BY_OUTCOME, ...Object.values(BY_KIND).flat()]) {
    it(r.name, () => {
      assert.deepEqual(settle(job(r.job), r.outcome, POLICY, CLOCK), r.expected);
    });
  }

  it('the jitter spreads a retry between half and one and a half times the delay', () => {
    const low = settle(job({ attempts: 2 }), { type: 'unreachable', error: 'e' }, POLICY, { now: NOW, random: () => 0 });
    const high = settle(job({ attempts: 2 }), { type: 'unreachable', error: 'e' }, POLICY, { now: NOW, random: () => 0.999 });
    assert.deepEqual([low.state === 'retry' && low.runAt, high.state === 'retry' && high.runAt], [at(1000), at(2998)]);
  });

  describe('a first list page', () => {
    const doc = (n: number) => `https://${HOST}/modules.php?name=sud_delo&name_op=doc&number=${n}`;
    // Three rows with cards; the first with an act on its own page, the second with an act link that opens the card.
    const rows = [row(1, [doc(1)]), row(2, [`https://${HOST}/modules.php?name=sud_delo&name_op=case&case_id=2`]), row(3)];
    const listJob = (from: string, to: string, p: number) => ({
      kind: 'list',
      court_vnkod: '61GV0001',
      host: HOST,
      article: '337',
      axis: 'receipt',
      window_from: from,
      window_to: to,
      page: p,
      parent_id: 41,
      url: listUrl({ host: HOST, layout: 'classic', vnkod: '61GV0001', article: '337', axis: 'receipt', from, to, page: p }),
    });

    it("leads to its cards, its acts on their own pages and the window's further pages", () => {
      const s = settle(job(), onPage(list(rows, 45, [1, 20])), POLICY, CLOCK);
      assert.equal(s.state, 'done');
      if (s.state !== 'done') return;
      assert.deepEqual({ ...s, follow: [] }, done('case_list', 45, 3));
      const card = (n: number) => ({
        kind: 'card',
        court_vnkod: '61GV0001',
        host: HOST,
        article: '337',
        axis: 'receipt',
        window_from: '2024-01-01',
        window_to: '2024-01-31',
        page: null,
        parent_id: 41,
        url: row(n).cardUrl,
      });
      assert.deepEqual(s.follow, [
        card(1),
        card(2),
        card(3),
        {
          kind: 'act',
          court_vnkod: '61GV0001',
          host: HOST,
          article: '337',
          axis: 'receipt',
          window_from: '2024-01-01',
          window_to: '2024-01-31',
          page: null,
          parent_id: 41,
          url: doc(1),
          act_case: { caseUid: 'uid-1', caseId: '1', deloId: '1540006', actTitle: 'Приговор' },
        },
        // 45 rows at 20 a page: pages 2 and 3.
        listJob('2024-01-01', '2024-01-31', 2),
        listJob('2024-01-01', '2024-01-31', 3),
      ]);
    });

    it('without a total, follows the page count', () => {
      const s = settle(job(), onPage(list([], null, null, 2)), POLICY, CLOCK);
      assert.deepEqual(s.state === 'done' && [s.totalRows, s.follow], [null, [listJob('2024-01-01', '2024-01-31', 2)]]);
    });

    it('with more pages than a window may hold, splits the window in two instead', () => {
      // 1000 rows at 20 a page: 50 pages > 20.
      const s = settle(job(), onPage(list([row(1)], 1000, [1, 20])), POLICY, CLOCK);
      assert.equal(s.state, 'done');
      if (s.state !== 'done') return;
      assert.deepEqual([s.resultKind, s.totalRows, s.rowsFound], ['split', 1000, null]);
      assert.deepEqual(
        s.follow.filter((j) => j.kind === 'list'),
        [listJob('2024-01-01', '2024-01-16', 1), listJob('2024-01-17', '2024-01-31', 1)],
      );
    });

    it('a window of one day cannot be split: its 50 pages are followed', () => {
      const s = settle(job({ window_from: '2024-01-05', window_to: '2024-01-05' }), onPage(list([], 1000, [1, 20])), POLICY, CLOCK);
      assert.deepEqual(s.state === 'done' && [s.resultKind, s.follow.map((j) => j.page)], ['case_list', Array.from({ length: 49 }, (_, i) => i + 2)]);
    });
  });
});
