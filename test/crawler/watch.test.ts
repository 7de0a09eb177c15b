// The deletion watch end to end (#15), on both engines: the CLI crawls the simulator, cards are taken off the
// simulated sites (one answering the sudrf "no data" page, one HTTP 404), `otkaz watch run` visits the known cards
// again within the crawler's politeness, and the removals — with the last capture that still showed each card and
// its sha256 — are seen through the CLI, the API and the Atom feed; the case page, the case list and the counts show
// them. A card put back is recorded as restored; running again records nothing twice.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { CourtSimulator, NO_TRAPS } from '../../src/crawler/simulator/server.ts';
import { World } from '../../src/crawler/simulator/world.ts';
import type { Database } from '../../src/db/database.ts';
import { openDatabase, storageTarget } from '../../src/db/open.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { ENGINES } from '../helpers/engines.ts';
import { bundledKnowledgeBase } from '../helpers/kb.ts';
import { childrenNamed, parseXml, type XmlElement } from '../helpers/xml.ts';

const COURTS = [
  { vnkod: '61GV0001', host: 'gvs--ros.sudrf.ru', layout: 'classic' as const },
  { vnkod: '63GV0001', host: 'gvs--sam.sudrf.ru', layout: 'new' as const },
];
const SHA256 = /^[0-9a-f]{64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface WatchEventJson {
  key: string;
  kind: string;
  at: string;
  case_id: number;
  court_vnkod: string;
  evidence: string | null;
  capture: { id: number; sha256: string; retrieved_at: string | null };
  last_capture: { id: number; sha256: string; retrieved_at: string | null } | null;
  fields: string[];
  summary: string;
  summary_ru: string;
}

async function json<T>(...args: string[]): Promise<T> {
  const r = await cli(...args, '--json');
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
  return JSON.parse(r.out) as T;
}

/** The one element of this name (Atom: exactly one). */
function only(e: XmlElement, name: string): XmlElement {
  const found = childrenNamed(e, name);
  assert.equal(found.length, 1, `<${e.name}> has exactly one <${name}>`);
  return found[0] as XmlElement;
}

/** RFC 4287's requirements of a feed and its entries (§4.1.1, §4.1.2, §3.3 dates, §4.2.6 ids), checked on the parsed XML. */
function checkAtom(xml: string): XmlElement {
  const feed = parseXml(xml);
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attributes.xmlns, 'http://www.w3.org/2005/Atom');
  assert.match(only(feed, 'id').text, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(only(feed, 'title').text.length > 0);
  assert.match(only(feed, 'updated').text, RFC3339);
  assert.ok(only(only(feed, 'author'), 'name').text.length > 0, 'the feed names its author (entries have none)');
  const self = childrenNamed(feed, 'link').filter((l) => l.attributes.rel === 'self');
  assert.equal(self.length, 1);
  assert.match(self[0]?.attributes.href ?? '', /^https?:\/\//);
  const ids = new Set<string>();
  for (const entry of childrenNamed(feed, 'entry')) {
    const id = only(entry, 'id').text;
    assert.match(id, /^urn:uuid:/);
    assert.ok(!ids.has(id), 'entry ids are unique');
    ids.add(id);
    assert.ok(only(entry, 'title').text.length > 0);
    assert.match(only(entry, 'updated').text, RFC3339);
    const alternate = childrenNamed(entry, 'link').filter((l) => l.attributes.rel === 'alternate');
    assert.equal(alternate.length, 1, 'an entry without content has one alternate link');
    assert.match(alternate[0]?.attributes.href ?? '', /^https?:\/\/[^/]+\/cases\/\d+$/);
    assert.equal(only(entry, 'summary').attributes.type, 'text');
  }
  return feed;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

for (const engine of ENGINES) {
  describe(`deletion watch, simulator → CLI, API, feed: ${engine.name}`, () => {
    useTempDataDir(`otkaz-watch-${engine.name}-`);
    const world = new World({ seed: 23, casesPerCourt: 14, from: '2024-01-01', to: '2024-06-30', courts: COURTS });
    const sim = new CourtSimulator(world, { ...NO_TRAPS, changing: true });
    let base = '';
    let dropPostgres: (() => Promise<void>) | null = null;
    const classic = world.courts[0];
    const modern = world.courts[1];
    assert.ok(classic && modern);
    // One card answers the "no data" page, the other HTTP 404; the second is a pending case, which would otherwise change.
    const goneQuietly = classic.cases.find((c) => c.outcome !== 'pending') ?? classic.cases[0];
    const gone404 = modern.cases.find((c) => c.outcome === 'pending') ?? modern.cases[0];
    assert.ok(goneQuietly && gone404);
    const ids = new Map<string, number>(); // simulator case uid → stored case id

    /** The database the CLI uses, opened for a look between two commands (the embedded one allows one process). */
    async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
      const db = await openDatabase(storageTarget(loadConfig()));
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    }

    before(async () => {
      base = await sim.listen();
      if (engine.name === 'postgres') {
        const created = await engine.create();
        await created.db.close();
        process.env.DATABASE_URL = created.url ?? '';
        dropPostgres = created.drop;
      }
    });
    after(async () => {
      await sim.close();
      // `drop` closes its handle again (already closed: ignored) and drops the database.
      await dropPostgres?.().catch(() => undefined);
    });

    const watchRun = (...extra: string[]) => cli('watch', 'run', '--base-url', base, '--every', '0', '--pacing', '0', '--quiet', ...extra);

    it('crawls the simulator; nothing is removed yet', async () => {
      const crawl = await cli(
        'crawl',
        '--base-url',
        base,
        '--courts',
        COURTS.map((c) => c.vnkod).join(','),
        '--from',
        '2024-01-01',
        '--to',
        '2024-06-30',
        '--pacing',
        '0',
        '--quiet',
      );
      assert.equal(crawl.code, 0, crawl.err);
      const stored = await withDb((db) => db.query<{ id: number; case_uid: string }>('select id, case_uid from cases'));
      assert.equal(stored.length, world.totals().cases);
      for (const row of stored) ids.set(row.case_uid.toLowerCase(), row.id);
      assert.deepEqual(await json<WatchEventJson[]>('watch', 'list'), []);
    });

    it('a card removed from the simulator shows as removed, with its last capture and its sha256', async () => {
      assert.ok(world.removeCard(classic.host, goneQuietly.caseId, 'not_found_page'));
      assert.ok(world.removeCard(modern.host, gone404.caseId, 'http_404'));
      const run = await watchRun();
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /\b2 newly removed from the court site\b/);
      const removed = await json<WatchEventJson[]>('watch', 'list', '--kind', 'removed');
      const quietId = ids.get(goneQuietly.caseUid.toLowerCase());
      const id404 = ids.get(gone404.caseUid.toLowerCase());
      assert.deepEqual(removed.map((e) => e.case_id).sort(), [quietId, id404].sort());
      // The evidence and the last capture, checked against the archive: the bytes re-hashed, the card URL's captures.
      await withDb(async (db) => {
        for (const e of removed) {
          const [answer] = await db.query<{ http_status: number; page_kind: string; url: string; retrieved_at: string }>(
            'select http_status, page_kind, url, retrieved_at from captures where id = $1',
            [e.capture.id],
          );
          assert.ok(answer);
          if (e.case_id === id404) {
            assert.equal(e.evidence, 'http_404');
            assert.equal(answer.http_status, 404);
          } else {
            assert.equal(e.evidence, 'not_found_page');
            assert.deepEqual([answer.http_status, answer.page_kind], [200, 'empty_result']);
          }
          assert.equal(e.at, answer.retrieved_at);
          const cards = await db.query<{ id: number; body: Uint8Array }>(
            `select p.id, b.body from captures p join blobs b on b.sha256 = p.sha256 where p.url = $1 and p.page_kind = 'case_card' order by p.retrieved_at desc, p.id desc`,
            [answer.url],
          );
          assert.equal(cards.length, 1, 'the card was captured once, by the crawl');
          assert.equal(e.last_capture?.id, cards[0]?.id);
          assert.equal(e.last_capture?.sha256, sha256(cards[0]?.body ?? new Uint8Array()));
          assert.match(e.last_capture?.sha256 ?? '', SHA256);
          assert.equal(
            e.summary,
            `removed from the court site on ${e.at.slice(0, 10)}; last capture #${e.last_capture?.id} of ${e.last_capture?.retrieved_at?.slice(0, 10)} (sha256 ${e.last_capture?.sha256})`,
          );
          assert.match(e.summary_ru, /^удалено с сайта суда \d{4}-\d{2}-\d{2}; последняя копия #\d+/);
        }
      });
      // The changes of the cards still there are history: each pending case got its verdict on this second visit.
      const changed = await json<WatchEventJson[]>('watch', 'list', '--kind', 'changed');
      const pending = world.courts.flatMap((court) => world.published(court).filter((c) => c.outcome === 'pending'));
      assert.ok(pending.length > 0, 'the world has pending cases');
      assert.deepEqual(changed.map((e) => e.case_id).sort(), pending.map((c) => ids.get(c.caseUid.toLowerCase())).sort());
      for (const e of changed) assert.ok(e.fields.includes('outcome') || e.fields.includes('resultText') || e.fields.length > 0, `${e.key} names its fields`);
    });

    it('the CLI: the case, the case list and the counts show the removed cases; the feed is Atom 1.0', async () => {
      const quietId = ids.get(goneQuietly.caseUid.toLowerCase());
      const show = await json<{ removal: WatchEventJson | null }>('cases', 'show', String(quietId));
      assert.equal(show.removal?.evidence, 'not_found_page');
      const text = await cli('cases', 'show', String(quietId));
      assert.match(text.out, /REMOVED: removed from the court site on/);
      const list = await json<{ total: number; rows: { id: number; removed_at: string | null }[] }>('cases', 'list', '--removed', 'only');
      assert.equal(list.total, 2);
      assert.ok(list.rows.every((r) => r.removed_at !== null));
      const rest = await json<{ total: number }>('cases', 'list', '--removed', 'exclude');
      assert.equal(rest.total, ids.size - 2);
      const counts = await json<{ totals: { cases: number; removedCases: number }; rows: { court: string; removed: number }[] }>(
        'stats',
        'prosecutions',
        '--by',
        'court',
      );
      assert.equal(counts.totals.removedCases, 2);
      assert.equal(counts.totals.cases, ids.size, 'removed cases stay counted');
      assert.deepEqual(counts.rows.map((r) => [r.court.slice(0, 8), r.removed]).sort(), [
        ['61GV0001', 1],
        ['63GV0001', 1],
      ]);
      const bad = await cli('watch', 'list', '--court', '61GV0001;drop');
      assert.notEqual(bad.code, 0);
      assert.match(bad.err, /--court/);
      const ok = await cli('watch', 'feed', '--origin', 'http://watch.example.test');
      assert.equal(ok.code, 0, ok.err);
      const parsed = checkAtom(ok.out);
      const entries = childrenNamed(parsed, 'entry');
      const removedEntries = entries.filter((e) => childrenNamed(e, 'category')[0]?.attributes.term === 'removed');
      assert.equal(removedEntries.length, 2);
      for (const e of removedEntries)
        assert.match(
          only(e, 'summary').text,
          /^removed from the court site on \d{4}-\d{2}-\d{2}; last capture #\d+ of \d{4}-\d{2}-\d{2} \(sha256 [0-9a-f]{64}\)$/,
        );
      assert.ok(entries.every((e) => (childrenNamed(e, 'link')[0]?.attributes.href ?? '').startsWith('http://watch.example.test/cases/')));
    });

    it('the API: events and the feed for watched courts or cases, the case page, the list', async () => {
      const quietId = ids.get(goneQuietly.caseUid.toLowerCase());
      const id404 = ids.get(gone404.caseUid.toLowerCase());
      await withDb(async (db) => {
        const config = loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' });
        const app = await buildApp({ config, db, directory: loadDirectory(), kb: bundledKnowledgeBase() });
        try {
          const byCourt = await app.inject({ method: 'GET', url: '/api/v1/watch/events?kind=removed&court=61GV0001' });
          assert.equal(byCourt.statusCode, 200, byCourt.body);
          assert.deepEqual(
            (byCourt.json() as WatchEventJson[]).map((e) => [e.case_id, e.evidence]),
            [[quietId, 'not_found_page']],
          );
          const bad = await app.inject({ method: 'GET', url: '/api/v1/watch/events?court=61GV0001;drop' });
          assert.equal(bad.statusCode, 400);
          assert.match(bad.body, /court/);
          const feed = await app.inject({ method: 'GET', url: `/api/v1/watch/feed.atom?case=${id404}`, headers: { host: 'otkaz.example.test' } });
          assert.equal(feed.statusCode, 200, feed.body);
          assert.match(String(feed.headers['content-type']), /^application\/atom\+xml/);
          const parsed = checkAtom(feed.body);
          const self = childrenNamed(parsed, 'link').find((l) => l.attributes.rel === 'self');
          assert.equal(self?.attributes.href, `http://otkaz.example.test/api/v1/watch/feed.atom?case=${id404}`);
          const entries = childrenNamed(parsed, 'entry');
          assert.deepEqual(
            entries.map((e) => childrenNamed(e, 'category')[0]?.attributes.term),
            ['removed'],
            'the pending case removed by a 404 has only its removal',
          );
          assert.equal(childrenNamed(entries[0] as XmlElement, 'link')[0]?.attributes.href, `http://otkaz.example.test/cases/${id404}`);
          const ru = await app.inject({ method: 'GET', url: `/api/v1/watch/feed.atom?case=${id404}&lang=ru` });
          assert.match(ru.body, /удалено с сайта суда/);
          const page = await app.inject({ method: 'GET', url: `/api/v1/cases/${id404}` });
          const view = page.json() as { removal: WatchEventJson | null };
          assert.equal(view.removal?.evidence, 'http_404');
          const list = await app.inject({ method: 'GET', url: '/api/v1/cases?removed=only' });
          assert.deepEqual((list.json() as { rows: { id: number }[] }).rows.map((r) => r.id).sort(), [quietId, id404].sort());
          const plan = await app.inject({ method: 'POST', url: '/api/v1/operations/watch/plan', payload: {} });
          assert.equal(plan.statusCode, 403, 'queuing visits is the operator’s (no operator token configured: operations off)');
        } finally {
          await app.close();
        }
        const token = 'operator-token-0123456789abcdef';
        const operated = await buildApp({
          config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0', OTKAZ_OPERATOR_TOKEN: token }),
          db,
          directory: loadDirectory(),
          kb: bundledKnowledgeBase(),
        });
        try {
          const auth = { authorization: `Bearer ${token}` };
          const anonymous = await operated.inject({ method: 'POST', url: '/api/v1/operations/watch/classify', payload: {} });
          assert.equal(anonymous.statusCode, 401);
          const classify = await operated.inject({ method: 'POST', url: '/api/v1/operations/watch/classify', headers: auth, payload: { court: '63GV0001' } });
          assert.equal(classify.statusCode, 200, classify.body);
          const result = classify.json() as { checked: number; removed: number; present: number };
          assert.deepEqual(
            [result.checked, result.removed, result.present],
            [modern.cases.length, 0, modern.cases.length - 1],
            'nothing new; the watched court only',
          );
          const badEvery = await operated.inject({ method: 'POST', url: '/api/v1/operations/watch/plan', headers: auth, payload: { every: -1 } });
          assert.equal(badEvery.statusCode, 400);
          assert.match(badEvery.body, /every/);
        } finally {
          await operated.close();
        }
      });
    });

    it('running again records nothing twice; a card put back is recorded as restored', async () => {
      const again = await cli('watch', 'classify');
      assert.equal(again.code, 0, again.err);
      assert.match(again.out, /\b0 newly removed\b.*\b0 back on it\b/);
      world.restoreCard(classic.host, goneQuietly.caseId);
      const run = await watchRun();
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /\b0 newly removed from the court site, 1 back on it\b/);
      const restored = await json<WatchEventJson[]>('watch', 'list', '--kind', 'restored');
      assert.deepEqual(
        restored.map((e) => [e.case_id, e.evidence]),
        [[ids.get(goneQuietly.caseUid.toLowerCase()), 'card_served']],
      );
      const list = await json<{ rows: { id: number }[] }>('cases', 'list', '--removed', 'only');
      assert.deepEqual(
        list.rows.map((r) => r.id),
        [ids.get(gone404.caseUid.toLowerCase())],
      );
      assert.equal((await json<WatchEventJson[]>('watch', 'list', '--kind', 'removed')).length, 2, 'the removal stays in the record');
    });
  });
}
