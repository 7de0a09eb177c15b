/**
 * What the parsers do not recognise in a set of pages: labels of the info table, columns of the event, person
 * and list tables, tabs, result wordings, and fields left empty — with their counts. Run over a new court's
 * pages before anything is stored (`otkaz parse --report DIR`). Pure: pages in, report out.
 */

import { tabRole } from './card.ts';
import { columnKey } from './list.ts';
import { parsePage } from './page.ts';
import { EVENT_COLUMNS, KEPT_PERSON_COLUMNS, knownInfoLabel, PERSON_COLUMNS } from './synonyms.ts';
import type { CaseCard, PageKind } from './types.ts';

export type Unrecognised = 'info label' | 'event column' | 'person column' | 'list column' | 'tab' | 'result wording' | 'page';

export interface ReportLine {
  what: Unrecognised;
  label: string;
  count: number;
  /** Up to three of the files it was seen in. */
  files: string[];
}

export interface ParseReport {
  files: number;
  kinds: Partial<Record<PageKind, number>>;
  unrecognised: ReportLine[];
  /** Cards in which a field the parser extracts stayed empty, per field. */
  missing: Record<string, number>;
  cards: number;
}

const CARD_FIELDS: (keyof CaseCard)[] = ['caseNumber', 'judicialUid', 'receiptDate', 'judge', 'hearingDate', 'resultText', 'courtName'];
const MAX_LABEL = 120;

export function reportPages(pages: Iterable<{ name: string; bytes: Uint8Array; url?: string | null }>): ParseReport {
  const kinds: Partial<Record<PageKind, number>> = {};
  const lines = new Map<string, ReportLine>();
  const missing: Record<string, number> = Object.fromEntries(CARD_FIELDS.map((f) => [f, 0]));
  let files = 0;
  let cards = 0;
  const note = (what: Unrecognised, raw: string, file: string) => {
    const label = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
    const key = `${what}\u0000${label}`;
    const line = lines.get(key) ?? { what, label, count: 0, files: [] };
    line.count += 1;
    if (line.files.length < 3 && !line.files.includes(file)) line.files.push(file);
    lines.set(key, line);
  };
  for (const { name, bytes, url } of pages) {
    files += 1;
    const page = parsePage({ bytes, url: url ?? null });
    kinds[page.kind] = (kinds[page.kind] ?? 0) + 1;
    if (page.kind === 'unknown') note('page', page.detail ?? 'unknown page', name);
    if (page.kind === 'case_list') {
      for (const header of page.list.header) if (header && columnKey(header) === null) note('list column', header, name);
    }
    if (page.kind !== 'case_card') continue;
    cards += 1;
    const c = page.card;
    for (const field of CARD_FIELDS) if (c[field] === null) missing[field] = (missing[field] ?? 0) + 1;
    for (const pair of c.info) if (!knownInfoLabel(pair.label)) note('info label', pair.label, name);
    for (const tab of c.tabs) {
      const role = tabRole(tab.label);
      if (role === 'other') note('tab', tab.label, name);
      // Columns by their headers, whether or not this page filled them.
      const headers = tab.tables.flatMap((table) => table.header).filter(Boolean);
      if (role === 'events') for (const h of headers) if (!EVENT_COLUMNS.some(([, v]) => v.pattern.test(h))) note('event column', h, name);
      if (role === 'persons' || role === 'parties')
        for (const h of headers)
          if (!PERSON_COLUMNS.some(([, v]) => v.pattern.test(h)) && !KEPT_PERSON_COLUMNS.some((p) => p.test(h))) note('person column', h, name);
    }
    const outcomes = [c.outcome, ...c.defendants.map((d) => d.outcome)];
    for (const outcome of outcomes) if (outcome?.unrecognised) note('result wording', outcome.text, name);
  }
  const unrecognised = [...lines.values()].sort((a, b) => a.what.localeCompare(b.what) || b.count - a.count || a.label.localeCompare(b.label));
  return { files, kinds, unrecognised, missing, cards };
}

export function reportText(report: ParseReport): string {
  const out = [
    `${report.files} page(s): ${Object.entries(report.kinds)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
  ];
  if (report.unrecognised.length === 0) out.push('unrecognised: none');
  else {
    out.push('unrecognised (count, what, label, seen in):');
    for (const line of report.unrecognised) out.push(`  ${String(line.count).padStart(5)}  ${line.what}: ${line.label}  [${line.files.join(', ')}]`);
  }
  if (report.cards > 0) {
    const empty = Object.entries(report.missing).filter(([, n]) => n > 0);
    out.push(`empty fields in ${report.cards} card(s): ${empty.length ? empty.map(([field, n]) => `${field} ${n}`).join(', ') : 'none'}`);
  }
  return out.join('\n');
}
