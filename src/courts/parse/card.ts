import { LAYOUT_PROFILES } from '../layouts.ts';
import { parseArticles } from './articles.ts';
import { $, type Document, text, textLine } from './dom.ts';
import { caseIdsFromUrl, emptyToNull, JUDICIAL_UID, parseRuDate, queryParams } from './fields.ts';
import { actTypeFromText, classifyOutcome, outcomeFromAct } from './outcome.ts';
import { EVENT_COLUMNS, type EventColumn, INFO_LABELS, isInfoTable, type LabelVariant, PERSON_COLUMNS, type PersonColumn } from './synonyms.ts';
import { findTabs, mapRows, readTab, type TabNode } from './tabs.ts';
import type { CaseAct, CaseCard, CaseEvent, Defendant, LabelValue, Layout, LowerCourt, Party, RawTab, RawTable } from './types.ts';

const HIDDEN = /информация\s+скрыта|данные\s+скрыты/i;

const EVENT_PATTERNS: [EventColumn, RegExp][] = EVENT_COLUMNS.map(([key, variant]) => [key, variant.pattern]);
const PERSON_PATTERNS: [PersonColumn, RegExp][] = PERSON_COLUMNS.map(([key, variant]) => [key, variant.pattern]);

const DEFENDANT_ROLE = /привлекаем|обвиняем|подсудим|осужд|оправдан|лицо,\s+в\s+отношении/i;

export type TabRole = 'case' | 'events' | 'persons' | 'parties' | 'lower' | 'appeals' | 'acts' | 'writs' | 'other';

/** What a tab holds, from its label. 'other' tabs are kept raw (and listed by `otkaz parse --report`). */
export function tabRole(label: string): TabRole {
  const l = label.toLowerCase();
  if (/^(дело|производство)$/.test(l)) return 'case';
  if (/движение|слушания/.test(l)) return 'events';
  if (/нижестоящ/.test(l)) return 'lower';
  if (/судебн\S*\s+акт/.test(l)) return 'acts';
  if (/исполнительн/.test(l)) return 'writs';
  if (/стороны|участники/.test(l)) return 'parties';
  if (/лица|подсудим|обвиняем|осужд/.test(l)) return 'persons';
  if (/обжаловани|пересмотр|жалоб/.test(l)) return 'appeals';
  return 'other';
}

function pairValue(pairs: LabelValue[], pattern: RegExp): LabelValue | undefined {
  return pairs.find((pair) => pattern.test(pair.label));
}

/** The first pair whose label is one of a field's variants (synonyms.ts). */
function pairOf(pairs: LabelValue[], variants: LabelVariant[]): LabelValue | undefined {
  return pairs.find((pair) => variants.some((variant) => variant.pattern.test(pair.label)));
}

function events(tables: RawTable[]): CaseEvent[] {
  return tables.flatMap((table) =>
    mapRows(table, EVENT_PATTERNS).map(({ fields, extra }) => ({
      name: emptyToNull(fields.name),
      date: parseRuDate(fields.date),
      time: emptyToNull(fields.time),
      place: emptyToNull(fields.place),
      result: emptyToNull(fields.result),
      basis: emptyToNull(fields.basis),
      note: emptyToNull(fields.note),
      publishedDate: parseRuDate(fields.published),
      extra,
    })),
  );
}

/**
 * Persons of a tab. On the ЛИЦА tab (the accused, one row each, usually without a role column) a row is a
 * defendant unless its role says otherwise; on the СТОРОНЫ tab every row is a party (defence counsel,
 * prosecutor, victim). A row with neither a name nor a role is not a person.
 */
