/**
 * Computes a deadline from a rule and the dates of a case: the end of the period, the move past a weekend or a
 * public holiday, the French legal-aid suspension and overseas extension, or a date set by a judge. Every result
 * carries its explanation: each arithmetic step, in order, with the rule's sources. Pure: the rules and the holiday
 * calendars are its only inputs besides the arguments.
 */
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { addDays, addMonths, addYears, daysBetween, describeDate, isPlainDate, isWeekend, type PlainDate, weekday, yearOf } from './dates.ts';
import { holidayOn } from './holidays.ts';
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
  /** Each step of the computation, in order. */
  readonly explanation: readonly string[];
  /** The rule's sources and those of every step applied. */
  readonly sources: readonly Source[];
  readonly note: string | null;
}

function bad(field: string, message: string): OtkazError {
  return new OtkazError(ErrorCode.DeadlineInput, `${field}: ${message}`);
}

/** The years dates may fall in (the holiday calendars and the rules are for present-day procedures). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2199;

function checkDate(field: string, value: PlainDate | undefined): void {
  if (value === undefined) return;
  if (!isPlainDate(value)) throw bad(field, `not a calendar date YYYY-MM-DD: "${value}"`);
  const year = yearOf(value);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw bad(field, `${value} is outside the years this calculator covers (${FIRST_YEAR}–${LAST_YEAR})`);
}

function plural(period: Period): string {
  const unit = period.amount === 1 ? period.unit.replace(/s$/, '') : period.unit;
  return `${period.amount} ${unit}`;
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

/** Why `date` is no working day in `region`, or null. */
export function nonWorkingReason(date: PlainDate, region: string): string | null {
  const holiday = holidayOn(date, region);
  if (holiday) return `${describeDate(date)} is ${holiday} (public holiday in ${region})`;
  if (isWeekend(date)) return `${describeDate(date)} is a ${weekday(date)}`;
  return null;
}

/** The first working day from `date` on, with a step per day passed. */
function nextWorkingDay(date: PlainDate, region: string): { date: PlainDate; steps: string[] } {
  const steps: string[] = [];
  let day = date;
  for (let reason = nonWorkingReason(day, region); reason; reason = nonWorkingReason(day, region)) {
    steps.push(reason);
    day = addDays(day, 1);
  }
  if (steps.length) steps.push(`→ next working day ${describeDate(day)}`);
  return { date: day, steps };
}

function regionFor(rule: DeadlineRule, region: string | undefined, explanation: string[]): string {
  if (region === undefined) {
    explanation.push(`holidays: ${rule.holidays.defaultRegion} (the default; ${rule.holidays.note})`);
    return rule.holidays.defaultRegion;
  }
  const upper = region.toUpperCase();
  if (!rule.holidays.regions.includes(upper))
    throw bad('region', `"${region}" is not a holiday region of ${rule.country} (${rule.holidays.regions.join(', ')})`);
  explanation.push(`holidays: ${upper}`);
  return upper;
}

/**
 * The deadline of rule `ruleId` for `input`. Throws a coded error (deadlines.input) naming the field for an unknown
 * rule, a bad date, dates in the wrong order, an option the rule does not have, or a legal-aid request too late to
 * suspend the deadline.
 */
