// The page-layout registry (src/courts/layouts.ts): every layout's profile recognises, reads and addresses its
// own pages. Each check runs over LAYOUTS, so a layout added to the registry is tested without a new test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULT_LAYOUT, LAYOUT_PROFILES, LAYOUTS, LAYOUTS_BY_DETECTION, layoutFromDirectory } from '../../src/courts/layouts.ts';
import { caseIdsFromUrl, queryParams } from '../../src/courts/parse/fields.ts';
import { parsePage } from '../../src/courts/parse/page.ts';
import { generateCases } from '../../src/courts/synthetic/generate.ts';
import { renderCard, renderList } from '../../src/courts/synthetic/render.ts';
import { cardUrl, listUrl } from '../../src/crawler/urls.ts';

const cases = generateCases({ seed: 7, count: 30, courts: ['61GV0001'], from: '2024-01-01', to: '2024-12-31' });
const page = (html: string, url: string) => parsePage({ bytes: iconv.encode(html, 'win1251'), url });

describe('page layouts', () => {
  it('tries every layout once when detecting', () => {
    assert.deepEqual([...LAYOUTS_BY_DETECTION].sort(), [...LAYOUTS].sort());
  });

  for (const layout of LAYOUTS) {
    it(`${layout}: a card is recognised as its layout and read through its profile`, () => {
      const c = cases[0];
      assert.ok(c, 'a simulated case');
      const url = cardUrl({ host: 'court.example.invalid', layout, caseId: String(c.caseId), caseUid: c.caseUid });
      const parsed = page(renderCard(c, layout), url);
      assert.equal(parsed.kind, 'case_card');
      assert.equal(parsed.layout, layout);
      if (parsed.kind !== 'case_card') return;
      assert.equal(parsed.card.caseNumber, c.caseNumber);
      assert.equal(parsed.card.judicialUid, c.judicialUid);
      assert.deepEqual([parsed.card.ids.caseId, parsed.card.ids.caseUid], [String(c.caseId), c.caseUid.toLowerCase()]);
    });

    it(`${layout}: a list page is recognised, counted and paged through its profile`, () => {
      const rows = cases.slice(0, 10);
      const url = listUrl({ host: 'court.example.invalid', layout, vnkod: '61GV0001', article: '337', from: '2024-01-01', to: '2024-12-31', page: 2 });
      assert.equal(queryParams(url).get(LAYOUT_PROFILES[layout].params.page.toLowerCase()), '2');
      const parsed = page(renderList({ cases: rows, page: 2, perPage: 10, total: 30, courtVnkod: '61GV0001', query: 'x=1' }, layout), url);
      assert.equal(parsed.kind, 'case_list');
      assert.equal(parsed.layout, layout);
      if (parsed.kind !== 'case_list') return;
      assert.deepEqual([parsed.list.total, parsed.list.rangeFrom, parsed.list.rangeTo], [30, 11, 20]);
      assert.deepEqual([parsed.list.currentPage, parsed.list.pageCount], [2, 3]);
      assert.deepEqual(
        parsed.list.rows.map((r) => r.caseNumber),
        rows.map((c) => c.caseNumber),
      );
      assert.deepEqual(
        parsed.list.rows.map((r) => r.ids.caseId),
        rows.map((c) => String(c.caseId)),
      );
    });

    it(`${layout}: its card URL names the case by its own parameters`, () => {
      const url = cardUrl({ host: 'court.example.invalid', layout, caseId: '123', caseUid: 'ABC-1' });
      const params = queryParams(url);
      const names = LAYOUT_PROFILES[layout].params;
      assert.equal(params.get(names.caseId.toLowerCase()), '123');
      assert.equal(params.get(names.caseUid.toLowerCase()), 'ABC-1');
      assert.deepEqual(caseIdsFromUrl(url), { caseId: '123', caseUid: 'abc-1', deloId: '1540006', newCode: '0' });
    });
  }

  it("maps the court lists' marks to layouts, and anything else to the default", () => {
    assert.equal(layoutFromDirectory('tochnoSearchPattern', 'VNKOD_PATTERN'), 'new');
    assert.equal(layoutFromDirectory('smSiteType', 2), 'new');
    assert.equal(layoutFromDirectory('tochnoSearchPattern', 'PRIMARY_PATTERN'), DEFAULT_LAYOUT);
    assert.equal(layoutFromDirectory('smSiteType', 1), DEFAULT_LAYOUT);
    assert.equal(layoutFromDirectory('smSiteType', null), DEFAULT_LAYOUT);
  });
});
