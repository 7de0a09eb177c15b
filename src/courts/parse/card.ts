import { LAYOUT_PROFILES } from '../layouts.ts';
import { parseArticles } from './articles.ts';
import { $, type Document, text, textLine } from './dom.ts';
import { caseIdsFromUrl, emptyToNull, JUDICIAL_UID, parseRuDate, queryParams } from './fields.ts';
import { classifyOutcome, outcomeFromAct } from './outcome.ts';
import { findTabs, mapRows, readTab, type TabNode } from './tabs.ts';
import type { CaseAct, CaseCard, CaseEvent, Defendant, LabelValue, Layout, LowerCourt, Party, RawTab, RawTable } from './types.ts';

const HIDDEN = /информация\s+скрыта|данные\s+скрыты/i;

type EventColumn = 'name' | 'date' | 'time' | 'place' | 'result' | 'basis' | 'note' | 'published';
const EVENT_COLUMNS: [EventColumn, RegExp][] = [
  ['published', /дата\s+размещения/i],
  ['name', /наименование\s+события/i],
  ['time', /^время/i],
  ['date', /^дата(\s+события)?$/i],
  ['place', /место\s+проведения|зал/i],
  ['basis', /основание/i],
  ['result', /результат\s+события/i],
  ['note', /примечание/i],
];

type PersonColumn = 'role' | 'name' | 'articles' | 'date' | 'result';
const PERSON_COLUMNS: [PersonColumn, RegExp][] = [
  ['role', /вид\s+лица|процессуальный\s+статус/i],
  ['articles', /перечень\s+статей|статьи/i],
  ['date', /дата\s+рассмотрения/i],
  ['result', /результат/i],
  ['name', /фамилия|наименование|фио|лицо/i],
];

const DEFENDANT_ROLE = /привлекаем|обвиняем|подсудим|осужд|оправдан|лицо,\s+в\s+отношении/i;

type TabRole = 'case' | 'events' | 'persons' | 'parties' | 'lower' | 'appeals' | 'acts' | 'writs' | 'other';

function tabRole(label: string): TabRole {
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

function events(tables: RawTable[]): CaseEvent[] {
  return tables.flatMap((table) =>
    mapRows(table, EVENT_COLUMNS).map(({ fields, extra }) => ({
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
    for (const { fields, extra } of mapRows(table, PERSON_COLUMNS)) {
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
    for (const { fields, extra } of mapRows(table, PERSON_COLUMNS)) {
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

function act(title: string, body: string): CaseAct {
  const type = /\(([^)]+)\)\s*$/.exec(title)?.[1] ?? null;
  return { title, actType: type, text: body };
}

/**
 * Parses a case card of either layout. Tabs are found by their labels; what the parser does not know is
 * kept raw in `tabs`; a missing tab leaves its fields empty. `pageUrl` supplies the court's own case ids.
 */
export function parseCaseCard(doc: Document, layout: Layout, pageUrl: string | null, courtVnkod: string | null): CaseCard {
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
    if (role === 'case') {
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
  const uidPair = pairValue(info, /уникальный\s+идентификатор/i);
  const judicialUid = JUDICIAL_UID.exec(uidPair?.value ?? '')?.[1] ?? null;
  const resultText = emptyToNull(pairValue(info, /^результат\s+рассмотрения$|^решение$|^результат$/i)?.value);
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
    proceeding: emptyToNull(text($('div#search_results > div.name-instanse, div#content > div.title', doc)).split('\n')[0]),
    caseNumber,
    ids,
    judicialUid,
    receiptDate: parseRuDate(pairValue(info, /^дата\s+поступления/i)?.value),
    judge: emptyToNull(pairValue(info, /^судья$|^докладчик$|передано\s+в\s+производство\s+судье/i)?.value),
    hearingDate: parseRuDate(pairValue(info, /^дата\s+рассмотрения$/i)?.value),
    category: emptyToNull(pairValue(info, /^категория/i)?.value),
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
