// "Gone from its list" (#15), on both engines: when a court's robots.txt forbids its case cards, the crawl knows its
// cases from the result lists only; a case taken off the simulated site is then found gone when the complete list of
// its window, every page fetched again after the case was last shown, no longer holds it — and not before. A case
// put back is recorded as listed again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { classifyWatch } from '../../src/courts/watch/classify.ts';
import { watchEvents } from '../../src/courts/watch/read.ts';
import { planCrawl } from '../../src/crawler/jobs.ts';
import { planRevisits } from '../../src/crawler/revisit.ts';
import { CourtSimulator, NO_TRAPS } from '../../src/crawler/simulator/server.ts';
import { World } from '../../src/crawler/simulator/world.ts';
import { DEFAULT_CRAWLER, runWorker } from '../../src/crawler/worker.ts';
import type { Database } from '../../src/db/database.ts';
import { ENGINES } from '../helpers/engines.ts';

const directory = loadDirectory();
const COURTS = [{ vnkod: '61GV0001', host: 'gvs--ros.sudrf.ru', layout: 'classic' as const }];
const ROBOTS = 'User-agent: *\nDisallow: /modules.php?name=sud_delo&srv_num=1&name_op=case\n';

const work = (db: Database, base: string) =>
  runWorker(db, {
    ...DEFAULT_CRAWLER,
    baseUrl: base,
    userAgent: 'otkaz-test (tests@example.org)',
    pacingMs: 0,
    retryBaseMs: 20,
    concurrency: 2,
    personKey: 'k'.repeat(32),
    directory,
  });

for (const engine of ENGINES) {
  describe(`deletion watch, cases known from lists only: ${engine.name}`, () => {
    it('a case gone from its complete list is removed, with the list capture that last showed it; put back, it is listed again', async () => {
      // 30 cases over three months: each month window holds several cases (one page each).
      const world = new World({ seed: 5, casesPerCourt: 30, from: '2024-01-01', to: '2024-03-31', courts: COURTS });
      const sim = new CourtSimulator(world, { ...NO_TRAPS, robotsTxt: ROBOTS });
      const base = await sim.listen();
      const { db, drop } = await engine.create();
      try {
        await syncCourts(db, directory);
        await planCrawl(db, { courts: COURTS, articles: ['337', '338', '332', '339', '352.1'], from: '2024-01-01', to: '2024-03-31' });
        await work(db, base);
        const [counts] = await db.query<{ cases: number; cards: number; refused: number }>(
          `select (select count(*)::int from cases) as cases, (select count(*)::int from captures where page_kind = 'case_card') as cards,
                  (select count(*)::int from crawl_jobs where kind = 'card' and last_error = 'disallowed by robots.txt') as refused`,
        );
        assert.deepEqual(counts, { cases: 30, cards: 0, refused: 30 }, 'robots.txt kept the crawler off every card');
        assert.equal(sim.log.filter((l) => l.path.includes('name_op=case')).length, 0, 'no card was asked for');

        const court = world.courts[0];
        const gone = court?.cases[3];
        assert.ok(court && gone);
        assert.ok(world.removeCard(court.host, gone.caseId));
        // Before the lists are fetched again, nothing says the case is gone.
        const early = await classifyWatch(db);
        // (A case listed again under another article's list, fetched later than the list it came from, is present.)
        assert.deepEqual([early.removed, early.restored, early.present + early.inconclusive], [0, 0, 30]);
        assert.ok(early.inconclusive > 0);

        const plan = await planRevisits(db, { dueBefore: new Date(), lists: true });
        assert.equal(plan.cards, 0);
        assert.ok(plan.lists > 0);
        await work(db, base);
        const result = await classifyWatch(db);
        assert.deepEqual(result, { checked: 30, present: 29, removed: 1, restored: 0, inconclusive: 0 });

        const [event] = await watchEvents(db, { kinds: ['removed'], limit: 10 });
        assert.ok(event);
        const [stored] = await db.query<{ id: number }>('select id from cases where lower(case_uid) = lower($1)', [gone.caseUid]);
        assert.equal(event.case_id, stored?.id);
        assert.equal(event.evidence, 'absent_from_list');
        const body = async (captureId: number | undefined) => {
          const [row] = await db.query<{ body: Uint8Array; page_kind: string }>(
            'select b.body, p.page_kind from captures p join blobs b on b.sha256 = p.sha256 where p.id = $1',
            [captureId],
          );
          assert.ok(row);
          return { kind: row.page_kind, text: Buffer.from(row.body).toString('latin1') };
        };
        const last = await body(event.last_capture?.id);
        assert.equal(last.kind, 'case_list');
        assert.ok(last.text.includes(gone.caseUid), 'the last capture lists the case');
        const answer = await body(event.capture.id);
        assert.ok(['case_list', 'empty_result'].includes(answer.kind));
        assert.ok(!answer.text.includes(gone.caseUid), 'the fresh list does not');

        world.restoreCard(court.host, gone.caseId);
        await planRevisits(db, { dueBefore: new Date(), lists: true });
        await work(db, base);
        assert.deepEqual(await classifyWatch(db), { checked: 30, present: 30, removed: 0, restored: 1, inconclusive: 0 });
        const restored = await watchEvents(db, { kinds: ['restored'], limit: 10 });
        assert.deepEqual(
          restored.map((e) => [e.case_id, e.evidence]),
          [[stored?.id, 'listed']],
        );
      } finally {
        await drop();
        await sim.close();
      }
    });
  });
}
