// Crawls of the simulator end to end, on both engines: counts equal the simulator's own totals, every trap
// is handled, nothing is stored twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prosecutionCounts } from '../../src/courts/counts.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { crawlStatus, planCrawl } from '../../src/crawler/jobs.ts';
import { CourtSimulator, NO_TRAPS, type Traps } from '../../src/crawler/simulator/server.ts';
import { World } from '../../src/crawler/simulator/world.ts';
import { type CrawlerOptions, DEFAULT_CRAWLER, runWorker } from '../../src/crawler/worker.ts';
import type { Database } from '../../src/db/database.ts';
import { ENGINES } from '../helpers/engines.ts';

const directory = loadDirectory();
const COURTS = [
  { vnkod: '61GV0001', host: 'gvs--ros.sudrf.ru', layout: 'classic' as const },
  { vnkod: '63GV0001', host: 'gvs--sam.sudrf.ru', layout: 'new' as const },
  { vnkod: '77GV0011', host: 'tverskoy--twr.sudrf.ru', layout: 'new' as const, captcha: true },
];
const world = () => new World({ seed: 11, casesPerCourt: 40, from: '2024-01-01', to: '2024-06-30', courts: COURTS });

function truth(w: World): { cases: number; byArticle: string[] } {
  const t = w.totals();
  return {
    cases: t.cases,
    byArticle: Object.entries(t.byArticle)
      .map(([a, n]) => `${a} ${n}`)
      .sort(),
  };
}

async function crawl(db: Database, sim: CourtSimulator, base: string, extra: Partial<CrawlerOptions> = {}) {
  await planCrawl(db, { courts: COURTS, articles: ['337', '338', '332', '339', '352.1'], from: '2024-01-01', to: '2024-06-30' });
  return runWorker(db, {
    ...DEFAULT_CRAWLER,
    baseUrl: base,
    userAgent: 'otkaz-test (tests@example.org)',
    pacingMs: 5,
    retryBaseMs: 20,
    throttleBackoffMs: 150,
    rateLimitBackoffMs: 100,
    concurrency: 3,
    personKey: 'k'.repeat(32),
    directory,
    solveCaptcha: async (_host, _png, id) => sim.captchaAnswer(id),
    ...extra,
  });
}

async function snapshot(db: Database) {
  const cases = await db.query<{ court_vnkod: string; case_key: string; record_hash: string }>(
    'select court_vnkod, case_key, record_hash from cases order by 1, 2',
  );
  const history = await db.query<{ n: number }>('select count(*)::int as n from case_history group by case_id order by 1');
  return { cases, historyPerCase: history.map((h) => h.n) };
}

