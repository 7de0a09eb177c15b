// The evidence archive and the case store, as one contract run on both engines.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import { exportWarc } from '../../src/courts/archive/export.ts';
import { inputsFrom } from '../../src/courts/archive/inputs.ts';
import { verifyArchive } from '../../src/courts/archive/store.ts';
import { linkedInstances } from '../../src/courts/cases/links.ts';
import { searchCases } from '../../src/courts/cases/search.ts';
import { prosecutionCounts } from '../../src/courts/counts.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { type IngestInput, ingestPage } from '../../src/courts/ingest.ts';
import type { Database } from '../../src/db/database.ts';
import { ENGINES } from '../helpers/engines.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const KEY = 'test-person-key-0123456789';
const directory = loadDirectory();

function fileInput(name: string, extra: Partial<IngestInput> = {}): IngestInput {
  return {
    bytes: extra.bytes ?? fixture(name),
    url: `file:${name}`,
    retrievedAt: null,
    httpStatus: null,
    httpHeaders: null,
    source: 'file',
    sourceRef: name,
    synthetic: false,
    ...extra,
  };
}
const crawled = (bytes: Buffer, retrievedAt: string): IngestInput =>
  fileInput('crawl', { bytes, url: CARD_URL, retrievedAt, source: 'crawl', httpStatus: 200, httpHeaders: [['Content-Type', 'text/html; charset=utf-8']] });

const CARD_URL =
  'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=100&case_uid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&delo_id=1540006&new=0';

/** The leninsky card, re-charged under art. 337 ч.5 and 338 ч.1 (a changed copy to exercise history). */
function criminalCard(result?: string): Buffer {
  let html = fixture('leninsky_ufa_criminal.html').toString('utf8');
  html = html.replace('<td>ст.173.1 ч.2 п.б УК РФ</td>', '<td>ст.337 ч.5 УК РФ; ст.338 ч.1 УК РФ</td>');
  if (result) html = html.split('Уголовное дело ПРЕКРАЩЕНО<br>назначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)').join(result);
  return Buffer.from(html, 'utf8');
}

async function snapshot(db: Database) {
  const captures = await db.query(
    'select url, retrieved_at, http_status, http_headers, sha256, content_type, source, source_ref, synthetic, page_kind, layout, court_vnkod from captures order by sha256, url',
  );
  const cases = await db.query(
    'select court_vnkod, case_key, case_number, judicial_uid, receipt_date, outcome, record_hash from cases order by court_vnkod, case_key',
  );
  return { captures, cases };
}

const SAVED_PAGES = [
  'blag_card.html',
  'kirov_koap.html',
  'ksoyu_listing_acts.html',
  'ksoyu_listing_captcha_gate.html',
  'ksoyu_temporarily_unavailable.html',
  'samara_kas_appeal_uid_results.html',
  'sudrf_captcha_form.html',
];
const CONVICTION = 'Вынесен ПРИГОВОР: лишение свободы сроком 2 года условно с испытательным сроком 1 год';

/** What a test's database holds before it starts; each stage includes the ones before it. */
type Stage = 'empty' | 'saved pages' | 'crawled card' | 'appeal';
const STAGES: Stage[] = ['empty', 'saved pages', 'crawled card', 'appeal'];

/** The leninsky card re-charged (art. 337, 338) as an appeal in another court, with the same judicial UID. */
function appealInput(): IngestInput {
  const appeal = criminalCard()
    .toString('utf8')
    .replace(/fromOa=03RS0004/g, 'fromOa=02OS0000')
    .replace('Уголовные дела - первая инстанция', 'Уголовные дела - апелляция');
  return fileInput('appeal', {
    bytes: Buffer.from(appeal),
    url: 'https://vs--bkr.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=7&case_uid=bbbbbbbb-0000-0000-0000-000000000000&delo_id=4&new=4',
  });
}

/** Brings a database to a stage: the saved pages; the crawled card three times (new, unchanged, convicted); the appeal. */
async function fill(db: Database, stage: Stage): Promise<void> {
  const upTo = STAGES.indexOf(stage);
  if (upTo >= 1) for (const file of SAVED_PAGES) await ingestPage(db, directory, fileInput(file), KEY);
  if (upTo >= 2) {
    await ingestPage(db, directory, crawled(criminalCard(), '2026-05-01T10:00:00.000Z'), KEY);
    await ingestPage(db, directory, crawled(criminalCard(), '2026-05-02T10:00:00.000Z'), KEY);
    await ingestPage(db, directory, crawled(criminalCard(CONVICTION), '2026-06-01T10:00:00.000Z'), KEY);
  }
  if (upTo >= 3) await ingestPage(db, directory, appealInput(), KEY);
}

