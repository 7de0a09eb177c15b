/**
 * The explanation of a computed deadline, in English or Russian. The engine (compute.ts) records what it did as
 * structured steps — no sentences, no language — and this module writes each step as a sentence in the language
 * asked. One renderer for every place a step is shown: the command line, the API's `explanation` (the `language`
 * parameter), the reminder e-mails (the member's language) and the web app (its current language; it imports this
 * module, so it must stay pure: no Node module, nothing but ./dates.ts).
 *
 * Holiday names stay as the holiday calendar gives them, in the language of the country (Karfreitag, Fête
 * nationale): that is the name the court and the notification use.
 */
import { type PlainDate, weekdayIndex } from './dates.ts';

export const EXPLANATION_LANGUAGES = ['en', 'ru'] as const;
export type ExplanationLanguage = (typeof EXPLANATION_LANGUAGES)[number];

/** A text of the rule data in both languages. */
export interface Localized {
  readonly en: string;
  readonly ru: string;
}

export interface StepPeriod {
  readonly amount: number;
  readonly unit: 'days' | 'weeks' | 'months' | 'years';
}

/**
 * One step of the computation, in order. `event` is the rule's name of what the period runs from ("served",
 * "дата вручения"); dates are YYYY-MM-DD.
 */
export type DeadlineStep =
  /** The holiday calendar used; `defaultNote` when the rule's default was taken (why it is the default). */
  | { readonly kind: 'holidays'; readonly region: string; readonly defaultNote: Localized | null }
  /** File the urgent application (§ 80(5) VwGO) within the same period. */
  | { readonly kind: 'urgent' }
  /** The period added to the event's date. */
  | { readonly kind: 'period'; readonly event: Localized; readonly from: PlainDate; readonly period: StepPeriod; readonly end: PlainDate }
  /** The month of the end has no day with that number: its last day. */
  | { readonly kind: 'monthEnd'; readonly end: PlainDate }
  /** The overseas extension (France, délai de distance): the whole period from the event again. */
  | {
      readonly kind: 'overseas';
      readonly extension: StepPeriod;
      readonly text: Localized;
      readonly event: Localized;
      readonly from: PlainDate;
      readonly period: StepPeriod;
      readonly end: PlainDate;
    }
  /** A legal-aid request in time: the deadline is suspended with `daysLeft` days left (from `requested` to `end`). */
  | {
      readonly kind: 'legalAidRequested';
      readonly requested: PlainDate;
      readonly day: number;
      readonly withinDays: number;
      readonly event: Localized;
      readonly from: PlainDate;
      readonly daysLeft: number;
      readonly end: PlainDate;
    }
  /** Still suspended: no legal-aid decision notified yet. */
  | { readonly kind: 'suspended' }
  /** The rest of the period from the notification of the legal-aid decision. */
  | { readonly kind: 'legalAidDecided'; readonly decided: PlainDate; readonly daysLeft: number; readonly end: PlainDate }
  /** A day that is no working day: a public holiday (`holiday`: its name) or a Saturday or Sunday (`holiday`: null). */
  | { readonly kind: 'nonWorking'; readonly date: PlainDate; readonly holiday: string | null; readonly region: string }
  /** The first working day after the non-working ones. */
  | { readonly kind: 'nextWorkingDay'; readonly date: PlainDate }
  | { readonly kind: 'workingDay'; readonly date: PlainDate; readonly region: string }
  /** A manual rule: the date of the order or notice. */
  | { readonly kind: 'event'; readonly event: Localized; readonly date: PlainDate }
  /** A manual rule: the date as set by the court or authority. */
  | { readonly kind: 'setByHand'; readonly date: PlainDate }
  /** A manual rule: the date set falls on a non-working day and is kept as set (not asked to shift). */
  | { readonly kind: 'keptAsSet'; readonly date: PlainDate; readonly holiday: string | null; readonly region: string }
  /** The last day to file. */
  | { readonly kind: 'due'; readonly date: PlainDate };

