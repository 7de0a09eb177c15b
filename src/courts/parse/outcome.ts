import type { Outcome, OutcomeInfo, Sentence, SentenceKind, TerminationGround } from './types.ts';

/**
 * Reads an outcome (and, where stated, the sentence) from a court's result text or an act title.
 * Rules are checked in order; the first that matches wins. Text that matches none is returned as
 * 'unknown' with `unrecognised: true` and kept verbatim.
 */
const OUTCOME_RULES: { outcome: Outcome; pattern: RegExp }[] = [
  { outcome: 'returned_to_prosecutor', pattern: /возвращ\S*\s+прокурору/i },
  { outcome: 'medical_measures', pattern: /принудительн\S*\s+мер\S*\s+медицинск/i },
  // Appeal and cassation results first: their texts name the judgment they review ("ПРИГОВОР оставлен …").
  { outcome: 'appeal_withdrawn', pattern: /(жалоб|представлени)\S*.*(отозван|возвращен)|апелляционное\s+производство\s+прекращено/i },
  { outcome: 'upheld', pattern: /без\s+изменени|без\s+удовлетворени/i },
  { outcome: 'overturned', pattern: /отмен[её]н/i },
  { outcome: 'modified', pattern: /изменен/i },
  { outcome: 'acquittal', pattern: /оправдат|оправдан/i },
  { outcome: 'termination', pattern: /прекращ/i },
  { outcome: 'conviction', pattern: /обвинительн|вынесен\S*\s+приговор|^\s*приговор|осужд|назначени\S*\s+административного\s+наказания/i },
  { outcome: 'transferred', pattern: /(направлен|передан)\S*\s+(по\s+подсудности|по\s+подследственности)/i },
];

const GROUND_RULES: { ground: TerminationGround; pattern: RegExp }[] = [
  { ground: 'court_fine', pattern: /судебн\S*\s+штраф|25\.1\s+УПК|76\.2\s+УК/i },
  { ground: 'contract_signed', pattern: /контракт|78\.1\s+УК|призыв\S*\s+на\s+военную\s+службу\s+в\s+период\s+мобилизации|специальн\S*\s+военн\S*\s+операци/i },
  { ground: 'reconciliation', pattern: /примирени/i },
  { ground: 'active_repentance', pattern: /деятельн\S*\s+раскаяни/i },
  { ground: 'limitation', pattern: /давност/i },
  { ground: 'amnesty', pattern: /амнисти/i },
  { ground: 'death', pattern: /смерт/i },
  { ground: 'no_crime', pattern: /отсутстви\S*\s+(состава|события)/i },
];

const SENTENCE_RULES: { kind: SentenceKind; pattern: RegExp }[] = [
  { kind: 'disciplinary_unit', pattern: /дисциплинарн\S*\s+воинск\S*\s+част/i },
  { kind: 'suspended', pattern: /условн|испытательн/i },
  { kind: 'imprisonment', pattern: /лишени\S*\s+свободы/i },
  { kind: 'restriction_of_service', pattern: /ограничени\S*\s+по\s+военной\s+службе/i },
  { kind: 'forced_labour', pattern: /принудительн\S*\s+работ/i },
  { kind: 'correctional_labour', pattern: /исправительн\S*\s+работ/i },
  { kind: 'fine', pattern: /штраф/i },
];

const WORD_NUMBERS: Record<string, number> = {
  один: 1,
  одного: 1,
  одному: 1,
  два: 2,
  двух: 2,
  три: 3,
  трех: 3,
  трёх: 3,
  четыре: 4,
  четырех: 4,
  четырёх: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  одиннадцать: 11,
  одиннадцати: 11,
  двенадцать: 12,
  двенадцати: 12,
};

function number(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  return WORD_NUMBERS[token.toLowerCase()] ?? null;
}

