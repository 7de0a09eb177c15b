// End to end on SYNTHETIC pages of both layouts: generator → pages (windows-1251) → ingest → counts, compared
// with totals computed directly from the generated cases (not through the parsers).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listCases } from '../../src/courts/cases/list.ts';
import { prosecutionCounts } from '../../src/courts/counts.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import { parsePage } from '../../src/courts/parse/page.ts';
import { generateCases, type SyntheticCase } from '../../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../../src/courts/synthetic/pages.ts';
import { termText } from '../../src/courts/synthetic/render.ts';
import type { Database } from '../../src/db/database.ts';
import { ENGINES } from '../helpers/engines.ts';

const directory = loadDirectory();
const cases = generateCases({ seed: 42, count: 80, courts: ['61GV0001', '77GV0011', '63GV0006'], from: '2023-01-01', to: '2024-12-31' });

function expectedOutcome(c: SyntheticCase): [string, string] {
  if (c.outcome === 'pending') return ['unknown', 'none stated'];
  if (c.outcome === 'contract_signed' || c.outcome === 'court_fine') return ['termination', 'none stated'];
  return ['conviction', c.outcome];
}

function truthByYearArticle(): string[] {
  const counts = new Map<string, number>();
  for (const c of cases) {
    for (const article of new Set(c.articles.map((a) => a.article))) {
      const key = `${c.receiptDate.slice(0, 4)} ${article}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).sort();
}

function truthByOutcome(): string[] {
  const counts = new Map<string, number>();
  for (const c of cases) {
    const key = expectedOutcome(c).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).sort();
}

describe('synthetic pages', () => {
  it('terms in Russian', () => {
    assert.equal(termText(66), '5 лет 6 месяцев');
    assert.equal(termText(24), '2 года');
    assert.equal(termText(13), '1 год 1 месяц');
    assert.equal(termText(5), '5 месяцев');
  });
  it('are marked synthetic, windows-1251, and parse as cards and lists of both layouts', () => {
    const pages = syntheticPages(cases, directory, 'directory');
    const layouts = new Set<string>();
    for (const page of pages) {
      assert.ok(!Buffer.from(page.bytes).toString('latin1').includes('\u00d0\u00a1'), 'not UTF-8');
      const parsed = parsePage({ bytes: page.bytes, url: page.url });
      assert.equal(parsed.kind, page.kind);
      assert.equal(parsed.synthetic, true);
      if (parsed.layout) layouts.add(parsed.layout);
    }
    assert.deepEqual([...layouts].sort(), ['classic', 'new'], 'Тверской ГВС (77GV0011) uses the new layout');
  });
  it('the same seed gives the same cases', () => {
    assert.deepEqual(generateCases({ seed: 42, count: 80, courts: ['61GV0001', '77GV0011', '63GV0006'], from: '2023-01-01', to: '2024-12-31' }), cases);
  });
});

for (const engine of ENGINES) {
  describe(`synthetic end to end: ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, drop } = await engine.create());
      await syncCourts(db, directory);
      for (const page of syntheticPages(cases, directory, 'directory')) {
        // Claimed real on purpose: the page's own marker must make it synthetic.
        await ingestPage(
          db,
          directory,
          {
            bytes: page.bytes,
            url: page.url,
            retrievedAt: '2026-01-01T00:00:00.000Z',
            httpStatus: 200,
            httpHeaders: null,
            source: 'crawl',
            sourceRef: null,
            synthetic: false,
          },
          'k'.repeat(32),
        );
      }
    });
    after(() => drop());

    it('stores each case once (list row and card merged) and marks everything synthetic', async () => {
      const [row] = await db.query<{ n: number; real: number; captures_real: number }>(
        'select count(*)::int as n, count(*) filter (where not synthetic)::int as real, (select count(*) from captures where not synthetic)::int as captures_real from cases',
      );
      assert.deepEqual(row, { n: 80, real: 0, captures_real: 0 });
    });

    it("counts equal the generator's own totals", async () => {
      const byYear = await prosecutionCounts(db, { by: ['year', 'article'] });
      assert.deepEqual(byYear.rows.map((r) => `${r.year} ${r.article} ${r.cases}`).sort(), truthByYearArticle());
      const byOutcome = await prosecutionCounts(db, { by: ['outcome', 'sentence'] });
      assert.deepEqual(byOutcome.rows.map((r) => `${r.outcome} ${r.sentence} ${r.cases}`).sort(), truthByOutcome());
      assert.equal(byOutcome.totals.syntheticCases, 80);
      const realOnly = await prosecutionCounts(db, { by: ['year'], synthetic: 'exclude' });
      assert.equal(realOnly.totals.cases, 0);
    });

    it('the case list names each court as the directory does, and counts every generated case', async () => {
      const list = await listCases(db, { pageSize: 100, sort: 'id' });
      assert.equal(list.total, cases.length);
      const names = new Map(directory.courts.map((c) => [c.vnkod, c.name]));
      for (const row of list.rows) assert.equal(row.court_name, names.get(row.court_vnkod), row.court_vnkod);
      assert.ok(list.rows.every((r) => r.synthetic));
    });
  });
}