export type DeadlineStepKind = DeadlineStep['kind'];

const WEEKDAYS: Record<ExplanationLanguage, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  ru: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
};

/** "2026-03-19 (Thursday)", "2026-03-19 (четверг)". */
export function dateIn(date: PlainDate, language: ExplanationLanguage): string {
  return `${date} (${WEEKDAYS[language][weekdayIndex(date)] ?? ''})`;
}

/** The Russian form of a noun after a number: 1 день, 2 дня, 5 дней (11–14: дней). */
export function russianPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const RU_UNITS: Record<StepPeriod['unit'], readonly [string, string, string]> = {
  days: ['день', 'дня', 'дней'],
  weeks: ['неделя', 'недели', 'недель'],
  months: ['месяц', 'месяца', 'месяцев'],
  years: ['год', 'года', 'лет'],
};

/** "2 weeks", "1 month"; "2 недели", "1 месяц". */
export function periodIn(period: StepPeriod, language: ExplanationLanguage): string {
  if (language === 'ru') return `${period.amount} ${russianPlural(period.amount, ...RU_UNITS[period.unit])}`;
  return `${period.amount} ${period.amount === 1 ? period.unit.replace(/s$/, '') : period.unit}`;
}

const ruDays = (n: number) => `${n} ${russianPlural(n, 'день', 'дня', 'дней')}`;

/** Why a day is no working day: "2026-04-03 (Friday) is Karfreitag (public holiday in DE-BE)". */
export function nonWorkingIn(
  step: { readonly date: PlainDate; readonly holiday: string | null; readonly region: string },
  language: ExplanationLanguage,
): string {
  const day = dateIn(step.date, language);
  if (language === 'ru') return step.holiday ? `${day} — праздничный день в ${step.region} (${step.holiday})` : `${day} — выходной день`;
  return step.holiday ? `${day} is ${step.holiday} (public holiday in ${step.region})` : `${day} is a ${WEEKDAYS.en[weekdayIndex(step.date)] ?? ''}`;
}