function persons(tables: RawTable[], tab: 'persons' | 'parties'): { defendants: Defendant[]; parties: Party[] } {
  const defendants: Defendant[] = [];
  const parties: Party[] = [];
  for (const table of tables) {
    for (const { fields, extra } of mapRows(table, PERSON_PATTERNS)) {
      const name = fields.name ?? '';
      if (!name.trim() && !fields.role?.trim()) continue;
      const hidden = HIDDEN.test(name);
      const articles = parseArticles(fields.articles);
      if (tab === 'persons' && (fields.role === undefined || DEFENDANT_ROLE.test(fields.role))) defendants.push(defendant(name, hidden, fields, extra));
      if (tab === 'parties' || fields.role !== undefined) parties.push({ role: fields.role ?? '', name, hidden, articles, extra });
    }
  }
  return { defendants, parties };
}

function defendant(name: string, hidden: boolean, fields: Partial<Record<PersonColumn, string>>, extra: Record<string, string>): Defendant {
  const result = emptyToNull(fields.result);
  return {
    name,
    hidden,
    articles: parseArticles(fields.articles),
    articlesText: emptyToNull(fields.articles),
    decisionDate: parseRuDate(fields.date),
    result,
    outcome: classifyOutcome(result),
    extra: fields.role !== undefined ? { ...extra, role: fields.role } : extra,
  };
}

/**
 * Cards without a ЛИЦА tab (administrative offences) name the person brought to liability among the parties
 * ("ПРИВЛЕКАЕМОЕ ЛИЦО"): that party is the defendant. Never used when the card has a ЛИЦА tab.
 */
function defendantsAmongParties(tables: RawTable[]): Defendant[] {
  const out: Defendant[] = [];
  for (const table of tables) {
    for (const { fields, extra } of mapRows(table, PERSON_PATTERNS)) {
      if (fields.role === undefined || !DEFENDANT_ROLE.test(fields.role)) continue;
      const name = fields.name ?? '';
      out.push(defendant(name, HIDDEN.test(name), fields, extra));
    }
  }
  return out;
}

function lowerCourt(pairs: LabelValue[]): LowerCourt | null {
  const court = pairValue(pairs, /суд\s*\(судебный участок\)\s*первой|^районный суд$|^суд первой инстанции$|нижестоящий суд/i)?.value ?? null;
  const caseNumber = pairValue(pairs, /номер\s+(дела|производства).*(первой|1-ой)/i)?.value ?? null;
  const judge = pairValue(pairs, /судья.*первой|первой.*судья/i)?.value ?? null;
  const region = pairValue(pairs, /регион\s+суда/i)?.value ?? null;
  if (!court && !caseNumber && !judge && !region) return null;
  return { court, caseNumber, judge, region };
}

function acts(tab: TabNode, doc: Document, layout: Layout): CaseAct[] {
  const out: CaseAct[] = [];
  const parts = LAYOUT_PROFILES[layout].card.actParts;
  if (parts) {
    for (let k = 1; ; k += 1) {
      const label = $(parts.label(k), tab.content);
      const body = $(parts.body(k), tab.content);
      if (!body) break;
      out.push(act(textLine(label) || tab.label, text(body)));
    }
    if (out.length === 0 && text(tab.content)) out.push(act(tab.label, text(tab.content)));
  } else {
    out.push(act(tab.label, text(tab.content)));
  }
  void doc;
  return out;
}

/** An act: its type from the text's own heading, else from the tab title ("Судебный акт #1 (Постановление)"). */
function act(title: string, body: string): CaseAct {
  const type = actTypeFromText(body) ?? /\(([^)]+)\)\s*$/.exec(title)?.[1] ?? null;
  return { title, actType: type, text: body };
}

/**
 * Parses a case card of either layout. Tabs are found by their labels; what the parser does not know is
 * kept raw in `tabs`; a missing tab leaves its fields empty. `pageUrl` supplies the court's own case ids.
 */
