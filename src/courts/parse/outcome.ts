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
  // Press reports name the colony instead ("шесть лет в исправительной колонии общего режима").
  {
    kind: 'imprisonment',
    pattern: /лишени\S*\s+свободы|(?:в\s+)?(?:исправительн\S*\s+)?колони\S*\s+(?:общего|строгого|особого)\s+режима|(?:в\s+)?колони\S*-поселени\S*/i,
  },
  { kind: 'restriction_of_service', pattern: /ограничени\S*\s+по\s+военной\s+службе/i },
  { kind: 'forced_labour', pattern: /принудительн\S*\s+работ/i },
  { kind: 'correctional_labour', pattern: /исправительн\S*\s+работ/i },
  { kind: 'fine', pattern: /штраф/i },
];

const WORD_NUMBERS: Record<string, number> = {};
// Cardinal numbers as sentences write them, in the cases a term takes: "два года", "двух лет", "двум годам".
for (const [value, forms] of [
  [1, 'один одного одному одним'],
  [2, 'два двух двум двумя'],
  [3, 'три трех трёх трем трём тремя'],
  [4, 'четыре четырех четырёх четырем четырём четырьмя'],
  [5, 'пять пяти пятью'],
  [6, 'шесть шести шестью'],
  [7, 'семь семи семью'],
  [8, 'восемь восьми восемью'],
  [9, 'девять девяти девятью'],
  [10, 'десять десяти десятью'],
  [11, 'одиннадцать одиннадцати'],
  [12, 'двенадцать двенадцати'],
  [13, 'тринадцать тринадцати'],
  [14, 'четырнадцать четырнадцати'],
  [15, 'пятнадцать пятнадцати'],
  [16, 'шестнадцать шестнадцати'],
  [17, 'семнадцать семнадцати'],
  [18, 'восемнадцать восемнадцати'],
  [19, 'девятнадцать девятнадцати'],
  [20, 'двадцать двадцати'],
] as const) {
  for (const form of forms.split(' ')) WORD_NUMBERS[form] = value;
}

function number(token: string): number | null {
  if (/^\d+(?:,\d+)?$/.test(token)) return Number(token.replace(',', '.'));
  return WORD_NUMBERS[token.toLowerCase()] ?? null;
}

// A count, in digits or words, optionally followed by the words in brackets: "2", "2 (два)", "два".
const COUNT = String.raw`(\d+(?:,\d+)?|[а-яё]+)(?:\s*\(\s*[а-яё\s]+\))?`;
// Every case of "год" and "месяц" a term is written in ("2 года", "к 2 годам", "сроком в 1 год"); the
// longer forms come first so that "года" is never read as "год" followed by a stray "а".
const YEARS = String.raw`(?:годами|годам|годом|года|году|год|лет)`;
const MONTHS = String.raw`(?:месяцами|месяцам|месяцев|месяцем|месяца|месяцу|месяц)`;
const NOT_LETTER = String.raw`(?![а-яё])`;
const TERM = new RegExp(`${COUNT}\\s+(${YEARS}|${MONTHS})${NOT_LETTER}(?:\\s+(?:и\\s+)?${COUNT}\\s+${MONTHS}${NOT_LETTER})?`, 'i');
const TERM_AT_START = new RegExp(`^\\s*${TERM.source}`, 'i');
const TERM_AT_END = new RegExp(`${TERM.source}\\s*$`, 'i');

function monthsOf(m: RegExpMatchArray): number | null {
  const first = number(m[1] ?? '');
  if (first === null) return null;
  const inMonths = /^месяц/i.test(m[2] ?? '');
  // "5,5 года" is how the press writes 5 years 6 months.
  let months = inMonths ? first : Math.round(first * 12);
  if (m[3] && !inMonths) {
    const extra = number(m[3]);
    if (extra === null) return null;
    months += extra;
  }
  return months;
}

