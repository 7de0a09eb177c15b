import { classifyOutcome, outcomeFromAct } from '../parse/outcome.ts';
import { redactCard } from '../parse/redact.ts';
import type { CaseCard, CaseListRow, OutcomeInfo } from '../parse/types.ts';
import { initials, isHiddenName, nameHash } from './privacy.ts';

/**
 * The stored form of a case: what the card and the list row said, with every personal name reduced to
 * initials and a keyed hash. This is what the database, the API and exports see — never the raw names.
 */
export interface StoredDefendant {
  initials: string | null;
  nameHash: string | null;
  hidden: boolean;
  articles: { code: string; article: string; part: string | null; point: string | null }[];
  articlesText: string | null;
  decisionDate: string | null;
  result: string | null;
  outcome: OutcomeInfo | null;
}

/** A card as stored: the parsed card's scalar fields as they are, names in lists reduced (see storedCard). */
export type StoredCard = Pick<
  CaseCard,
  | 'layout'
  | 'proceeding'
  | 'caseNumber'
  | 'judicialUid'
  | 'receiptDate'
  | 'judge'
  | 'hearingDate'
  | 'category'
  | 'resultText'
  | 'outcome'
  | 'events'
  | 'lowerCourt'
  | 'acts'
> & {
  info: { section: string | null; label: string; value: string }[];
  defendants: StoredDefendant[];
  parties: { role: string; name: string; hidden: boolean }[];
  appeals: { section: string | null; label: string; value: string }[];
};

export interface StoredListRow {
  caseNumber: string;
  receiptDate: string | null;
  info: { label: string | null; value: string }[];
  category: string | null;
  articles: StoredDefendant['articles'];
  judge: string | null;
  decisionDate: string | null;
  decision: string | null;
  legalForceDate: string | null;
  acts: { url: string; title: string | null }[];
}

/** An act text fetched on its own page (name_op=doc), linked from the case's list row. */
export interface FetchedAct {
  url: string;
  title: string | null;
  text: string;
}

export interface CaseRecord {
  courtVnkod: string;
  ids: { caseId: string | null; caseUid: string | null; deloId: string | null; newCode: string | null };
  card: StoredCard | null;
  list: StoredListRow | null;
  fetchedActs?: FetchedAct[];
}

const article = (a: { code: string; article: string; part: string | null; point: string | null }) => ({
  code: a.code,
  article: a.article,
  part: a.part,
  point: a.point,
});

/** A card as stored: every free text through the redaction stage (parse/redact.ts); a defendant's name only as
 * initials and a keyed hash of the name as published. */
export function storedCard(card: CaseCard, personKey: string): StoredCard {
  const shown = redactCard(card);
  return {
    layout: shown.layout,
    proceeding: shown.proceeding,
    caseNumber: shown.caseNumber,
    judicialUid: shown.judicialUid,
    receiptDate: shown.receiptDate,
    judge: shown.judge,
    hearingDate: shown.hearingDate,
    category: shown.category,
    resultText: shown.resultText,
    outcome: shown.outcome,
    info: shown.info.map(({ section, label, value }) => ({ section, label, value })),
    events: shown.events,
    defendants: card.defendants.map((d, i) => {
      const r = shown.defendants[i] ?? d;
      return {
        initials: initials(d.name),
        nameHash: nameHash(personKey, d.name),
        hidden: d.hidden || isHiddenName(d.name),
        articles: r.articles.map(article),
        articlesText: r.articlesText,
        decisionDate: r.decisionDate,
        result: r.result,
        outcome: r.outcome,
      };
    }),
    parties: shown.parties.map((p) => ({ role: p.role, name: p.name, hidden: p.hidden })),
    lowerCourt: shown.lowerCourt,
    appeals: shown.appeals.map(({ section, label, value }) => ({ section, label, value })),
    acts: shown.acts,
  };
}

/** A list row as stored. The row must come from a redacted list (parse/redact.ts redactList): every line of it
 * may name persons (criminal rows list defendants, often without a label). */
export function storedListRow(row: CaseListRow): StoredListRow {
  return {
    caseNumber: row.caseNumber,
    receiptDate: row.receiptDate,
    info: row.info.map((line) => ({ label: line.label, value: line.value })),
    category: row.category,
    articles: row.articles.map(article),
    judge: row.judge,
    decisionDate: row.decisionDate,
    decision: row.decision,
    legalForceDate: row.legalForceDate,
    acts: row.acts,
  };
}

/** The flat, queryable view of a record: card values win, list values fill the gaps. */
export interface CaseColumns {
  proceeding: string | null;
  caseNumber: string | null;
  judicialUid: string | null;
  receiptDate: string | null;
  decisionDate: string | null;
  legalForceDate: string | null;
  judge: string | null;
  category: string | null;
  resultText: string | null;
  outcome: string | null;
}

export function caseColumns(record: CaseRecord): CaseColumns {
  const { card, list } = record;
  const firstDefendantDate = card?.defendants.find((d) => d.decisionDate)?.decisionDate ?? null;
  return {
    proceeding: card?.proceeding ?? null,
    caseNumber: card?.caseNumber ?? list?.caseNumber ?? null,
    judicialUid: card?.judicialUid ?? null,
    receiptDate: card?.receiptDate ?? list?.receiptDate ?? null,
    decisionDate: firstDefendantDate ?? card?.hearingDate ?? list?.decisionDate ?? null,
    legalForceDate: list?.legalForceDate ?? null,
    judge: card?.judge ?? list?.judge ?? null,
    category: card?.category ?? list?.category ?? null,
    resultText: card?.resultText ?? list?.decision ?? null,
    outcome:
      card?.outcome?.outcome ??
      classifyOutcome(list?.decision)?.outcome ??
      (record.fetchedActs ?? []).map((a) => outcomeFromAct(a.title ?? '', a.text)?.outcome).find((o) => o) ??
      null,
  };
}
