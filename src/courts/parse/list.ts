import { LAYOUT_PROFILES } from '../layouts.ts';
import { parseArticles } from './articles.ts';
import { $, $$, attr, type Document, type Element, rowCells, tableRows, text, textLine } from './dom.ts';
import { absoluteUrl, caseIdsFromUrl, emptyToNull, layoutParam, parseRuDate, queryParams } from './fields.ts';
import type { CaseList, CaseListRow, Layout, ListInfoLine } from './types.ts';

/** Canonical column keys of a result list, found by header wording (which varies by proceeding). */
type Column = 'number' | 'receipt' | 'info' | 'judge' | 'decisionDate' | 'decision' | 'legalForce' | 'acts';

const COLUMN_PATTERNS: [Column, RegExp][] = [
  ['number', /^(№|номер)\s*дела$/i],
  ['receipt', /^дата\s+поступления/i],
  ['legalForce', /вступлени/i],
  ['decisionDate', /^дата\s+(решения|рассмотрения)/i],
  ['info', /категория|информация|лица|правонарушение|заявитель|стороны/i],
  ['decision', /^(решение|результат)/i],
  ['judge', /^(судья|докладчик)/i],
  ['acts', /акты/i],
];

export function columnKey(header: string): Column | null {
  for (const [key, pattern] of COLUMN_PATTERNS) if (pattern.test(header)) return key;
  return null;
}

function infoLines(cell: Element | undefined): ListInfoLine[] {
  return text(cell)
    .split('\n')
    .map((line) => {
      const m = /^([А-ЯЁA-Z][А-ЯЁA-Z()\s/.-]{1,60}?|[А-ЯЁ][а-яё()\s/.-]{2,60}?)\s*:\s*(.*)$/.exec(line);
      return m ? { label: (m[1] ?? '').trim(), value: (m[2] ?? '').trim() } : { label: null, value: line };
    });
}

function parseRow(cells: Element[], columns: (Column | null)[], pageUrl: string | null): CaseListRow | null {
  const cellOf = (key: Column) => {
    const index = columns.indexOf(key);
    return index >= 0 ? cells[index] : undefined;
  };
  const numberCell = cellOf('number') ?? cells[0];
  const link = numberCell ? $('a[href]', numberCell) : null;
  const caseNumber = textLine(link ?? numberCell);
  if (!caseNumber) return null;
  const href = attr(link, 'href');
  const info = infoLines(cellOf('info'));
  const category = info.find((line) => line.label && /категори/i.test(line.label))?.value ?? null;
  const articleLines = info.filter((line) => /ст\.\s*\d/.test(line.value)).map((line) => line.value);
  const actsCell = cellOf('acts');
  return {
    caseNumber,
    cardUrl: href ? absoluteUrl(href, pageUrl) : null,
    ids: caseIdsFromUrl(href),
    receiptDate: parseRuDate(textLine(cellOf('receipt'))),
    info,
    category,
    articles: articleLines.flatMap((line) => parseArticles(line)),
    judge: emptyToNull(textLine(cellOf('judge'))),
    decisionDate: parseRuDate(textLine(cellOf('decisionDate'))),
    decision: emptyToNull(text(cellOf('decision'))),
    legalForceDate: parseRuDate(textLine(cellOf('legalForce'))),
    acts: actsCell ? $$('a[href]', actsCell).map((a) => ({ url: absoluteUrl(attr(a, 'href') ?? '', pageUrl), title: emptyToNull(attr(a, 'title')) })) : [],
  };
}

function counter(value: string): { total: number | null; from: number | null; to: number | null } {
  const total = /найдено\s*[—–-]?\s*(\d+)/i.exec(value);
  const range = /с\s*(\d+)\s*по\s*(\d+)/i.exec(value);
  return {
    total: total ? Number(total[1]) : null,
    from: range ? Number(range[1]) : null,
    to: range ? Number(range[2]) : null,
  };
}

