// The crawler against a simulator that behaves like real court sites where they differ from a friendly one:
// captcha answers bound to the session cookie of the search form, robots.txt that fails (5xx) or forbids,
// Crawl-delay, 503 with Retry-After, a host that moved to another host. Every rule is checked on the simulator's own
// request log (what the sites would see), and pacing also on the crawler's request starts (a monotonic clock).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { answerPendingCaptcha, pendingCaptchas } from '../../src/crawler/captcha.ts';
import { crawlStatus, jobsWaitingOnCaptcha, type PlanCourt, planCrawl } from '../../src/crawler/jobs.ts';
import { CourtSimulator, NO_TRAPS, type SimRequest, type Traps } from '../../src/crawler/simulator/server.ts';
import { World } from '../../src/crawler/simulator/world.ts';
import { type CrawlEvent, type CrawlerOptions, DEFAULT_CRAWLER, runWorker } from '../../src/crawler/worker.ts';
import type { Database } from '../../src/db/database.ts';
import { ENGINES, type EngineFactory } from '../helpers/engines.ts';

const directory = loadDirectory();
const CAPTCHA = { vnkod: '77GV0011', host: 'tverskoy--twr.sudrf.ru', layout: 'new' as const, captcha: true };
const ROS = { vnkod: '61GV0001', host: 'gvs--ros.sudrf.ru', layout: 'classic' as const };
const SAM = { vnkod: '63GV0001', host: 'gvs--sam.sudrf.ru', layout: 'new' as const };
const MSK = { vnkod: '77GV0001', host: 'moskovskygvs--msk.sudrf.ru', layout: 'classic' as const };
const FROM = '2024-01-01';
const TO = '2024-02-29';

function world(courts: { vnkod: string; host: string; layout: 'classic' | 'new'; captcha?: boolean }[], casesPerCourt: number): World {
  return new World({ seed: 5, casesPerCourt, from: FROM, to: TO, courts });
}

async function plan(db: Database, courts: PlanCourt[], refreshSince: string | null = null) {
  await planCrawl(db, { courts, articles: ['337', '338'], from: FROM, to: TO, refreshSince });
}

function options(base: string, extra: Partial<CrawlerOptions> = {}): CrawlerOptions {
  return {
    ...DEFAULT_CRAWLER,
    baseUrl: base,
    userAgent: 'otkaz-test (tests@example.org)',
    pacingMs: 5,
    retryBaseMs: 20,
    throttleBackoffMs: 150,
    rateLimitBackoffMs: 100,
    robotsRetryMs: 150,
    concurrency: 4,
    personKey: 'k'.repeat(32),
    directory,
    ...extra,
  };
}

async function withSimulator<T>(
  engine: EngineFactory,
  w: World,
  traps: Partial<Traps>,
  body: (db: Database, sim: CourtSimulator, base: string) => Promise<T>,
): Promise<T> {
  const sim = new CourtSimulator(w, { ...NO_TRAPS, ...traps });
  const base = await sim.listen();
  const { db, drop } = await engine.create();
  try {
    await syncCourts(db, directory);
    return await body(db, sim, base);
  } finally {
    await drop();
    await sim.close();
  }
}

const ofHost = (log: SimRequest[], host: string) => log.filter((r) => r.host === host);
/** Start-to-start gaps between consecutive requests, in ms. */
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? t));
const casesOf = async (db: Database, vnkod: string) =>
  (await db.query<{ n: number }>('select count(*)::int as n from cases where court_vnkod = $1', [vnkod]))[0]?.n ?? -1;
const expectedCases = (w: World, vnkod: string) =>
  w.courts.find((c) => c.vnkod === vnkod)?.cases.filter((c) => c.articles.some((a) => a.article === '337' || a.article === '338')).length ?? -2;