for (const engine of ENGINES) {
  describe(`crawl of the simulator: ${engine.name}`, () => {
    let clean: Awaited<ReturnType<typeof snapshot>>;
    const w = world();

    it("a clean crawl stores every case once; counts equal the simulator's totals; list counters match rows read", async () => {
      const sim = new CourtSimulator(w, { ...NO_TRAPS });
      const base = await sim.listen();
      const { db, drop } = await engine.create();
      try {
        await syncCourts(db, directory);
        await crawl(db, sim, base);
        const expected = truth(w);
        const counts = await prosecutionCounts(db, { by: ['article'] });
        assert.equal(counts.totals.cases, expected.cases);
        assert.deepEqual(counts.rows.map((r) => `${r.article} ${r.cases}`).sort(), expected.byArticle);
        const status = await crawlStatus(db);
        for (const host of status) {
          assert.equal(host.pending + host.running + host.failed, 0, `${host.host} finished`);
          assert.equal(host.expected_rows, host.rows_found, `${host.host}: rows read = counters`);
        }
        const [cards] = await db.query<{ n: number }>("select count(*)::int as n from captures where page_kind = 'case_card'");
        assert.equal(cards?.n, expected.cases, 'each card fetched once');
        clean = await snapshot(db);
        // History: created from the list row, updated from the card, and — classic courts publish acts on their
        // own pages — updated once more from the act text of every decided case.
        const decidedClassic = w.courts
          .filter((c) => c.layout === 'classic')
          .flatMap((c) => c.cases)
          .filter((c) => c.outcome !== 'pending').length;
        assert.deepEqual(clean.historyPerCase, [...Array(expected.cases - decidedClassic).fill(2), ...Array(decidedClassic).fill(3)]);
        const [acts] = await db.query<{ n: number; with_sentence: number }>(
          `select count(*)::int as n, count(*) filter (where body like '%П Р И Г О В О Р И Л%' or body like '%П О С Т А Н О В И Л%')::int as with_sentence from case_acts`,
        );
        assert.deepEqual(acts, { n: decidedClassic, with_sentence: decidedClassic }, 'every published act stored with its case');
      } finally {
        await drop();
        await sim.close();
      }
    });

    it('with every trap the final database equals the clean crawl, and no trap page is data', async () => {
      const traps: Traps = {
        ...NO_TRAPS,
        rateLimitEvery: 23,
        retryAfterSeconds: 1,
        throttleEvery: 29,
        phpErrorEvery: 31,
        dropEvery: 37,
        wafWithoutUserAgent: true,
      };
      const sim = new CourtSimulator(w, traps);
      const base = await sim.listen();
      const { db, drop } = await engine.create();
      try {
        await syncCourts(db, directory);
        await crawl(db, sim, base);
        assert.deepEqual(await snapshot(db), clean);
        const kinds = new Set(sim.log.map((l) => l.kind));
        for (const kind of ['rate_limited', 'throttled', 'php_error', 'dropped', 'captcha_wrong', 'captcha_form'])
          assert.ok(kinds.has(kind), `trap ${kind} was exercised`);
        const [traps429] = await db.query<{ n: number }>(
          "select count(*)::int as n from captures where page_kind in ('rate_limited', 'throttled', 'php_error', 'captcha_wrong', 'captcha_form')",
        );
        assert.ok((traps429?.n ?? 0) > 0, 'trap responses are archived as evidence');
        const [answered] = await db.query<{ n: number }>("select count(*)::int as n from captcha_queue where state = 'answered'");
        assert.ok((answered?.n ?? 0) >= 1);
      } finally {
        await drop();
        await sim.close();
      }
    });

    it('a WAF or geo-block stops that host and says why; the others finish', async () => {
      const sim = new CourtSimulator(w, { ...NO_TRAPS, geoBlocked: ['gvs--sam.sudrf.ru'] });
      const base = await sim.listen();
      const { db, drop } = await engine.create();
      try {
        await syncCourts(db, directory);
        await crawl(db, sim, base);
        const status = await crawlStatus(db);
        const blocked = status.find((s) => s.host === 'gvs--sam.sudrf.ru');
        assert.match(blocked?.blocked_reason ?? '', /geo-block/);
        assert.ok((blocked?.pending ?? 0) > 0, 'its jobs wait');
        assert.equal(status.find((s) => s.host === 'gvs--ros.sudrf.ru')?.pending, 0);
      } finally {
        await drop();
        await sim.close();
      }
    });
  });
}

describe('global rate limit', () => {
  it('never more requests per minute than allowed across all hosts', async () => {
    const engine = ENGINES[1] ?? ENGINES[0];
    assert.ok(engine);
    const sim = new CourtSimulator(world(), { ...NO_TRAPS });
    const base = await sim.listen();
    const { db, drop } = await engine.create();
    try {
      await syncCourts(db, directory);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 2500);
      let requests = 0;
      await crawl(db, sim, base, {
        globalPerMinute: 12,
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'request') requests += 1; // every request: robots.txt and search forms too
        },
      });
      assert.equal(requests, 12, 'the first minute allows exactly 12');
    } finally {
      await drop();
      await sim.close();
    }
  });
});

describe('incremental re-crawl', () => {
  it('recent windows and open cases are visited again; a verdict that appeared is an update, not a new case', async () => {
    const engine = ENGINES[1] ?? ENGINES[0];
    assert.ok(engine);
    const w = world();
    const sim = new CourtSimulator(w, { ...NO_TRAPS, changing: true });
    const base = await sim.listen();
    const { db, drop } = await engine.create();
    try {
      await syncCourts(db, directory);
      await crawl(db, sim, base);
      const before = await prosecutionCounts(db, { by: ['outcome'] });
      const pendingBefore = before.rows.find((r) => r.outcome === 'unknown')?.cases ?? 0;
      assert.ok(pendingBefore > 0, 'some cases had no verdict yet');
      const again = await planCrawl(db, {
        courts: COURTS,
        articles: ['337', '338', '332', '339', '352.1'],
        from: '2024-01-01',
        to: '2024-06-30',
        refreshSince: '2024-01-01',
      });
      assert.ok(again.refreshed > 0);
      await crawl(db, sim, base);
      const afterCounts = await prosecutionCounts(db, { by: ['outcome'] });
      assert.equal(afterCounts.totals.cases, before.totals.cases, 'no case added twice');
      assert.equal(afterCounts.rows.find((r) => r.outcome === 'unknown')?.cases ?? 0, 0, 'the verdicts that appeared were picked up');
      const [updates] = await db.query<{ n: number }>(
        `select count(*)::int as n from case_history where kind = 'updated' and changes @> '[{"field": "outcome"}]'::jsonb`,
      );
      assert.equal(updates?.n, pendingBefore, 'one outcome change recorded per formerly open case');
    } finally {
      await drop();
      await sim.close();
    }
  });
});