function pagination(
  doc: Document,
  layout: Layout,
  pageUrl: string | null,
): { current: number | null; count: number | null; urls: { page: number; url: string }[] } {
  const byPage = new Map<number, string>();
  let last: number | null = null;
  for (const a of $$('a[href]', doc)) {
    const href = attr(a, 'href') ?? '';
    if (!/name_op=r\b/.test(href)) continue;
    const params = queryParams(href);
    const page = Number(layoutParam(params, 'page'));
    if (!Number.isInteger(page) || page < 1) continue;
    if (!byPage.has(page)) byPage.set(page, absoluteUrl(href, pageUrl));
    if (/последн/i.test(attr(a, 'title') ?? '')) last = page;
  }
  // The current page is the bold number in the classic pager, or the active item in the new one.
  let current: number | null = null;
  const marker = LAYOUT_PROFILES[layout].list.currentPage;
  for (const b of $$(marker.selector, doc)) {
    const value = textLine(b);
    const parent = b.parent && 'name' in b.parent ? textLine(b.parent as Element) : '';
    if (/^\d+$/.test(value) && (marker.context === null || marker.context.test(parent))) {
      current = Number(value);
      break;
    }
  }
  if (current === null && pageUrl) {
    const params = queryParams(pageUrl);
    const fromUrl = Number(layoutParam(params, 'page'));
    if (Number.isInteger(fromUrl) && fromUrl > 0) current = fromUrl;
  }
  const pages = [...byPage.keys()];
  const count = last ?? (pages.length > 0 ? Math.max(...pages, current ?? 1) : null);
  return { current, count, urls: [...byPage.entries()].sort((a, b) => a[0] - b[0]).map(([page, url]) => ({ page, url })) };
}

function headerAndRows(table: Element, layout: Layout): { header: string[]; rows: Element[][] } {
  const rows = tableRows(table);
  if (LAYOUT_PROFILES[layout].list.table.kind === 'thead') {
    const head = $('thead tr', table);
    const header = head ? rowCells(head).map(textLine) : [];
    const body = rows.filter((row) => row !== head).map(rowCells);
    return { header, rows: body };
  }
  // 'numberRow': the first row whose cells read like headers (bold or th), then data rows.
  let headerIndex = rows.findIndex((row) => rowCells(row).some((cell) => columnKey(textLine(cell)) === 'number'));
  if (headerIndex < 0) headerIndex = 0;
  const headerRow = rows[headerIndex];
  const header = headerRow ? rowCells(headerRow).map((cell) => textLine(cell)) : [];
  return { header, rows: rows.slice(headerIndex + 1).map(rowCells) };
}

/** Parses a search-result list of either layout. Rows repeated in the mobile block are not read. */
export function parseCaseList(
  html: string,
  doc: Document,
  layout: Layout,
  pageUrl: string | null,
  courtVnkod: string | null,
  courtName: string | null = null,
): CaseList {
  const shape = LAYOUT_PROFILES[layout].list;
  const table =
    shape.table.kind === 'thead'
      ? $(shape.table.selector, doc)
      : ($$(shape.table.selector, doc).find((t) => tableRows(t).some((row) => rowCells(row).some((cell) => columnKey(textLine(cell)) === 'number'))) ?? null);
  const counterText =
    shape.counter.kind === 'selector' ? textLine($(shape.counter.selector, doc)) : (shape.counter.pattern.exec(html)?.[0] ?? '').replace(/<[^>]+>/g, ' ');
  const { total, from, to } = counter(counterText.replace(/\s+/g, ' '));
  const pages = pagination(doc, layout, pageUrl);
  const rows: CaseListRow[] = [];
  let header: string[] = [];
  if (table) {
    const parsed = headerAndRows(table, layout);
    header = parsed.header;
    const columns = header.map(columnKey);
    const seen = new Set<string>();
    for (const cells of parsed.rows) {
      if (cells.length < 2) continue;
      const row = parseRow(cells, columns, pageUrl);
      if (!row) continue;
      const key = row.ids.caseUid ?? row.ids.caseId ?? row.caseNumber;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  return {
    layout,
    courtVnkod,
    courtName,
    proceeding: emptyToNull(text($('div#search_results > div.name-instanse, div#content > div.title', doc)).split('\n')[0]),
    total,
    rangeFrom: from,
    rangeTo: to,
    currentPage: pages.current ?? (total !== null ? 1 : null),
    pageCount: total !== null && to !== null && from !== null && to >= from ? Math.max(pages.count ?? 1, Math.ceil(total / (to - from + 1))) : pages.count,
    pageUrls: pages.urls,
    header,
    rows,
  };
}