for (const engine of ENGINES) {
  describe(`captcha sessions: ${engine.name}`, () => {
    it('a person answers while the crawl waits; a resumed crawl (a new worker) completes in the session the form set', async () => {
      const w = world([CAPTCHA], 30);
      await withSimulator(engine, w, {}, async (db, sim, base) => {
        await plan(db, [CAPTCHA]);
        await runWorker(db, options(base));
        const [captcha] = await pendingCaptchas(db);
        assert.ok(captcha, 'the form job queued the image');
        assert.ok((await jobsWaitingOnCaptcha(db)) > 0);
        assert.equal((await crawlStatus(db))[0]?.captcha_needed, true);
        const form = sim.log.find((r) => r.kind === 'captcha_form');
        assert.ok(form, 'the search form was asked for');
        const [archived] = await db.query<{ n: number }>(
          "select count(*)::int as n from captures where url like '%name_op=sf%' and page_kind = 'captcha_form'",
        );
        assert.equal(archived?.n, 1, 'the search form is archived');

        await answerPendingCaptcha(db, captcha.id, sim.captchaAnswer(captcha.captcha_id) ?? '');
        assert.equal((await crawlStatus(db))[0]?.captcha_needed, false, 'status no longer asks for a captcha once answered');
        await runWorker(db, options(base));
        assert.equal(await jobsWaitingOnCaptcha(db), 0);
        assert.equal(await casesOf(db, CAPTCHA.vnkod), expectedCases(w, CAPTCHA.vnkod), 'every case of the captcha court');
        const lists = ofHost(sim.log, CAPTCHA.host).filter((r) => r.kind === 'case_list');
        assert.ok(lists.length > 0);
        const sessions = new Set(lists.map((r) => r.session));
        assert.equal(sessions.size, 1, 'every list in one session');
        assert.notEqual([...sessions][0], null, 'the session cookie was sent');
      });
    });

    it('control: without the stored session the same answer is refused and a new captcha is asked for', async () => {
      const w = world([CAPTCHA], 10);
      await withSimulator(engine, w, {}, async (db, sim, base) => {
        await plan(db, [CAPTCHA]);
        await runWorker(db, options(base));
        const [captcha] = await pendingCaptchas(db);
        assert.ok(captcha);
        await answerPendingCaptcha(db, captcha.id, sim.captchaAnswer(captcha.captcha_id) ?? '');
        await db.query('update crawl_hosts set cookies = null');
        await runWorker(db, options(base));
        assert.ok((await jobsWaitingOnCaptcha(db)) > 0, 'still waiting');
        assert.equal(await casesOf(db, CAPTCHA.vnkod), 0);
        const [again] = await pendingCaptchas(db);
        assert.ok(again && again.id !== captcha.id, 'a new captcha from a new form');
      });
    });
  });
}

const engine = ENGINES[0];
assert.ok(engine);

describe('pacing on every request', () => {
  it('robots.txt, the search form, lists, cards and acts: start to start never under the pacing, one at a time per host', async () => {
    const pacing = 60;
    const w = world([CAPTCHA, ROS], 12);
    await withSimulator(engine, w, {}, async (db, sim, base) => {
      await plan(db, [CAPTCHA, ROS]);
      const starts: CrawlEvent[] = [];
      await runWorker(
        db,
        options(base, {
          pacingMs: pacing,
          solveCaptcha: async (_h, _p, id) => sim.captchaAnswer(id),
          onEvent: (e) => {
            if (e.type === 'request') starts.push(e);
          },
        }),
      );
      assert.equal(await casesOf(db, CAPTCHA.vnkod), expectedCases(w, CAPTCHA.vnkod));
      assert.equal(await casesOf(db, ROS.vnkod), expectedCases(w, ROS.vnkod));
      for (const court of [CAPTCHA, ROS]) {
        const seen = ofHost(sim.log, court.host);
        assert.equal(seen[0]?.kind, 'robots', `${court.host}: robots.txt first`);
        assert.ok(
          seen.every((r) => r.inFlight === 1),
          `${court.host}: never two requests at once`,
        );
        const mine = starts.flatMap((e) => (e.type === 'request' && e.host === court.host ? [e.at] : []));
        assert.equal(mine.length, seen.length, 'every request the crawler made reached the site, and only those');
        const low = Math.min(...gaps(mine));
        assert.ok(low >= pacing, `${court.host}: crawler's smallest gap ${low.toFixed(2)} ms ≥ ${pacing}`);
        // At the site a gap also carries the difference of two requests' transit, which inside this one process
        // includes the crawler's own database work (PGlite holds the event loop): the exact bound is the crawler's
        // above; the site's shows that no request (robots.txt, form) went out in the same slot as another.
        const lowAtSite = Math.min(...gaps(seen.map((r) => r.at)));
        assert.ok(lowAtSite >= pacing / 4, `${court.host}: smallest gap at the site ${lowAtSite.toFixed(2)} ms`);
      }
      assert.ok(
        ofHost(sim.log, CAPTCHA.host).some((r) => r.kind === 'captcha_form'),
        'the form went through the same pacing',
      );
    });
  });

  it('a 503 with Retry-After (seconds, or an HTTP date) rests the host that long', async () => {
    for (const retryAfterAsDate of [false, true]) {
      const w = world([SAM], 4);
      await withSimulator(engine, w, { unavailableEvery: 4, retryAfterSeconds: 1, retryAfterAsDate }, async (db, sim, base) => {
        await plan(db, [SAM]);
        await runWorker(db, options(base));
        assert.equal(await casesOf(db, SAM.vnkod), expectedCases(w, SAM.vnkod), 'the crawl completes');
        const seen = ofHost(sim.log, SAM.host);
        const rests = seen.flatMap((r, i) => (r.kind === 'unavailable' && seen[i + 1] ? [(seen[i + 1]?.at ?? 0) - r.at] : []));
        assert.ok(rests.length > 0, 'a 503 was met');
        for (const rest of rests) assert.ok(rest >= 990, `${retryAfterAsDate ? 'date' : 'seconds'}: next request ${rest.toFixed(0)} ms after the 503`);
      });
    }
  });
});

