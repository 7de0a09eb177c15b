// Property checks for the court-page parsers: random and mutated HTML never makes them throw, and what
// they return keeps its invariants. Used by the CI test (10,000 runs each) and by `npm run fuzz` (more). Pages go
// through `parsePageStrict`: `parsePage` turns an internal failure into kind 'unknown', which would pass here.
import fc from 'fast-check';
import { parseArticles } from '../../src/courts/parse/articles.ts';
import { parseCaseCard } from '../../src/courts/parse/card.ts';
import { classifyPage } from '../../src/courts/parse/classify.ts';
import { parseHtml } from '../../src/courts/parse/dom.ts';
import { parseCaseList } from '../../src/courts/parse/list.ts';
import { classifyOutcome } from '../../src/courts/parse/outcome.ts';
import { parsePageStrict } from '../../src/courts/parse/page.ts';
import type { Layout } from '../../src/courts/parse/types.ts';
import { fixture } from '../helpers/fixtures.ts';

const KINDS = new Set([
  'case_list',
  'case_card',
  'empty_result',
  'captcha_form',
  'captcha_wrong',
  'throttled',
  'geo_block',
  'waf_block',
  'rate_limited',
  'php_error',
  'search_form',
  'http_error',
  'unknown',
]);

/** The module part of each real page (the site chrome before it is the same on every page). */
function core(name: string): string {
  const html = fixture(name).toString('utf8');
  const start = ['<div id="content"', '<div id="search_results"', '<div id="modSdpContent"'].map((m) => html.indexOf(m)).find((i) => i >= 0) ?? 0;
  const ej = /<a[^>]+fromOa=[^>]+>/.exec(html)?.[0] ?? '';
  return `<html><body>${ej}<div id="modSdpContent">${html.slice(start)}</div></body></html>`;
}

const PAGES = [
  'leninsky_ufa_criminal.html',
  'kirov_koap.html',
  'blag_card.html',
  'samara_kas_appeal_card.html',
  'ksoyu_listing_acts.html',
  'samara_kas_appeal_uid_results.html',
].map(core);

const LABELS = [
  'ДЕЛО',
  'ДВИЖЕНИЕ ДЕЛА',
  'ЛИЦА',
  'СТОРОНЫ',
  'Судебный акт #1 (Приговор)',
  'Уникальный идентификатор дела',
  'Дата поступления',
  'Судья',
  'Результат рассмотрения',
  'Наименование события',
  'Дата',
  'Перечень статей',
  'Фамилия / наименование',
  'Вид лица, участвующего в деле',
  'ст.337 ч.5 УК РФ; ст.338 ч.1',
  'Информация скрыта',
  'Всего по запросу найдено — 3. На странице записи с 1 по 3.',
  'Данных по запросу не обнаружено',
  '№ дела',
  '22.04.2026',
  'Вынесен ПРИГОВОР',
  '&nbsp;',
  '&amp;',
  '<br>',
  '—',
];
const OPEN = [
  '<div class="casenumber">',
  '<div class="case-num">',
  '<ul class="tabs">',
  '<ul id="case_bookmarks">',
  '<li id="tab1">',
  '<li id="tab_id_Case">',
  '<div id="cont1">',
  '<div id="tab_content_Case">',
  '<table id="tablcont">',
  '<table class="law-case-table">',
  '<thead>',
  '<tbody>',
  '<tr>',
  '<td>',
  '<th colspan="2">',
  '<b>',
  '<div id="resultTable">',
  '<div class="lawcase-count">',
  '<a href="/modules.php?name=sud_delo&name_op=case&case_id=1&case_uid=x&delo_id=1540006&new=0">',
  '<a href="?name_op=r&page=2" title="На последнюю страницу списка">',
  '<div id="error">',
  '<input name="captcha">',
  '<div class="mobile-lawcase-item block-mobile">',
  '<span class="tooltipShow">',
  '<script>',
  '<!--',
];
const CLOSE = ['</div>', '</ul>', '</li>', '</table>', '</tr>', '</td>', '</th>', '</b>', '</a>', '</thead>', '</tbody>', '</span>', '</script>', '-->'];

