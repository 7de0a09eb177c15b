import { type AnyNode, isTag } from 'domhandler';
import { LAYOUT_PROFILES } from '../layouts.ts';
import { $, $$, attr, type Document, type Element, hasClass, rowCells, tableRows, text, textLine } from './dom.ts';
import type { LabelValue, Layout, RawTab, RawTable } from './types.ts';

/** A tab of a case card: its label and the element holding its content. */
export interface TabNode {
  label: string;
  content: Element;
}

function cleanLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

/** Finds the card's tabs by their labels, in page order. Order and presence vary by proceeding. */
export function findTabs(doc: Document, layout: Layout): TabNode[] {
  const tabs: TabNode[] = [];
  const shape = LAYOUT_PROFILES[layout].card.tabs;
  for (const li of $$(shape.item, doc)) {
    const id = shape.id.exec(attr(li, 'id') ?? '')?.[1];
    if (id === undefined) continue;
    const content = shape.content(id).reduce<Element | null>((found, selector) => found ?? $(selector, doc), null);
    if (content) tabs.push({ label: cleanLabel(textLine(li)), content });
  }
  return tabs;
}

function insideSkipped(node: Element, stop: Element): boolean {
  for (let cur: AnyNode | null = node.parent; cur && cur !== stop; cur = cur.parent) {
    if (!isTag(cur)) continue;
    if (hasClass(cur, 'block-mobile') || hasClass(cur, 'mobile-lawcase-item') || hasClass(cur, 'printVersionBody')) return true;
    if ((cur.attribs.id ?? '').startsWith('printVersion')) return true;
  }
  return false;
}

/** The data tables of a tab: desktop tables only (never the mobile or print copies), outermost only. */
export function dataTables(content: Element): Element[] {
  return $$('table', content).filter((table) => {
    if (hasClass(table, 'block-mobile') || hasClass(table, 'mobile')) return false;
    return !insideSkipped(table, content);
  });
}

function isBoldCell(cell: Element): boolean {
  return cell.name === 'th' || $('b, strong', cell) !== null;
}

/**
 * A section title, its decoration dropped ("---=== ДВИЖЕНИЕ ЖАЛОБЫ ===---"). The movement of a complaint keeps the
 * complaint's number: after "ЖАЛОБА № 1*" it is "ЖАЛОБА № 1* / ДВИЖЕНИЕ ЖАЛОБЫ", so the rows below it still say
 * which complaint they belong to.
 */
function sectionTitle(title: string, previous: string | null): string {
  const clean = title.replace(/^[-=\s]+|[-=\s]+$/g, '') || title;
  const complaint = previous?.split(' / ')[0] ?? '';
  if (/^движение\s+жалобы$/i.test(clean) && /^жалоба\s*№/i.test(complaint)) return `${complaint} / ${clean}`;
  return clean;
}

/**
 * Reads a tab into label/value pairs (rows of two cells, the first in bold) and tables (a header row
 * then data rows); a lone cell or th spanning the row is a section title.
 */
export function readTab(tab: TabNode): RawTab {
  const pairs: LabelValue[] = [];
  const tables: RawTable[] = [];
  let section: string | null = null;
  for (const table of dataTables(tab.content)) {
    let current: RawTable | null = null;
    const inHead = new Set($$('thead tr', table));
    for (const row of tableRows(table)) {
      const cells = rowCells(row);
      if (cells.length === 0) continue;
      if (cells.some((cell) => $('table', cell))) continue; // a nested table is read on its own
      if (cells.length === 1) {
        const title = textLine(cells[0]);
        if (title && (cells[0]?.name === 'th' || Number(attr(cells[0] ?? null, 'colspan') ?? 1) > 1 || isBoldCell(cells[0] as Element))) {
          section = sectionTitle(title, section);
          current = null;
        }
        continue; // notice rows and titles are not data
      }
      const first = cells[0] as Element;
      // Two cells, the first in bold: a label and its value, unless both are bold (the header of a two-column
      // table, such as a СТОРОНЫ tab that lists only the role and the name).
      if (cells.length === 2 && $('b, strong', first) && !inHead.has(row) && !(current === null && cells.every(isBoldCell))) {
        const value = cells[1] as Element;
        const link = $('a[href]', value);
        pairs.push({ section, label: textLine(first).replace(/:$/, ''), value: text(value), href: attr(link, 'href') });
        continue;
      }
      if (inHead.has(row) || (current === null && cells.every(isBoldCell))) {
        current = { section, header: cells.map((cell) => textLine(cell)), rows: [] };
        tables.push(current);
        continue;
      }
      if (current === null) {
        current = { section, header: [], rows: [] };
        tables.push(current);
      }
      current.rows.push(cells.map((cell) => text(cell)));
    }
  }
  return { label: tab.label, pairs, tables };
}

/** Maps a table's rows to objects keyed by canonical column names; unknown columns go to `extra`. */
export function mapRows<K extends string>(table: RawTable, columns: [K, RegExp][]): { fields: Partial<Record<K, string>>; extra: Record<string, string> }[] {
  const keys = table.header.map((label) => columns.find(([, pattern]) => pattern.test(label))?.[0] ?? null);
  return table.rows.map((cells) => {
    const fields: Partial<Record<K, string>> = {};
    const extra: Record<string, string> = {};
    cells.forEach((value, index) => {
      const key = keys[index];
      const label = table.header[index] ?? `column ${index + 1}`;
      if (key && fields[key] === undefined) fields[key] = value;
      else if (value) extra[label] = value;
    });
    return { fields, extra };
  });
}