export function computeDeadline(ruleId: string, input: DeadlineInput, rules: readonly DeadlineRule[] = bundledRules()): DeadlineResult {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) throw bad('rule', `unknown rule "${ruleId}" (the rules: ${rules.map((r) => r.id).join(', ')})`);
  for (const field of ['from', 'due', 'legalAidRequestedOn', 'legalAidDecidedOn'] as const) checkDate(field, input[field]);
  const explanation: string[] = [];
  const sources: Source[] = [...rule.sources];
  const addSources = (more: readonly Source[]) => {
    for (const s of more) if (!sources.some((k) => k.citation === s.citation)) sources.push(s);
  };
  const region = regionFor(rule, input.region, explanation);
  const base = {
    rule: rule.id,
    country: rule.country,
    title: rule.title.en,
    region,
    urgentApplication: rule.urgentApplication,
    note: rule.note?.en ?? null,
  };
  if (rule.urgentApplication)
    explanation.push('urgent: file the urgent application (§ 80(5) VwGO) within the same period — the suit alone does not stop removal');

  if (rule.kind === 'manual') return manual(rule, input, { base, explanation, sources, addSources });

  const period = rule.period;
  if (!period) throw bad('rule', `rule ${rule.id} has no period`);
  if (input.from === undefined) throw bad('from', `required: the date ${rule.event} (YYYY-MM-DD)`);
  if (input.due !== undefined) throw bad('due', `only a manual rule takes a due date; ${rule.id} counts from "from"`);
  if (input.shift !== undefined) throw bad('shift', `only a manual rule takes shift; ${rule.id} always moves past non-working days`);
  const from = input.from;
  addSources(rule.counting.sources);

  let end = endOf(from, period);
  explanation.push(`${rule.event} ${describeDate(from)} + ${plural(period)} = ${describeDate(end.date)}`);
  if (end.clamped) explanation.push(`no such day in that month: the period ends on its last day, ${describeDate(end.date)}`);

  if (input.overseas) {
    const overseas = rule.options.overseas;
    if (!overseas) throw bad('overseas', `rule ${rule.id} has no overseas extension`);
    if (overseas.extension.unit !== period.unit) throw bad('overseas', 'the extension and the period are in different units');
    const total: Period = { amount: period.amount + overseas.extension.amount, unit: period.unit };
    end = endOf(from, total);
    explanation.push(
      `overseas: + ${plural(overseas.extension)} (${overseas.text}): ${rule.event} ${describeDate(from)} + ${plural(total)} = ${describeDate(end.date)}`,
    );
    if (end.clamped) explanation.push(`no such day in that month: the period ends on its last day, ${describeDate(end.date)}`);
    addSources(overseas.sources);
  }

  let endOfPeriod = end.date;
  const requested = input.legalAidRequestedOn;
  const decided = input.legalAidDecidedOn;
  if (requested !== undefined || decided !== undefined) {
    const legalAid = rule.options.legalAid;
    if (!legalAid) throw bad(requested !== undefined ? 'legalAidRequestedOn' : 'legalAidDecidedOn', `rule ${rule.id} has no legal-aid suspension`);
    if (requested === undefined) throw bad('legalAidRequestedOn', 'required with legalAidDecidedOn: when legal aid was requested');
    addSources(legalAid.sources);
    const after = daysBetween(from, requested);
    if (after < 0) throw bad('legalAidRequestedOn', `${requested} is before ${rule.event} ${from}`);
    if (after > legalAid.withinDays)
      throw bad(
        'legalAidRequestedOn',
        `requested ${after} days after ${rule.event} ${from}, later than ${legalAid.withinDays} days: the request does not suspend the deadline, which stays ${endOfPeriod} (moved past non-working days: compute without the legal-aid dates)`,
      );
    const remaining = daysBetween(requested, endOfPeriod);
    explanation.push(
      `legal aid requested ${describeDate(requested)}, day ${after} after ${rule.event} ${from} (within ${legalAid.withinDays} days): the deadline is suspended with ${remaining} days left (${describeDate(requested)} to ${describeDate(endOfPeriod)})`,
    );
    if (decided === undefined) {
      explanation.push('suspended: the rest of the period runs from the notification of the legal-aid decision (give legalAidDecidedOn)');
      return { ...base, status: 'suspended', due: null, endOfPeriod: null, shifted: false, nonWorkingDay: null, explanation, sources };
    }
    if (daysBetween(requested, decided) < 0) throw bad('legalAidDecidedOn', `${decided} is before the legal-aid request (${requested})`);
    endOfPeriod = addDays(decided, remaining);
    explanation.push(`legal-aid decision notified ${describeDate(decided)} + ${remaining} days left = ${describeDate(endOfPeriod)}`);
  }

  const next = nextWorkingDay(endOfPeriod, region);
  if (next.steps.length) {
    explanation.push(...next.steps);
    addSources(rule.nonWorkingDays.sources);
  } else explanation.push(`${describeDate(endOfPeriod)} is a working day in ${region}`);
  explanation.push(`due: ${describeDate(next.date)}`);
  return { ...base, status: 'due', due: next.date, endOfPeriod, shifted: next.date !== endOfPeriod, nonWorkingDay: null, explanation, sources };
}

interface Partial {
  base: Pick<DeadlineResult, 'rule' | 'country' | 'title' | 'region' | 'urgentApplication' | 'note'>;
  explanation: string[];
  sources: Source[];
  addSources: (more: readonly Source[]) => void;
}

/** A date set by a judge: kept as given; a non-working day is flagged, and moved only when `shift` is asked. */
function manual(rule: DeadlineRule, input: DeadlineInput, { base, explanation, sources, addSources }: Partial): DeadlineResult {
  const due = input.due;
  if (due === undefined) throw bad('due', 'required: the date the court or authority set (YYYY-MM-DD)');
  for (const field of ['overseas', 'legalAidRequestedOn', 'legalAidDecidedOn'] as const)
    if (input[field] !== undefined && input[field] !== false) throw bad(field, `a manual rule takes only due, from, region and shift`);
  if (input.from !== undefined) {
    if (daysBetween(input.from, due) < 0) throw bad('due', `${due} is before the ${rule.event} date ${input.from}`);
    explanation.push(`${rule.event} ${describeDate(input.from)}`);
  }
  explanation.push(`set by hand: ${describeDate(due)}`);
  const reason = nonWorkingReason(due, base.region);
  if (!reason) {
    explanation.push(`${describeDate(due)} is a working day in ${base.region}`, `due: ${describeDate(due)}`);
    return { ...base, status: 'due', due, endOfPeriod: due, shifted: false, nonWorkingDay: null, explanation, sources };
  }
  addSources(rule.nonWorkingDays.sources);
  if (!input.shift) {
    explanation.push(`${reason}: kept as set (check the order; ask to shift to move it to the next working day)`, `due: ${describeDate(due)}`);
    return { ...base, status: 'due', due, endOfPeriod: due, shifted: false, nonWorkingDay: reason, explanation, sources };
  }
  const next = nextWorkingDay(due, base.region);
  explanation.push(...next.steps, `due: ${describeDate(next.date)}`);
  return { ...base, status: 'due', due: next.date, endOfPeriod: due, shifted: true, nonWorkingDay: null, explanation, sources };
}