describe('robots.txt per RFC 9309', () => {
  it('5xx: nothing until it is read again; 4xx: everything; a Disallow for us is obeyed without a request; Crawl-delay is kept', async () => {
    const w = world([ROS, SAM, MSK, CAPTCHA], 6);
    const traps: Partial<Traps> = {
      robots: {
        [ROS.host]: [{ status: 503 }, { status: 200, body: 'User-agent: *\nAllow: /\n' }],
        [SAM.host]: [{ status: 404 }],
        [MSK.host]: [{ status: 200, body: 'User-agent: *\nAllow: /\n\nUser-agent: otkaz\nDisallow: /modules.php?name=sud_delo&srv_num=1&name_op=case\n' }],
        [CAPTCHA.host]: [{ status: 200, body: 'User-agent: *\nCrawl-delay: 0.12\nDisallow: /admin/\n' }],
      },
    };
    await withSimulator(engine, w, traps, async (db, sim, base) => {
      await plan(db, [ROS, SAM, MSK, CAPTCHA]);
      const starts = new Map<string, number[]>();
      await runWorker(
        db,
        options(base, {
          solveCaptcha: async (_h, _p, id) => sim.captchaAnswer(id),
          onEvent: (e) => {
            if (e.type === 'request') starts.set(e.host, [...(starts.get(e.host) ?? []), e.at]);
          },
        }),
      );
      // 503: the first two requests are both robots.txt, the re-read after the retry interval; then the crawl.
      const ros = ofHost(sim.log, ROS.host);
      assert.deepEqual(
        ros.slice(0, 2).map((r) => [r.kind, r.status]),
        [
          ['robots', 503],
          ['robots', 200],
        ],
      );
      assert.ok((ros[1]?.at ?? 0) - (ros[0]?.at ?? 0) >= 150, 'read again only after the retry interval');
      assert.equal(await casesOf(db, ROS.vnkod), expectedCases(w, ROS.vnkod));
      // 404: everything allowed.
      assert.equal(await casesOf(db, SAM.vnkod), expectedCases(w, SAM.vnkod));
      // Our group disallows cards: none asked for, their jobs failed as disallowed.
      const msk = ofHost(sim.log, MSK.host);
      assert.equal(msk.filter((r) => r.kind === 'case_card').length, 0, 'no card asked for');
      assert.ok(msk.some((r) => r.kind === 'case_list'));
      const [refused] = await db.query<{ n: number }>(
        "select count(*)::int as n from crawl_jobs where host = $1 and kind = 'card' and state = 'failed' and last_error = 'disallowed by robots.txt'",
        [MSK.host],
      );
      assert.ok((refused?.n ?? 0) > 0);
      // Crawl-delay 0.12 s, longer than the 5 ms pacing: kept between every two requests.
      const low = Math.min(...gaps(starts.get(CAPTCHA.host) ?? []));
      assert.ok(low >= 120, `Crawl-delay kept: smallest gap ${low.toFixed(1)} ms`);
      const robotsReads = () => sim.log.filter((r) => r.host === SAM.host && r.kind === 'robots').length;
      assert.equal(robotsReads(), 1);

      // Kept for at most 24 hours: an hour later it is used as read, a day later it is read again.
      const later = (hours: number) => () => new Date(Date.now() + hours * 3_600_000);
      await plan(db, [SAM], FROM);
      await runWorker(db, options(base, { now: later(1) }));
      assert.equal(robotsReads(), 1, 'an hour later: the stored file');
      await plan(db, [SAM], FROM);
      await runWorker(db, options(base, { now: later(25) }));
      assert.equal(robotsReads(), 2, 'a day later: read again');
    });
  });
});

