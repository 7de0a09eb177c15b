import type { NameFieldTest } from '../../privacy/names.ts';
import { initials, isHiddenName, NameContext, redactDeep } from '../../privacy/names.ts';
import type { CaseCard, CaseList, ParsedPage } from './types.ts';

/**
 * The redaction stage: every free-text field of a parsed page, with persons' names reduced to initials. What
 * the database stores, indexes for full text and shows comes from here (the raw page stays in the archive).
 * Kept as published: identifiers, dates, codes, links, and the judge (officially published, in its own field).
 */
export const KEEP_FIELDS: ReadonlySet<string> = new Set([
  'layout',
  'courtVnkod',
  'caseNumber',
  'judicialUid',
  'receiptDate',
  'hearingDate',
  'decisionDate',
  'legalForceDate',
  'publishedDate',
  'date',
  'time',
  'caseId',
  'caseUid',
  'deloId',
  'newCode',
  'href',
  'url',
  'cardUrl',
  'code',
  'article',
  'part',
  'point',
  'kind',
  'outcome',
  'ground',
  'source',
  'judge',
  'nameHash',
  'initials',
  'field',
]);

/** A list row's line that is not about a person: the category, a court, a case number, an article, a date, a judge. */
const NOT_PERSON_LINE = /(?<![а-яё])(?:категори|суд|номер|стать|ст\.|дат|докладчик|решени|результат|инстанц|правонарушени|вид\s|статус|состояни)/i;
/** A card's pair whose value is a person (or an organisation that may name one). */
const PERSON_PAIR =
  /(?<![а-яё])(?:истец|истца|ответчик|заявител|лица|лицо|подсудим|осужд|обвиняем|потерпевш|защитник|представител|адвокат|жалобу\s+подал|взыскател|должник|привлекаем|участник|сторон)/i;

/**
 * The fields that by their label or column hold a person, in a parsed page and in a stored record alike: a party's
 * name, a defendant's name, a list row's lines other than the category, court, case number, article, date and judge
 * (criminal rows list the defendants, often without a label), a card's pair labelled as a party. Every word of a
 * name there is learned for the whole page, and every capitalised word of a person there is reduced to its initial.
 */
export const isNameField: NameFieldTest = (key, parent) => {
  if (key === 'name') return 'role' in parent || 'articlesText' in parent;
  if (key !== 'value' || !('label' in parent)) return false;
  const label = parent.label;
  if ('section' in parent) return typeof label === 'string' && PERSON_PAIR.test(label);
  return label === null || (typeof label === 'string' && !NOT_PERSON_LINE.test(label));
};

export function redactCard(card: CaseCard): CaseCard {
  // The page's persons are the context of its free text: every word of their names is caught in any case form.
  const context = new NameContext();
  const redacted = redactDeep(card, KEEP_FIELDS, context, isNameField);
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
  return redactDeep(list, KEEP_FIELDS, new NameContext(), isNameField);
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
