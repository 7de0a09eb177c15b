/**
 * Computes a deadline from a rule and the dates of a case: the end of the period, the move past a weekend or a
 * public holiday, the French legal-aid suspension and overseas extension, or a date set by a judge. Every result
 * carries its explanation: each arithmetic step, in order, with the rule's sources. Pure: the rules and the holiday
 * calendars are its only inputs besides the arguments.
 */
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { addDays, addMonths, addYears, daysBetween, isPlainDate, isWeekend, type PlainDate, yearOf } from './dates.ts';
import { type DeadlineStep, type ExplanationLanguage, explainSteps, keptOnNonWorkingDay, type Localized, nonWorkingIn } from './explain.ts';
import { holidayOn } from './holidays.ts';
import { type DateField, type DeadlineRefusal, refusalIn, shownValue } from './refusals.ts';
import { bundledRules, type DeadlineRule, type Period, type Source } from './rules.ts';

/** What a deadline is computed from. Dates are calendar dates, YYYY-MM-DD. */
export interface DeadlineInput {
  /** The event the period runs from (service, notification, arrival, decision); for a manual rule, optionally the order's date. */
  readonly from?: PlainDate;
  /** A manual rule: the date the judge or authority set. */
  readonly due?: PlainDate;
  /** The holiday calendar: `DE` or `DE-XX` (the Land of the court), `FR`, `US`; default: the rule's country default. */
  readonly region?: string;
  /** France: the applicant is overseas (délai de distance, one more month). */
  readonly overseas?: boolean;
  /** France: when legal aid was requested (suspends the deadline when within 15 days of the notification). */
  readonly legalAidRequestedOn?: PlainDate;
  /** France: when the legal-aid decision was notified (the rest of the period runs from it). */
  readonly legalAidDecidedOn?: PlainDate;
  /** A manual rule: move a date that falls on a non-working day to the next working day (default: keep it, flagged). */
  readonly shift?: boolean;
}

export interface DeadlineResult {
  readonly rule: string;
  readonly country: string;
  readonly title: string;
  /** `due`: the date is known; `suspended`: legal aid was requested and its decision is not yet notified. */
  readonly status: 'due' | 'suspended';
  /** The last day to file (null while suspended). */
  readonly due: PlainDate | null;
  /** The last day of the period before any move past a non-working day (null while suspended). */
  readonly endOfPeriod: PlainDate | null;
  /** The holiday calendar used. */
  readonly region: string;
  /** Whether the date was moved past a Saturday, Sunday or public holiday. */
  readonly shifted: boolean;
  /** A manual date that falls on a non-working day and was kept as given (why), else null. */
  readonly nonWorkingDay: string | null;
  /** File an urgent application too (§ 80(5) VwGO): the main remedy alone does not stop removal. */
  readonly urgentApplication: boolean;
  /** Each step of the computation, in order, as a sentence (in English, unless `inLanguage` rendered it). */
  readonly explanation: readonly string[];
  /** The same steps, structured: what the web app and the e-mails write in their own language (src/deadlines/explain.ts). */
  readonly steps: readonly DeadlineStep[];
  /** The rule's sources and those of every step applied. */
  readonly sources: readonly Source[];
  readonly note: string | null;
}

/**
 * The engine refused the input (code `deadlines.input`): `refusal` says why, as data (src/deadlines/refusals.ts);
 * the message is that refusal written in `language` (English unless asked), starting with the field. The API's
 * problem answer carries `reason`, `field` and `refusal` as members.
 */
export class DeadlineInputError extends OtkazError {
  readonly refusal: DeadlineRefusal;
  readonly language: ExplanationLanguage;
  constructor(refusal: DeadlineRefusal, language: ExplanationLanguage = 'en') {
    super(ErrorCode.DeadlineInput, refusalIn(refusal, language), { details: { reason: refusal.reason, field: refusal.field, refusal } });
    this.name = 'DeadlineInputError';
    this.refusal = refusal;
    this.language = language;
  }

  /** The same refusal, its message in `language`. */
  inLanguage(language: ExplanationLanguage): DeadlineInputError {
    return language === this.language ? this : new DeadlineInputError(this.refusal, language);
  }
}

const bad = (refusal: DeadlineRefusal) => new DeadlineInputError(refusal);

/** The two texts only (a refusal carries no more of the rule than it names). */
const localized = (text: Localized): Localized => ({ en: text.en, ru: text.ru });

/** The years dates may fall in (the holiday calendars and the rules are for present-day procedures). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2199;

function checkDate(field: DateField, value: PlainDate | undefined): void {
  if (value === undefined) return;
  if (!isPlainDate(value)) throw bad({ reason: 'not_a_date', field, given: shownValue('date', value) });
  const year = yearOf(value);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw bad({ reason: 'year_out_of_range', field, date: value, first: FIRST_YEAR, last: LAST_YEAR });
}

/** The last day of a period that starts the day after `from`. */
function endOf(from: PlainDate, period: Period): { date: PlainDate; clamped: boolean } {
  switch (period.unit) {
    case 'days':
      return { date: addDays(from, period.amount), clamped: false };
    case 'weeks':
      return { date: addDays(from, period.amount * 7), clamped: false };
    case 'months':
      return addMonths(from, period.amount);
    case 'years':
      return addYears(from, period.amount);
    default: {
      const unreachable: never = period.unit;
      return unreachable;
    }
  }
}