describe('a job robots.txt forbids', () => {
  it('takes no pacing slot: the host is free again one pacing after its last request (robots.txt), not one per refused job', async () => {
    const pacing = 400;
    const w = world([SAM], 4);
    await withSimulator(
      engine,
      w,
      { robots: { [SAM.host]: [{ status: 200, body: 'User-agent: otkaz\nDisallow: /modules.php\n' }] } },
      async (db, sim, base) => {
        await plan(db, [SAM]);
        await runWorker(db, options(base, { pacingMs: pacing }));
        assert.deepEqual(
          ofHost(sim.log, SAM.host).map((r) => r.kind),
          ['robots'],
          'only robots.txt was asked',
        );
        const jobs = await db.query<{ state: string; last_error: string }>('select state, last_error from crawl_jobs where host = $1', [SAM.host]);
        assert.equal(jobs.length, 4);
        assert.ok(jobs.every((j) => j.state === 'failed' && j.last_error === 'disallowed by robots.txt'));
        const [host] = await db.query<{ ms: number }>(
          'select extract(epoch from (next_allowed_at - robots_checked_at)) * 1000 as ms from crawl_hosts where host = $1',
          [SAM.host],
        );
        // The slot ends one pacing (+1 ms of rounding) after robots.txt was asked, i.e. at most that after its answer.
        assert.ok((host?.ms ?? Number.POSITIVE_INFINITY) <= pacing + 1, `next slot ${host?.ms} ms after the robots.txt answer`);
      },
    );
  });
});

describe('the search form', () => {
  it('obeys robots.txt like any page: a Disallow for it means no form request, and the host waits for a person', async () => {
    const w = world([CAPTCHA], 4);
    const robots = { [CAPTCHA.host]: [{ status: 200, body: 'User-agent: *\nDisallow: /modules.php?name=sud_delo&name_op=sf\n' }] };
    await withSimulator(engine, w, { robots }, async (db, sim, base) => {
      await plan(db, [CAPTCHA]);
      await runWorker(db, options(base, { solveCaptcha: async (_h, _p, id) => sim.captchaAnswer(id) }));
      const kinds = ofHost(sim.log, CAPTCHA.host).map((r) => r.kind);
      assert.ok(kinds.includes('captcha_wrong'), 'a list met the captcha');
      assert.ok(!kinds.includes('captcha_form') && !kinds.includes('search_form'), `no form asked for: ${kinds.join(', ')}`);
      const [form] = await db.query<{ state: string; last_error: string }>("select state, last_error from crawl_jobs where kind = 'form'");
      assert.deepEqual(form, { state: 'failed', last_error: 'disallowed by robots.txt' });
      assert.ok((await jobsWaitingOnCaptcha(db)) > 0);
    });
  });
});

describe('redirects', () => {
  it('a host that moved: each 301 archived with its Location, the target asked as a job of its own host (robots, pacing)', async () => {
    const NEW = { ...ROS, host: 'gvs--ros2.sudrf.ru' };
    const w = world([NEW], 8);
    await withSimulator(engine, w, { moved: { [ROS.host]: NEW.host } }, async (db, sim, base) => {
      await plan(db, [ROS]);
      const starts = new Map<string, number[]>();
      await runWorker(
        db,
        options(base, {
          pacingMs: 20,
          onEvent: (e) => {
            if (e.type === 'request') starts.set(e.host, [...(starts.get(e.host) ?? []), e.at]);
          },
        }),
      );
      assert.equal(await casesOf(db, ROS.vnkod), expectedCases(w, ROS.vnkod), 'the cases, from the new host');
      const old = ofHost(sim.log, ROS.host);
      assert.deepEqual([...new Set(old.map((r) => r.kind))], ['robots', 'redirect']);
      const moved = ofHost(sim.log, NEW.host);
      assert.equal(moved[0]?.kind, 'robots', "the new host's robots.txt before its first page");
      const redirects = await db.query<{ status: number; location: string | null }>(
        `select http_status as status, (select h->>1 from jsonb_array_elements(http_headers) h where lower(h->>0) = 'location') as location
         from captures where url like $1 and page_kind = 'redirect'`,
        [`https://${ROS.host}/%`],
      );
      assert.equal(redirects.length, old.filter((r) => r.kind === 'redirect').length, 'every hop archived');
      assert.ok(redirects.every((r) => r.status === 301 && r.location?.startsWith(`https://${NEW.host}/`)));
      for (const host of [ROS.host, NEW.host]) {
        const low = Math.min(...gaps(starts.get(host) ?? []));
        assert.ok(low >= 20, `${host}: smallest gap ${low.toFixed(1)} ms`);
      }
    });
  });
});