/** Random HTML built from the pieces court pages are made of, well- and ill-formed. */
export const generatedHtml = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...OPEN) },
      { weight: 3, arbitrary: fc.constantFrom(...CLOSE) },
      { weight: 4, arbitrary: fc.constantFrom(...LABELS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** A window of a real page with random edits: cut, duplicated, spliced with markup or noise. */
export const mutatedPage = fc
  .record({
    page: fc.integer({ min: 0, max: PAGES.length - 1 }),
    start: fc.nat(),
    length: fc.integer({ min: 200, max: 12000 }),
    edits: fc.array(
      fc.record({ at: fc.nat(), cut: fc.nat({ max: 400 }), insert: fc.oneof(fc.constantFrom(...OPEN, ...CLOSE, ...LABELS, ''), fc.string({ maxLength: 20 })) }),
      { maxLength: 8 },
    ),
  })
  .map(({ page, start, length, edits }) => {
    const source = PAGES[page] ?? '';
    const from = start % Math.max(1, source.length - length);
    let text = source.slice(from, from + length);
    for (const edit of edits) {
      const at = text.length ? edit.at % text.length : 0;
      text = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
    }
    return `<html><body><a href="https://ej.sudrf.ru/?fromOa=61GV0001">x</a><div id="modSdpContent">${text}</div></body></html>`;
  });

export const randomBytes = fc.uint8Array({ maxLength: 4000 });

function checkPage(html: string | Uint8Array): void {
  const bytes = typeof html === 'string' ? Buffer.from(html, 'utf8') : html;
  const page = parsePageStrict({ bytes, url: 'https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&name_op=case&case_id=1', status: 200 });
  if (!KINDS.has(page.kind)) throw new Error(`unexpected kind ${page.kind}`);
  if (page.kind === 'case_list') {
    const keys = page.list.rows.map((r) => r.ids.caseUid ?? r.ids.caseId ?? r.caseNumber);
    if (new Set(keys).size !== keys.length) throw new Error('a case is listed twice');
  }
}

function forceParsers(html: string): void {
  const doc = parseHtml(html);
  classifyPage(html, doc, { status: null });
  for (const layout of ['classic', 'new'] as Layout[]) {
    const card = parseCaseCard(doc, layout, null, null);
    for (const d of card.defendants) if (!Array.isArray(d.articles)) throw new Error('articles must be a list');
    const list = parseCaseList(html, doc, layout, 'https://gvs--ros.sudrf.ru/modules.php', null);
    if (list.total !== null && !(list.total >= 0)) throw new Error('negative total');
  }
}

export function runProperties(numRuns: number, seed?: number): void {
  const params = { numRuns, ...(seed === undefined ? {} : { seed }) };
  fc.assert(
    fc.property(generatedHtml, (html) => checkPage(html)),
    params,
  );
  fc.assert(
    fc.property(mutatedPage, (html) => checkPage(html)),
    params,
  );
  fc.assert(
    fc.property(randomBytes, (bytes) => checkPage(bytes)),
    params,
  );
  fc.assert(
    fc.property(fc.oneof(generatedHtml, mutatedPage), (html) => forceParsers(html)),
    params,
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('ст.337 ч.5', 'ст.352.1', 'УК РФ', ';', 'п.а', 'ч.2.1', ' '), (noise, piece) => {
      for (const a of parseArticles(noise + piece + noise)) if (!/^\d+(\.\d+)*$/.test(a.article)) throw new Error(`bad article ${a.article}`);
    }),
    params,
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const info = classifyOutcome(text);
      if (info && info.outcome === 'unknown' && !info.unrecognised) throw new Error('unknown outcome must be flagged');
    }),
    params,
  );
}