type NonWorking = { date: PlainDate; holiday: string | null; region: string };

/** Why `date` is no working day in `region` (a public holiday, or a Saturday or Sunday), or null. */
function nonWorking(date: PlainDate, region: string): NonWorking | null {
  const holiday = holidayOn(date, region);
  if (holiday) return { date, holiday, region };
  if (isWeekend(date)) return { date, holiday: null, region };
  return null;
}

/** Why `date` is no working day in `region`, in English, or null. */
export function nonWorkingReason(date: PlainDate, region: string): string | null {
  const reason = nonWorking(date, region);
  return reason ? nonWorkingIn(reason, 'en') : null;
}

/** The first working day from `date` on, with a step per day passed. */
function nextWorkingDay(date: PlainDate, region: string): { date: PlainDate; steps: DeadlineStep[] } {
  const steps: DeadlineStep[] = [];
  let day = date;
  for (let reason = nonWorking(day, region); reason; reason = nonWorking(day, region)) {
    steps.push({ kind: 'nonWorking', ...reason });
    day = addDays(day, 1);
  }
  if (steps.length) steps.push({ kind: 'nextWorkingDay', date: day });
  return { date: day, steps };
}

function regionFor(rule: DeadlineRule, region: string | undefined, steps: DeadlineStep[]): string {
  if (region === undefined) {
    steps.push({ kind: 'holidays', region: rule.holidays.defaultRegion, defaultNote: rule.holidays.note });
    return rule.holidays.defaultRegion;
  }
  const upper = region.toUpperCase();
  if (!rule.holidays.regions.includes(upper))
    throw bad({ reason: 'unknown_region', field: 'region', given: shownValue('region', region), country: rule.country, regions: [...rule.holidays.regions] });
  steps.push({ kind: 'holidays', region: upper, defaultNote: null });
  return upper;
}

/** The result with its sentences (`explanation`, `nonWorkingDay`), title and note written in `language`. */
export function inLanguage(result: DeadlineResult, language: ExplanationLanguage, rules: readonly DeadlineRule[] = bundledRules()): DeadlineResult {
  const rule = rules.find((r) => r.id === result.rule);
  return {
    ...result,
    title: rule?.title[language] ?? result.title,
    note: rule?.note?.[language] ?? result.note,
    nonWorkingDay: keptOnNonWorkingDay(result.steps, language),
    explanation: explainSteps(result.steps, language),
  };
}

/**
 * The deadline of rule `ruleId` for `input`. Throws a `DeadlineInputError` (code deadlines.input, a stable reason,
 * the field) for an unknown rule, a bad date, a missing date, dates in the wrong order, an option the rule does not
 * have, or a legal-aid request too late to suspend the deadline (src/deadlines/refusals.ts).
 */