export function parseCaseCard(doc: Document, layout: Layout, pageUrl: string | null, courtVnkod: string | null, courtName: string | null = null): CaseCard {
  const tabNodes = findTabs(doc, layout);
  const tabs: RawTab[] = [];
  let info: LabelValue[] = [];
  let eventList: CaseEvent[] = [];
  const defendants: Defendant[] = [];
  const parties: Party[] = [];
  const appeals: LabelValue[] = [];
  const actList: CaseAct[] = [];
  let lower: LowerCourt | null = null;
  let hasPersonsTab = false;
  const sawCaseTab = tabNodes.some((node) => tabRole(node.label) === 'case');
  const partyTables: RawTable[] = [];
  for (const node of tabNodes) {
    const role = tabRole(node.label);
    if (role === 'acts' || /^судебный акт/i.test(node.label)) {
      actList.push(...acts(node, doc, layout));
      tabs.push({ label: node.label, pairs: [], tables: [] });
      continue;
    }
    const tab = readTab(node);
    tabs.push(tab);
    // The info table is found by its content as well as its label: a first tab labelled for the complaint
    // ("ЖАЛОБА") holds the case's identifying rows too.
    const isInfo =
      role === 'case' || (info.length === 0 && !sawCaseTab && (role === 'appeals' || role === 'other') && isInfoTable(tab.pairs.map((p) => p.label)));
    if (isInfo) {
      info = tab.pairs;
      appeals.push(...tab.pairs.filter((pair) => pair.section && /обжалован|апелляц/i.test(pair.section)));
      lower = lowerCourt(tab.pairs) ?? lower;
    } else if (role === 'events') eventList = events(tab.tables);
    else if (role === 'persons' || role === 'parties') {
      const found = persons(tab.tables, role);
      defendants.push(...found.defendants);
      parties.push(...found.parties);
      if (role === 'persons') hasPersonsTab = true;
      else partyTables.push(...tab.tables);
    } else if (role === 'lower') lower = lowerCourt(tab.pairs) ?? lower;
    else if (role === 'appeals') appeals.push(...tab.pairs);
  }
  if (!hasPersonsTab) defendants.push(...defendantsAmongParties(partyTables));
  const uidPair = pairOf(info, INFO_LABELS.judicialUid);
  const judicialUid = JUDICIAL_UID.exec(uidPair?.value ?? '')?.[1] ?? null;
  const resultText = emptyToNull(pairOf(info, INFO_LABELS.result)?.value);
  const numberNode = $(LAYOUT_PROFILES[layout].card.caseNumber, doc);
  const caseNumber = emptyToNull(textLine(numberNode).replace(/^ДЕЛО\s*№\s*/i, ''));
  const ids = caseIdsFromUrl(pageUrl);
  // When the result field is empty or unrecognised, a published judgment's operative part may say it.
  const fromAct = actList.map((a) => outcomeFromAct(a.title, a.text)).find((o) => o !== null) ?? null;
  const cardOutcome = classifyOutcome(resultText);
  let outcome = cardOutcome && !cardOutcome.unrecognised ? cardOutcome : (fromAct ?? cardOutcome);
  // The result field says "convicted" without the sentence; the act's operative part states it.
  if (outcome && fromAct?.sentence && !outcome.sentence && outcome.outcome === fromAct.outcome) outcome = { ...outcome, sentence: fromAct.sentence };
  if (fromAct && defendants.length === 1 && defendants[0] && (!defendants[0].outcome || defendants[0].outcome.unrecognised)) defendants[0].outcome = fromAct;
  if (!ids.deloId && uidPair?.href) ids.deloId = queryParams(uidPair.href).get('delo_id') ?? null;
  return {
    layout,
    courtVnkod,
    courtName,
    proceeding: emptyToNull(text($('div#search_results > div.name-instanse, div#content > div.title', doc)).split('\n')[0]),
    caseNumber,
    ids,
    judicialUid,
    receiptDate: parseRuDate(pairOf(info, INFO_LABELS.receiptDate)?.value),
    judge: emptyToNull(pairOf(info, INFO_LABELS.judge)?.value),
    hearingDate: parseRuDate(pairOf(info, INFO_LABELS.hearingDate)?.value),
    category: emptyToNull(pairOf(info, INFO_LABELS.category)?.value),
    resultText,
    outcome,
    info,
    events: eventList,
    defendants,
    parties,
    lowerCourt: lower,
    appeals,
    acts: actList,
    tabs,
  };
}