/**
 * Months in the first term ("2 года 6 месяцев", "2 (два) года", "пять лет", "8 месяцев", "к 1 году 2 месяцам")
 * at or after `from` in the text; null when there is none.
 */
export function termMonths(text: string, from = 0): number | null {
  const all = new RegExp(TERM.source, 'gi');
  for (const m of text.slice(from).matchAll(all)) {
    const months = monthsOf(m);
    if (months !== null) return months;
  }
  return null;
}

/**
 * The term that belongs to a punishment named at [start, end) in the text: written right after it ("лишения
 * свободы на срок 2 года 6 месяцев", "… сроком на 2 года") or right before it ("2 лет 6 месяцев лишения свободы",
 * "к 2 годам лишения свободы"). A term further away belongs to something else (an additional punishment, a time
 * limit for paying a fine), so it is not taken; a redacted term ("<данные изъяты> лишения свободы") gives null.
 */
function termNextTo(text: string, start: number, matchEnd: number): number | null {
  const end = matchEnd + (/^[а-яё]*/i.exec(text.slice(matchEnd))?.[0].length ?? 0); // "воинской част|и"
  const after = /^\s*(?:(?:на\s+срок|сроком|срок)(?:\s+(?:на|в))?|на)\s+/i.exec(text.slice(end, end + 40));
  if (after) {
    const m = TERM_AT_START.exec(text.slice(end + after[0].length, end + after[0].length + 80));
    if (m) return monthsOf(m);
  }
  const m = TERM_AT_END.exec(text.slice(Math.max(0, start - 80), start));
  return m ? monthsOf(m) : null;
}

export type ColonyRegime = NonNullable<Sentence['colony']>;

/** The regime of the correctional colony the sentence names ("в исправительной колонии общего режима"). */
export function colonyRegime(text: string): ColonyRegime | null {
  if (/колони\S*[\s-]+поселени/i.test(text)) return 'settlement';
  const m = /колони\S*\s+(общего|строгого|особого)\s+режима/i.exec(text);
  if (!m?.[1]) return null;
  return ({ общего: 'general', строгого: 'strict', особого: 'special' } as const)[m[1].toLowerCase() as 'общего' | 'строгого' | 'особого'];
}