export function computeDeadline(ruleId: string, input: DeadlineInput, rules: readonly DeadlineRule[] = bundledRules()): DeadlineResult {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) throw bad({ reason: 'unknown_rule', field: 'rule', given: shownValue('rule', ruleId), rules: rules.map((r) => r.id) });
  for (const field of ['from', 'due', 'legalAidRequestedOn', 'legalAidDecidedOn'] as const) checkDate(field, input[field]);
  const steps: DeadlineStep[] = [];
  const sources: Source[] = [...rule.sources];
  const addSources = (more: readonly Source[]) => {
    for (const s of more) if (!sources.some((k) => k.citation === s.citation)) sources.push(s);
  };
  const region = regionFor(rule, input.region, steps);
  const base = {
    rule: rule.id,
    country: rule.country,
    title: rule.title.en,
    region,
    urgentApplication: rule.urgentApplication,
    note: rule.note?.en ?? null,
  };
  if (rule.urgentApplication) steps.push({ kind: 'urgent' });

  if (rule.kind === 'manual') return manual(rule, input, { base, steps, sources, addSources });

  const period = rule.period;
  if (!period) throw bad({ reason: 'rule_without_period', field: 'rule', rule: rule.id });
  const event = localized(rule.event);
  if (input.from === undefined) throw bad({ reason: 'required', field: 'from', event });
  if (input.due !== undefined) throw bad({ reason: 'only_manual', field: 'due', rule: rule.id });
  if (input.shift !== undefined) throw bad({ reason: 'only_manual', field: 'shift', rule: rule.id });
  const from = input.from;
  addSources(rule.counting.sources);

  let end = endOf(from, period);
  steps.push({ kind: 'period', event, from, period, end: end.date });
  if (end.clamped) steps.push({ kind: 'monthEnd', end: end.date });

  if (input.overseas) {
    const overseas = rule.options.overseas;
    if (!overseas) throw bad({ reason: 'no_such_option', field: 'overseas', rule: rule.id });
    if (overseas.extension.unit !== period.unit) throw bad({ reason: 'extension_unit', field: 'overseas', rule: rule.id });
    const total: Period = { amount: period.amount + overseas.extension.amount, unit: period.unit };
    end = endOf(from, total);
    steps.push({ kind: 'overseas', extension: overseas.extension, text: overseas.text, event, from, period: total, end: end.date });
    if (end.clamped) steps.push({ kind: 'monthEnd', end: end.date });
    addSources(overseas.sources);
  }

  let endOfPeriod = end.date;
  const requested = input.legalAidRequestedOn;
  const decided = input.legalAidDecidedOn;
  if (requested !== undefined || decided !== undefined) {
    const legalAid = rule.options.legalAid;
    if (!legalAid) throw bad({ reason: 'no_such_option', field: requested !== undefined ? 'legalAidRequestedOn' : 'legalAidDecidedOn', rule: rule.id });
    if (requested === undefined) throw bad({ reason: 'required', field: 'legalAidRequestedOn' });
    addSources(legalAid.sources);
    const after = daysBetween(from, requested);
    if (after < 0) throw bad({ reason: 'before_event', field: 'legalAidRequestedOn', date: requested, event, from });
    if (after > legalAid.withinDays)
      throw bad({
        reason: 'legal_aid_too_late',
        field: 'legalAidRequestedOn',
        requested,
        days: after,
        withinDays: legalAid.withinDays,
        event,
        from,
        end: endOfPeriod,
      });
    const remaining = daysBetween(requested, endOfPeriod);
    steps.push({ kind: 'legalAidRequested', requested, day: after, withinDays: legalAid.withinDays, event, from, daysLeft: remaining, end: endOfPeriod });
    if (decided === undefined) {
      steps.push({ kind: 'suspended' });
      return finish({ ...base, status: 'suspended', due: null, endOfPeriod: null, shifted: false, steps, sources });
    }
    if (daysBetween(requested, decided) < 0) throw bad({ reason: 'before_request', field: 'legalAidDecidedOn', date: decided, requested });
    endOfPeriod = addDays(decided, remaining);
    steps.push({ kind: 'legalAidDecided', decided, daysLeft: remaining, end: endOfPeriod });
  }

  const next = nextWorkingDay(endOfPeriod, region);
  if (next.steps.length) {
    steps.push(...next.steps);
    addSources(rule.nonWorkingDays.sources);
  } else steps.push({ kind: 'workingDay', date: endOfPeriod, region });
  steps.push({ kind: 'due', date: next.date });
  return finish({ ...base, status: 'due', due: next.date, endOfPeriod, shifted: next.date !== endOfPeriod, steps, sources });
}

/** The result with its English sentences: the explanation and, for a date kept on a non-working day, why. */
function finish(result: Omit<DeadlineResult, 'explanation' | 'nonWorkingDay'>): DeadlineResult {
  return { ...result, nonWorkingDay: keptOnNonWorkingDay(result.steps, 'en'), explanation: explainSteps(result.steps, 'en') };
}

interface Partial {
  base: Pick<DeadlineResult, 'rule' | 'country' | 'title' | 'region' | 'urgentApplication' | 'note'>;
  steps: DeadlineStep[];
  sources: Source[];
  addSources: (more: readonly Source[]) => void;
}

/** A date set by a judge: kept as given; a non-working day is flagged, and moved only when `shift` is asked. */
function manual(rule: DeadlineRule, input: DeadlineInput, { base, steps, sources, addSources }: Partial): DeadlineResult {
  const due = input.due;
  if (due === undefined) throw bad({ reason: 'required', field: 'due' });
  for (const field of ['overseas', 'legalAidRequestedOn', 'legalAidDecidedOn'] as const)
    if (input[field] !== undefined && input[field] !== false) throw bad({ reason: 'not_for_manual', field, rule: rule.id });
  if (input.from !== undefined) {
    if (daysBetween(input.from, due) < 0) throw bad({ reason: 'before_event', field: 'due', date: due, event: localized(rule.event), from: input.from });
    steps.push({ kind: 'event', event: rule.event, date: input.from });
  }
  steps.push({ kind: 'setByHand', date: due });
  const reason = nonWorking(due, base.region);
  if (!reason) {
    steps.push({ kind: 'workingDay', date: due, region: base.region }, { kind: 'due', date: due });
    return finish({ ...base, status: 'due', due, endOfPeriod: due, shifted: false, steps, sources });
  }
  addSources(rule.nonWorkingDays.sources);
  if (!input.shift) {
    steps.push({ kind: 'keptAsSet', ...reason }, { kind: 'due', date: due });
    return finish({ ...base, status: 'due', due, endOfPeriod: due, shifted: false, steps, sources });
  }
  const next = nextWorkingDay(due, base.region);
  steps.push(...next.steps, { kind: 'due', date: next.date });
  return finish({ ...base, status: 'due', due: next.date, endOfPeriod: due, shifted: true, steps, sources });
}