function english(step: DeadlineStep): string {
  const d = (date: PlainDate) => dateIn(date, 'en');
  switch (step.kind) {
    case 'holidays':
      return step.defaultNote ? `holidays: ${step.region} (the default; ${step.defaultNote.en})` : `holidays: ${step.region}`;
    case 'urgent':
      return 'urgent: file the urgent application (§ 80(5) VwGO) within the same period — the suit alone does not stop removal';
    case 'period':
      return `${step.event.en} ${d(step.from)} + ${periodIn(step.period, 'en')} = ${d(step.end)}`;
    case 'monthEnd':
      return `no such day in that month: the period ends on its last day, ${d(step.end)}`;
    case 'overseas':
      return `overseas: + ${periodIn(step.extension, 'en')} (${step.text.en}): ${step.event.en} ${d(step.from)} + ${periodIn(step.period, 'en')} = ${d(step.end)}`;
    case 'legalAidRequested':
      return `legal aid requested ${d(step.requested)}, day ${step.day} after ${step.event.en} ${step.from} (within ${step.withinDays} days): the deadline is suspended with ${step.daysLeft} days left (${d(step.requested)} to ${d(step.end)})`;
    case 'suspended':
      return 'suspended: the rest of the period runs from the notification of the legal-aid decision (enter that date)';
    case 'legalAidDecided':
      return `legal-aid decision notified ${d(step.decided)} + ${step.daysLeft} days left = ${d(step.end)}`;
    case 'nonWorking':
      return nonWorkingIn(step, 'en');
    case 'nextWorkingDay':
      return `→ next working day ${d(step.date)}`;
    case 'workingDay':
      return `${d(step.date)} is a working day in ${step.region}`;
    case 'event':
      return `${step.event.en} ${d(step.date)}`;
    case 'setByHand':
      return `set by hand: ${d(step.date)}`;
    case 'keptAsSet':
      return `${nonWorkingIn(step, 'en')}: kept as set (check the order; it moves to the next working day only when that is asked for)`;
    case 'due':
      return `due: ${d(step.date)}`;
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

function russian(step: DeadlineStep): string {
  const d = (date: PlainDate) => dateIn(date, 'ru');
  switch (step.kind) {
    case 'holidays':
      return step.defaultNote
        ? `календарь праздничных дней: ${step.region} (по умолчанию; ${step.defaultNote.ru})`
        : `календарь праздничных дней: ${step.region}`;
    case 'urgent':
      return 'срочно: в тот же срок подайте срочное ходатайство (§ 80(5) VwGO) — сам иск не приостанавливает выдворение';
    case 'period':
      return `${step.event.ru} ${d(step.from)} + ${periodIn(step.period, 'ru')} = ${d(step.end)}`;
    case 'monthEnd':
      return `в этом месяце нет дня с таким числом: срок истекает в последний день месяца, ${d(step.end)}`;
    case 'overseas':
      return `дополнительный срок: + ${periodIn(step.extension, 'ru')} (${step.text.ru}): ${step.event.ru} ${d(step.from)} + ${periodIn(step.period, 'ru')} = ${d(step.end)}`;
    case 'legalAidRequested':
      return `ходатайство о юридической помощи подано ${d(step.requested)}, на ${step.day}-й день (${step.event.ru} — ${step.from}), то есть в пределах ${step.withinDays} ${russianPlural(step.withinDays, 'дня', 'дней', 'дней')}: течение срока приостановлено, остаётся ${ruDays(step.daysLeft)} (с ${d(step.requested)} по ${d(step.end)})`;
    case 'suspended':
      return 'срок приостановлен: оставшаяся часть срока начнёт течь со дня уведомления о решении по ходатайству о юридической помощи (укажите эту дату)';
    case 'legalAidDecided':
      return `уведомление о решении по юридической помощи ${d(step.decided)} + ${russianPlural(step.daysLeft, 'оставшийся', 'оставшиеся', 'оставшиеся')} ${ruDays(step.daysLeft)} = ${d(step.end)}`;
    case 'nonWorking':
      return nonWorkingIn(step, 'ru');
    case 'nextWorkingDay':
      return `→ следующий рабочий день: ${d(step.date)}`;
    case 'workingDay':
      return `${d(step.date)} — рабочий день в ${step.region}`;
    case 'event':
      return `${step.event.ru}: ${d(step.date)}`;
    case 'setByHand':
      return `дата введена вручную: ${d(step.date)}`;
    case 'keptAsSet':
      return `${nonWorkingIn(step, 'ru')}: дата оставлена как назначена (сверьтесь с документом, которым она назначена; перенос на следующий рабочий день — только по запросу)`;
    case 'due':
      return `последний день срока: ${d(step.date)}`;
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

/** A source's citation as a reader of `language` sees it (a citation that is words has them in Russian too). */
export function citationIn(source: { readonly citation: string; readonly ru?: string | undefined }, language: ExplanationLanguage): string {
  return language === 'ru' && source.ru ? source.ru : source.citation;
}

/** One step as a sentence in `language`. */
export function explainStep(step: DeadlineStep, language: ExplanationLanguage): string {
  return language === 'ru' ? russian(step) : english(step);
}

/** Every step, in order. */
export function explainSteps(steps: readonly DeadlineStep[], language: ExplanationLanguage): string[] {
  return steps.map((step) => explainStep(step, language));
}

/** The reason a date set by hand was kept on a non-working day (the `keptAsSet` step), or null. */
export function keptOnNonWorkingDay(steps: readonly DeadlineStep[], language: ExplanationLanguage): string | null {
  const kept = steps.find((s) => s.kind === 'keptAsSet');
  return kept ? nonWorkingIn(kept, language) : null;
}