for (const engine of ENGINES) {
  // Each test has its own database at the stage it needs (no test reads what an earlier one wrote); tests that
  // only read share one per stage, made once.
  describe(`ingest contract: ${engine.name}`, () => {
    async function filled(stage: Stage): Promise<{ db: Database; drop(): Promise<void> }> {
      const made = await engine.create();
      await syncCourts(made.db, directory);
      await fill(made.db, stage);
      return made;
    }
    /** A database of this test's own at `stage`, dropped when the test ends. */
    async function database(t: TestContext, stage: Stage): Promise<Database> {
      const { db, drop } = await filled(stage);
      t.after(drop);
      return db;
    }
    const shared = new Map<Stage, Promise<{ db: Database; drop(): Promise<void> }>>();
    after(async () => {
      for (const made of shared.values()) await (await made).drop();
    });
    /** A database at `stage` that tests only read, made once. */
    const readOnly = async (stage: Stage): Promise<Database> => {
      let made = shared.get(stage);
      if (!made) {
        made = filled(stage);
        shared.set(stage, made);
      }
      return (await made).db;
    };

    it('archives every page and stores the cases of cards and lists', async (t) => {
      const db = await database(t, 'empty');
      for (const file of SAVED_PAGES) await ingestPage(db, directory, fileInput(file), KEY);
      const [captures] = await db.query<{ n: number }>('select count(*)::int as n from captures');
      assert.equal(captures?.n, 7);
      const [cases] = await db.query<{ n: number }>('select count(*)::int as n from cases');
      assert.equal(cases?.n, 1 + 1 + 25 + 1, 'two cards, 25 + 1 list rows; trap pages are never data');
      const kinds = await db.query<{ page_kind: string }>('select page_kind from captures order by id');
      assert.deepEqual(
        kinds.map((k) => k.page_kind),
        ['case_card', 'case_card', 'case_list', 'captcha_wrong', 'throttled', 'case_list', 'captcha_form'],
      );
    });

    it('re-ingesting the same page is a no-op', async (t) => {
      const db = await database(t, 'saved pages');
      const result = await ingestPage(db, directory, fileInput('kirov_koap.html'), KEY);
      assert.equal(result.newCapture, false);
      assert.deepEqual(result.cases, { created: 0, updated: 0, unchanged: 1, unidentified: 0 });
      const [history] = await db.query<{ n: number }>('select count(*)::int as n from case_history');
      assert.equal(history?.n, 28);
    });

    it('never stores full names: initials and keyed hashes only', async () => {
      const db = await readOnly('saved pages');
      const dump = JSON.stringify(await db.query('select c.record, d.* from cases c left join case_defendants d on d.case_id = c.id'));
      for (const name of ['Орлова Вера Игоревна', 'Зайцева Татьяна Олеговна', 'Лебедева Ирина Павловна', 'Лосев К. Д.', 'Осипова Л. Р.']) {
        assert.ok(!dump.includes(name), `${name} must not be stored`);
      }
      const [kirov] = await db.query<{ initials: string; name_hash: string }>(
        "select d.initials, d.name_hash from case_defendants d join cases c on c.id = d.case_id where c.court_vnkod = '43RS0001'",
      );
      assert.equal(kirov?.initials, 'О.В.И.');
      assert.match(kirov?.name_hash ?? '', /^[0-9a-f]{64}$/);
    });

    it('a changed card updates the case and appends one history entry', async (t) => {
      const db = await database(t, 'empty');
      const first = await ingestPage(db, directory, crawled(criminalCard(), '2026-05-01T10:00:00.000Z'), KEY);
      assert.deepEqual(first.cases, { created: 1, updated: 0, unchanged: 0, unidentified: 0 });
      const again = await ingestPage(db, directory, crawled(criminalCard(), '2026-05-02T10:00:00.000Z'), KEY);
      assert.equal(again.newCapture, true, 'a new retrieval is a new capture');
      assert.deepEqual(again.cases, { created: 0, updated: 0, unchanged: 1, unidentified: 0 });
      const changed = await ingestPage(db, directory, crawled(criminalCard(CONVICTION), '2026-06-01T10:00:00.000Z'), KEY);
      assert.deepEqual(changed.cases, { created: 0, updated: 1, unchanged: 0, unidentified: 0 });
      const [row] = await db.query<{ id: number; outcome: string; case_key: string }>(
        "select id, outcome, case_key from cases where case_uid = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'",
      );
      assert.equal(row?.outcome, 'conviction');
      assert.equal(row?.case_key, 'uid:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      const history = await db.query<{ kind: string; changes: { field: string; from: unknown; to: unknown }[]; capture_id: number }>(
        'select kind, changes, capture_id from case_history where case_id = $1 order by id',
        [row?.id],
      );
      assert.deepEqual(
        history.map((h) => h.kind),
        ['created', 'updated'],
      );
      assert.equal(history[1]?.capture_id, changed.captureId);
      assert.deepEqual(
        history[1]?.changes.find((c) => c.field === 'outcome'),
        { field: 'outcome', from: 'termination', to: 'conviction' },
      );
      const [defendant] = await db.query<{ sentence_kind: string; sentence: { termMonths: number; probationMonths: number } }>(
        'select sentence_kind, sentence from case_defendants where case_id = $1',
        [row?.id],
      );
      assert.equal(defendant?.sentence_kind, 'suspended');
      assert.equal(defendant?.sentence.termMonths, 24);
      assert.equal(defendant?.sentence.probationMonths, 12);
    });

    it('counts prosecutions by month, article and outcome', async () => {
      const db = await readOnly('crawled card');
      const counts = await prosecutionCounts(db, { by: ['month', 'article', 'outcome'] });
      assert.deepEqual(
        counts.rows.map((r) => [r.month, r.article, r.outcome, r.cases, r.defendants]),
        [
          ['2026-04', '337', 'conviction', 1, 1],
          ['2026-04', '338', 'conviction', 1, 1],
        ],
      );
      assert.deepEqual(counts.totals, { cases: 1, defendants: 1, syntheticCases: 0, removedCases: 0 });
      const byPart = await prosecutionCounts(db, { by: ['part', 'district'], articles: ['337'] });
      assert.deepEqual(
        byPart.rows.map((r) => [r.part, r.district, r.cases]),
        [['337 ч.5', 'unknown', 1]],
      );
      const none = await prosecutionCounts(db, { by: ['year'], from: '2026-05-01' });
      assert.equal(none.rows.length, 0);
    });

    it('links instances by judicial UID and finds cases by full text', async (t) => {
      const db = await database(t, 'crawled card');
      // The same case (same judicial UID) as an appeal in another court.
      await ingestPage(db, directory, appealInput(), KEY);
      const [first] = await db.query<{ id: number }>("select id from cases where court_vnkod = '03RS0004' and case_uid is not null");
      const linked = await linkedInstances(db, first?.id ?? 0);
      assert.deepEqual(
        linked.map((l) => [l.court_vnkod, l.proceeding]),
        [['02OS0000', 'Уголовные дела - апелляция']],
      );
      const hits = await searchCases(db, 'приговор лишение свободы');
      assert.ok(hits.some((h) => h.court_vnkod === '03RS0004'));
      const none = await searchCases(db, 'дезертирство вертолётом');
      assert.equal(none.length, 0);
    });

    it('WARC export then ingest into an empty database gives the same records', async () => {
      const db = await readOnly('appeal');
      const dir = tempDir('otkaz-warc-');
      const file = path.join(dir, 'all.warc');
      const exported = await exportWarc(db, file);
      const [n] = await db.query<{ n: number }>('select count(*)::int as n from captures');
      assert.equal(exported, n?.n);
      const target = await engine.create();
      try {
        await syncCourts(target.db, directory);
        // Ingest in the original order (the WARC is written in capture order).
        for await (const input of inputsFrom(file, {})) await ingestPage(target.db, directory, input, KEY);
        assert.deepEqual(await snapshot(target.db), await snapshot(db));
      } finally {
        await target.drop();
      }
    });

    it('verify re-hashes every capture and names a corrupted one', async (t) => {
      const db = await database(t, 'appeal');
      const ok = await verifyArchive(db);
      assert.equal(ok.mismatches.length, 0);
      assert.equal(ok.checked, 10, '7 saved pages + 2 distinct versions of the crawled card + the appeal');
      const [victim] = await db.query<{ sha256: string }>("select sha256 from captures where page_kind = 'throttled'");
      await db.query("update blobs set body = '\\x00'::bytea where sha256 = $1", [victim?.sha256]);
      const bad = await verifyArchive(db);
      assert.equal(bad.mismatches.length, 1);
      assert.equal(bad.mismatches[0]?.sha256, victim?.sha256);
      assert.equal(bad.mismatches[0]?.captures.length, 1);
    });

    it('a failure inside an ingest leaves nothing half-written', async (t) => {
      const db = await database(t, 'empty');
      const before = await db.query<{ blobs: number; captures: number }>(
        'select (select count(*) from blobs)::int as blobs, (select count(*) from captures)::int as captures',
      );
      const bytes = Buffer.from('<html><body>never stored</body></html>');
      await assert.rejects(ingestPage(db, directory, fileInput('bad', { bytes, source: 'bogus' as 'file' }), KEY));
      const afterRows = await db.query<{ blobs: number; captures: number }>(
        'select (select count(*) from blobs)::int as blobs, (select count(*) from captures)::int as captures',
      );
      assert.deepEqual(afterRows, before);
    });
  });
}
