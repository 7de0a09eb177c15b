import { initials, isHiddenName, NameContext, redactDeep } from '../../privacy/names.ts';
import type { CaseCard, CaseList, ParsedPage } from './types.ts';

/**
 * The redaction stage: every free-text field of a parsed page, with persons' names reduced to initials. What
 * the database stores, indexes for full text and shows comes from here (the raw page stays in the archive).
 * Kept as published: identifiers, dates, codes, links, and the judge (officially published, in its own field).
 */
export const KEEP_FIELDS: ReadonlySet<string> = new Set([
  'layout', 'courtVnkod', 'caseNumber', 'judicialUid', 'receiptDate', 'hearingDate', 'decisionDate', 'legalForceDate', 'publishedDate', 'date', 'time',
  'caseId', 'caseUid', 'deloId', 'newCode', 'href', 'url', 'cardUrl', 'code', 'article', 'part', 'point', 'kind', 'outcome', 'ground', 'source',
  'judge', 'nameHash', 'initials', 'field',
]);

/** The page's persons as the context of its free text: their surnames are caught in any case form, alone too. */
function cardContext(card: CaseCard): NameContext {
  const context = new NameContext();
  for (const d of card.defendants) if (!d.hidden) context.addName(d.name);
  for (const p of card.parties) if (!p.hidden) context.addName(p.name);
  return context;
}

export function redactCard(card: CaseCard): CaseCard {
  const context = cardContext(card);
  const redacted = redactDeep(card, KEEP_FIELDS, context);
  return {
    ...redacted,
    defendants: redacted.defendants.map((d, i) => {
      const raw = card.defendants[i]?.name ?? '';
      return { ...d, name: d.hidden || isHiddenName(raw) ? raw : (initials(raw) ?? '') };
    }),
    parties: redacted.parties.map((p, i) => ({ ...p, name: p.hidden ? (card.parties[i]?.name ?? p.name) : p.name })),
  };
}

export function redactList(list: CaseList): CaseList {
  return redactDeep(list, KEEP_FIELDS, new NameContext());
}

export function redactText(text: string): string {
  return redactDeep({ text }, KEEP_FIELDS).text;
}

/** A parsed page as shown to people: persons' names reduced to initials (the raw page keeps them). */
export function redactParsed(page: ParsedPage): ParsedPage {
  if (page.kind === 'case_card') return { ...page, card: redactCard(page.card) };
  if (page.kind === 'case_list') return { ...page, list: redactList(page.list) };
  if (page.kind === 'act_text') return { ...page, text: redactText(page.text) };
  return page;
}