/** Months in the first "N лет M месяцев" / "N год(а)" / "M месяц(ев)" after `from` in the text. */
export function termMonths(text: string, from = 0): number | null {
  const slice = text.slice(from);
  // The longer unit first, and no letter after it: "2 года 6 месяцев" is not "2 год" followed by "а 6 месяцев".
  const re =
    /(\d+|[а-яё]+)(?:\s*\([а-яё\s]+\))?\s+(года|год|лет|месяцев|месяца|месяц)(?![а-яё])(?:\s+(\d+|[а-яё]+)(?:\s*\([а-яё\s]+\))?\s+(месяцев|месяца|месяц)(?![а-яё]))?/i;
  const m = re.exec(slice);
  if (!m) return null;
  const first = number(m[1] ?? '');
  if (first === null) return null;
  const unit = (m[2] ?? '').toLowerCase();
  let months = unit.startsWith('месяц') ? first : first * 12;
  if (m[3] && !unit.startsWith('месяц')) {
    const extra = number(m[3]);
    if (extra !== null) months += extra;
  }
  return months;
}

function fineRub(text: string): number | null {
  const m = /штраф\S*\s+в\s+размере\s+([\d\s]+)\s*(?:\(|руб)/i.exec(text);
  if (!m?.[1]) return null;
  const value = Number(m[1].replace(/\s/g, ''));
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function extractSentence(text: string): Sentence | null {
  const rule = SENTENCE_RULES.find((r) => r.pattern.test(text));
  if (!rule) return null;
  const sentence: Sentence = { kind: rule.kind, termMonths: null, probationMonths: null, fineRub: null };
  if (rule.kind === 'fine') {
    sentence.fineRub = fineRub(text);
    return sentence;
  }
  const anchor = rule.kind === 'suspended' ? /лишени\S*\s+свободы|сроком|срок/i : rule.pattern;
  const at = anchor.exec(text);
  sentence.termMonths = termMonths(text, at ? at.index : 0);
  if (rule.kind === 'suspended') {
    const probation = /испытательн\S*\s+срок\S*/i.exec(text);
    sentence.probationMonths = probation ? termMonths(text, probation.index) : null;
  }
  const fine = fineRub(text);
  if (fine !== null) sentence.fineRub = fine;
  return sentence;
}

export function classifyOutcome(text: string | null | undefined): OutcomeInfo | null {
  const value = text?.trim();
  if (!value) return null;
  const rule = OUTCOME_RULES.find((r) => r.pattern.test(value));
  if (!rule) return { outcome: 'unknown', ground: null, sentence: null, text: value, unrecognised: true, source: 'result' };
  const ground = rule.outcome === 'termination' ? (GROUND_RULES.find((g) => g.pattern.test(value))?.ground ?? 'other') : null;
  const sentence = rule.outcome === 'conviction' ? extractSentence(value) : null;
  return { outcome: rule.outcome, ground, sentence, text: value, unrecognised: false, source: 'result' };
}

const OPERATIVE = /П\s?Р\s?И\s?Г\s?О\s?В\s?О\s?Р\s?И\s?Л|П\s?О\s?С\s?Т\s?А\s?Н\s?О\s?В\s?И\s?Л/;

/**
 * Reads the outcome from a published judgment (приговор) or decision (постановление) when the card's result
 * field says nothing: the operative part after "ПРИГОВОРИЛ"/"ПОСТАНОВИЛ" states guilt and the sentence, an
 * acquittal, or a termination. Returns null when the act has no recognisable operative part.
 */
export function outcomeFromAct(title: string, body: string): OutcomeInfo | null {
  const isJudgment = /приговор/i.test(title);
  if (!isJudgment && !/постановлени/i.test(title)) return null;
  const marker = OPERATIVE.exec(body);
  if (!marker) return null;
  const operative = body.slice(marker.index, marker.index + 2000);
  const base = { text: title, unrecognised: false, source: 'act' as const };
  if (isJudgment && /признать\s[\s\S]{0,200}?невиновн|оправдать/i.test(operative)) return { ...base, outcome: 'acquittal', ground: null, sentence: null };
  if (isJudgment && /признать\s[\s\S]{0,200}?виновн/i.test(operative))
    return { ...base, outcome: 'conviction', ground: null, sentence: extractSentence(operative) };
  if (/прекратить\s+уголовное\s+дело|уголовное\s+дело[\s\S]{0,300}?прекратить/i.test(operative)) {
    return { ...base, outcome: 'termination', ground: GROUND_RULES.find((g) => g.pattern.test(operative))?.ground ?? 'other', sentence: null };
  }
  return null;
}
