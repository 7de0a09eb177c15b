// Every total counts a case once; growth compares with the calendar's previous period, empty periods as zero.
// The data: the real leninsky card (received 22.04.2026, one defendant) re-charged under two articles, and two
// copies of it with other case numbers and receipt dates. By hand:
//   case A  1-151/2026  received 2026-04-22  ст.337 ч.5 + ст.338 ч.1
//   case B  1-152/2026  received 2026-04-23  ст.337 ч.5
//   case C  1-153/2026  received 2026-06-10  ст.337 ч.5 + ст.338 ч.1
// April: 337 → 2 cases, 338 → 1 case, distinct 2. May: none. June: 337 → 1, 338 → 1, distinct 1. In all: 3 cases,
// though the article rows add up to 5.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prosecutionCounts } from '../../src/courts/counts.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { type IngestInput, ingestPage } from '../../src/courts/ingest.ts';
import type { Database } from '../../src/db/database.ts';
import { ENGINES } from '../helpers/engines.ts';
import { fixture } from '../helpers/fixtures.ts';

const KEY = 'test-person-key-0123456789';
const directory = loadDirectory();

function variant(caseNumber: string, receipt: string, charges: string, caseId: number): IngestInput {
  let html = fixture('leninsky_ufa_criminal.html').toString('utf8');
  html = html.replace('<td>ст.173.1 ч.2 п.б УК РФ</td>', `<td>${charges}</td>`);
  html = html.split('1-151/2026').join(caseNumber);
  html = html.split('22.04.2026').join(receipt);
  html = html.split('03RS0003-01-2026-003803-62').join(`03RS0003-01-2026-00380${caseId}-62`);
  return {
    bytes: Buffer.from(html, 'utf8'),
    url: `https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=${caseId}&case_uid=aaaaaaaa-bbbb-cccc-dddd-00000000000${caseId}&delo_id=1540006&new=0`,
    retrievedAt: '2026-07-01T10:00:00.000Z',
    httpStatus: 200,
    httpHeaders: [['Content-Type', 'text/html; charset=utf-8']],
    source: 'crawl',
    sourceRef: caseNumber,
    synthetic: false,
  };
}

for (const engine of ENGINES) {
  describe(`counting each case once: ${engine.name}`, () => {
    let made: { db: Database; drop(): Promise<void> };
    before(async () => {
      made = await engine.create();
      await syncCourts(made.db, directory);
      await ingestPage(made.db, directory, variant('1-151/2026', '22.04.2026', 'ст.337 ч.5 УК РФ; ст.338 ч.1 УК РФ', 1), KEY);
      await ingestPage(made.db, directory, variant('1-152/2026', '23.04.2026', 'ст.337 ч.5 УК РФ', 2), KEY);
      await ingestPage(made.db, directory, variant('1-153/2026', '10.06.2026', 'ст.337 ч.5 УК РФ; ст.338 ч.1 УК РФ', 3), KEY);
    });
    after(async () => made.drop());

    it('a breakdown by article says cases overlap and gives the distinct cases per month beside it', async () => {
      const counts = await prosecutionCounts(made.db, { by: ['month', 'article'] });
      assert.deepEqual(
        counts.rows.map((r) => [r.month, r.article, r.cases]),
        [
          ['2026-04', '337', 2],
          ['2026-04', '338', 1],
          ['2026-06', '337', 1],
          ['2026-06', '338', 1],
        ],
      );
      assert.equal(
        counts.rows.reduce((n, r) => n + r.cases, 0),
        5,
        'the article rows add up to more than the cases',
      );
      assert.equal(counts.totals.cases, 3);
      assert.deepEqual(counts.overlap?.dimensions, ['article']);
      assert.match(counts.overlap?.note ?? '', /One case may appear under several/);
      assert.deepEqual(counts.overlap?.by, ['month']);
      assert.deepEqual(
        counts.overlap?.rows.map((r) => [r.month, r.cases]),
        [
          ['2026-04', 2],
          ['2026-06', 1],
        ],
      );
    });
    it('by article alone the distinct total is the one beside it; by month alone nothing overlaps', async () => {
      const byArticle = await prosecutionCounts(made.db, { by: ['article'] });
      assert.deepEqual(
        byArticle.rows.map((r) => [r.article, r.cases]),
        [
          ['337', 3],
          ['338', 2],
        ],
      );
      assert.deepEqual(
        byArticle.overlap?.rows.map((r) => r.cases),
        [3],
      );
      const byMonth = await prosecutionCounts(made.db, { by: ['month'] });
      assert.equal(byMonth.overlap, null);
      assert.equal(
        byMonth.rows.reduce((n, r) => n + r.cases, 0),
        byMonth.totals.cases,
      );
    });
    it('growth compares June with May (no cases: zero), not with April', async () => {
      const counts = await prosecutionCounts(made.db, { by: ['month'], growth: true });
      assert.deepEqual(
        counts.rows.map((r) => [r.month, r.cases, r.previous_cases, r.growth_pct]),
        [
          ['2026-04', 2, null, null],
          ['2026-05', 0, 2, -100],
          ['2026-06', 1, 0, null],
        ],
      );
    });
    it('growth over an asked range starts and ends where asked, the months before the first unknown', async () => {
      const counts = await prosecutionCounts(made.db, { by: ['month', 'article'], articles: ['338'], from: '2026-03-01', to: '2026-07-31', growth: true });
      assert.deepEqual(
        counts.rows.map((r) => [r.month, r.article, r.cases, r.previous_cases, r.growth_pct]),
        [
          ['2026-03', '338', 0, null, null],
          ['2026-04', '338', 1, 0, null],
          ['2026-05', '338', 0, 1, -100],
          ['2026-06', '338', 1, 0, null],
          ['2026-07', '338', 0, 1, -100],
        ],
      );
    });
  });
}