/** A fine in roubles: "штраф в размере 50 000 рублей", "штрафа в размере 100 000 (сто тысяч) руб.", "штрафа в доход государства в размере …". */
export function fineRub(text: string): number | null {
  const m = /штраф\S*(?:\s+в\s+доход\s+государства)?\s+в\s+размере\s+(\d[\d\s]*?)\s*(?:\(|руб)/i.exec(text);
  if (!m?.[1]) return null;
  const value = Number(m[1].replace(/\s/g, ''));
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function extractSentence(text: string): Sentence | null {
  const rule = SENTENCE_RULES.find((r) => r.pattern.test(text));
  if (!rule) return null;
  const sentence: Sentence = { kind: rule.kind, termMonths: null, probationMonths: null, fineRub: null, colony: null };
  if (rule.kind === 'fine') {
    sentence.fineRub = fineRub(text);
    return sentence;
  }
  // A suspended sentence is a term of imprisonment (or of another punishment) with probation.
  const named =
    rule.kind === 'suspended'
      ? (SENTENCE_RULES.filter((r) => r.kind !== 'suspended' && r.kind !== 'fine')
          .map((r) => r.pattern.exec(text))
          .find((m) => m !== null) ?? null)
      : rule.pattern.exec(text);
  if (named) sentence.termMonths = termNextTo(text, named.index, named.index + named[0].length);
  // "приговорили к 5,5 года условно": a suspended term that names no punishment is the only term there.
  else if (rule.kind === 'suspended') sentence.termMonths = termMonths(text.split(/испытательн/i)[0] ?? '');
  if (rule.kind === 'suspended') {
    const probation = /испытательн\S*\s+срок\S*(?:\s+(?:на|в))?\s+/i.exec(text);
    const m = probation ? TERM_AT_START.exec(text.slice(probation.index + probation[0].length)) : null;
    sentence.probationMonths = m ? monthsOf(m) : null;
  }
  if (rule.kind === 'imprisonment' || rule.kind === 'suspended') sentence.colony = colonyRegime(text);
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

const ACT_TYPES: [string, RegExp][] = [
  ['Приговор', /^П\s?Р\s?И\s?Г\s?О\s?В\s?О\s?Р$/],
  ['Постановление', /^П\s?О\s?С\s?Т\s?А\s?Н\s?О\s?В\s?Л\s?Е\s?Н\s?И\s?Е$/],
  ['Определение', /^О\s?П\s?Р\s?Е\s?Д\s?Е\s?Л\s?Е\s?Н\s?И\s?Е$/],
  ['Решение', /^Р\s?Е\s?Ш\s?Е\s?Н\s?И\s?Е$/],
];

/**
 * The type of an act from its own heading, one of the first lines ("ПОСТАНОВЛЕНИЕ", "АПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ",
 * "П Р И Г О В О Р"); null when the text has none.
 */
export function actTypeFromText(body: string): string | null {
  for (const line of body.slice(0, 3000).split('\n', 12)) {
    const heading = line
      .trim()
      .replace(/^(АПЕЛЛЯЦИОННОЕ|КАССАЦИОННОЕ|АПЕЛЛЯЦИОННЫЙ|КАССАЦИОННОЕ|ЧАСТНОЕ)\s+/i, '')
      .replace(/[.:]$/, '');
    const found = ACT_TYPES.find(([, pattern]) => pattern.test(heading));
    if (found) return found[0];
  }
  return null;
}

const OPERATIVE = /П\s?Р\s?И\s?Г\s?О\s?В\s?О\s?Р\s?И\s?Л|П\s?О\s?С\s?Т\s?А\s?Н\s?О\s?В\s?И\s?Л/;

/**
 * Reads the outcome from a published judgment (приговор) or decision (постановление) when the card's result
 * field says nothing: the operative part after "ПРИГОВОРИЛ"/"ПОСТАНОВИЛ" states guilt and the sentence, an
 * acquittal, or a termination. Returns null when the act has no recognisable operative part.
 */
export function outcomeFromAct(title: string, body: string): OutcomeInfo | null {
  // The act's own heading says what it is; the tab title only when the text has none.
  const type = actTypeFromText(body) ?? title;
  const isJudgment = /приговор/i.test(type);
  if (!isJudgment && !/постановлени/i.test(type)) return null;
  const marker = OPERATIVE.exec(body);
  if (!marker) return null;
  const operative = body.slice(marker.index, marker.index + 2000);
  const base = { text: title, unrecognised: false, source: 'act' as const };
  if (isJudgment && /признать\s[\s\S]{0,200}?невиновн|оправдать/i.test(operative)) return { ...base, outcome: 'acquittal', ground: null, sentence: null };
  if (isJudgment && /признать\s[\s\S]{0,200}?виновн/i.test(operative))
    return { ...base, outcome: 'conviction', ground: null, sentence: extractSentence(operative) };
  // A decision on an administrative offence: "признать виновной … и назначить ей административное наказание в виде
  // административного штрафа в размере 100 000 (сто тысяч) руб."
  if (!isJudgment && /признать\s[\s\S]{0,200}?виновн[\s\S]{0,400}?административн\S*\s+наказани/i.test(operative))
    return { ...base, outcome: 'conviction', ground: null, sentence: extractSentence(operative) };
  if (/прекратить\s+уголовное\s+дело|уголовное\s+дело[\s\S]{0,300}?прекратить/i.test(operative)) {
    return { ...base, outcome: 'termination', ground: GROUND_RULES.find((g) => g.pattern.test(operative))?.ground ?? 'other', sentence: null };
  }
  return null;
}
