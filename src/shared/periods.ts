/**
 * Months, quarters, calendar and US fiscal years: the one place that reads a period label and does calendar
 * arithmetic on it, for the statistics (src/asylum), the prosecution counts' date bounds (src/cli), the guidance
 * staleness check and the web app. Labels: 2024 (a calendar year), FY2024 (a US federal fiscal year: 1 October
 * 2023 – 30 September 2024), 2024-Q1, 2024-05; a range of months 2023-10..2024-01. Arithmetic is date-fns on UTC
 * dates (@date-fns/utc), so no time zone of the machine can move a day; a month added to 31 January is the last
 * day of February (date-fns clamps to the end of the month).
 */
import { UTCDate } from '@date-fns/utc';
import { addMonths, differenceInCalendarMonths, format, getDaysInMonth, isValid } from 'date-fns';

export type PeriodBasis = 'year' | 'fiscal_year' | 'quarter' | 'month';
export const PERIOD_BASES: readonly PeriodBasis[] = ['year', 'fiscal_year', 'quarter', 'month'];

/** The calendar month (1–12) a US federal fiscal year starts in: FY2024 is October 2023 – September 2024. */
export const FISCAL_YEAR_START_MONTH = 10;

export interface Period {
  basis: PeriodBasis;
  /** The canonical label: 2024, FY2024, 2024-Q1, 2024-05. */
  label: string;
  /** The calendar year of the label (for FY2024: 2024, the year the fiscal year ends in). */
  year: number;
  /** First and last calendar month covered, YYYY-MM. */
  first: string;
  last: string;
}

export interface MonthRange {
  from: string;
  to: string;
  /** Months from `from` to `to`, both included (0 or less when the range ends before it starts). */
  months: number;
}

/** A UTC date at the start of a day; years 0–99 stay themselves (Date.UTC would make them 1900–1999). */
function utcDay(year: number, month: number, day = 1): UTCDate {
  const date = new UTCDate(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(0, 0, 0, 0);
  return date;
}

function monthLabel(date: Date): string {
  return format(date, 'yyyy-MM');
}

function dayLabel(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** YYYY-MM with a month 01–12 → [year, month], or null. */
function yearMonthOf(value: string): [number, number] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? [Number(m[1]), month] : null;
}

/** YYYY-MM with a month 01–12. */
export function isMonth(value: string): boolean {
  return yearMonthOf(value) !== null;
}

/** The calendar month `count` months after (before, when negative) the month YYYY-MM. */
export function addMonthsToMonth(month: string, count: number): string {
  const ym = yearMonthOf(month);
  if (!ym) throw new RangeError(`not a month YYYY-MM: "${month}"`);
  return monthLabel(addMonths(utcDay(ym[0], ym[1]), count));
}

/**
 * The day `count` months after (before, when negative) the day YYYY-MM-DD; a day the target month lacks becomes
 * its last day (2024-02-29 minus 12 months is 2023-02-28; 2024-01-31 plus one month is 2024-02-29).
 */
export function addMonthsToDay(day: string, count: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const date = m ? utcDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!m || !date || !isValid(date) || dayLabel(date) !== day) throw new RangeError(`not a day YYYY-MM-DD: "${day}"`);
  return dayLabel(addMonths(date, count));
}

/** The first day of the month YYYY-MM, YYYY-MM-01. */
export function firstDayOfMonth(month: string): string {
  if (!yearMonthOf(month)) throw new RangeError(`not a month YYYY-MM: "${month}"`);
  return `${month}-01`;
}

/** The last day of the month YYYY-MM (2024-02 → 2024-02-29, 2023-02 → 2023-02-28). */
export function lastDayOfMonth(month: string): string {
  const ym = yearMonthOf(month);
  if (!ym) throw new RangeError(`not a month YYYY-MM: "${month}"`);
  return `${month}-${String(getDaysInMonth(utcDay(ym[0], ym[1]))).padStart(2, '0')}`;
}

/** Months from `from` to `to` (YYYY-MM), both included: 2023-12..2024-01 is 2. */
export function monthsBetween(from: string, to: string): number {
  const a = yearMonthOf(from);
  const b = yearMonthOf(to);
  if (!a || !b) throw new RangeError(`not a month YYYY-MM: "${a ? to : from}"`);
  return differenceInCalendarMonths(utcDay(b[0], b[1]), utcDay(a[0], a[1])) + 1;
}

/** The US fiscal year a calendar month belongs to: 2023-10 → 2024, 2024-09 → 2024. */
export function fiscalYearOfMonth(month: string): number {
  const ym = yearMonthOf(month);
  if (!ym) throw new RangeError(`not a month YYYY-MM: "${month}"`);
  return ym[1] >= FISCAL_YEAR_START_MONTH ? ym[0] + 1 : ym[0];
}

/** The calendar month YYYY-MM of a month (1–12) named within a US fiscal year: FY2024, month 10 → 2023-10. */
export function calendarMonthOfFiscalYear(fiscalYear: number, month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`not a month number 1–12: ${month}`);
  return monthLabel(utcDay(month >= FISCAL_YEAR_START_MONTH ? fiscalYear - 1 : fiscalYear, month));
}

/** The quarter label YYYY-Qn of a month YYYY-MM. */
export function quarterOfMonth(month: string): string {
  const ym = yearMonthOf(month);
  if (!ym) throw new RangeError(`not a month YYYY-MM: "${month}"`);
  return `${ym[0]}-Q${Math.ceil(ym[1] / 3)}`;
}

/** How many months a period of the basis holds (a year, a fiscal year: 12; a quarter: 3; a month: 1). */
export function monthsIn(basis: PeriodBasis): number {
  switch (basis) {
    case 'year':
    case 'fiscal_year':
      return 12;
    case 'quarter':
      return 3;
    case 'month':
      return 1;
    default: {
      const unreachable: never = basis;
      return unreachable;
    }
  }
}

/**
 * Reads a period label — 2024, FY2024 (also "FY 2024", "fy2024"), 2024-Q1 (also "2024-q1"), 2024-05 (01–12) —
 * surrounding spaces ignored; null for anything else (2024-13, 2024-Q5, FY24).
 */
export function parsePeriod(value: string): Period | null {
  const text = value.trim();
  let m = /^(\d{4})$/.exec(text);
  if (m) {
    const label = text;
    return { basis: 'year', label, year: Number(label), first: `${label}-01`, last: `${label}-12` };
  }
  m = /^FY ?(\d{4})$/i.exec(text);
  if (m) {
    const year = Number(m[1]);
    const first = calendarMonthOfFiscalYear(year, FISCAL_YEAR_START_MONTH);
    return { basis: 'fiscal_year', label: `FY${m[1]}`, year, first, last: addMonthsToMonth(first, 11) };
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) {
    const first = `${m[1]}-${String(Number(m[2]) * 3 - 2).padStart(2, '0')}`;
    return { basis: 'quarter', label: `${m[1]}-Q${m[2]}`, year: Number(m[1]), first, last: addMonthsToMonth(first, 2) };
  }
  const ym = yearMonthOf(text);
  if (ym) return { basis: 'month', label: text, year: ym[0], first: text, last: text };
  return null;
}

/** A range of months `YYYY-MM..YYYY-MM` (months 01–12), or null; `months` ≤ 0 when it ends before it starts. */
export function parseMonthRange(value: string): MonthRange | null {
  const m = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(value.trim());
  const [from, to] = [m?.[1] ?? '', m?.[2] ?? ''];
  if (!isMonth(from) || !isMonth(to)) return null;
  return { from, to, months: monthsBetween(from, to) };
}

/** The last day (YYYY-MM-DD) of a stored period: a year YYYY, a quarter YYYY-Qn or a month YYYY-MM. */
export function periodEnd(period: string): string {
  const parsed = parsePeriod(period);
  if (!parsed || parsed.basis === 'fiscal_year') throw new RangeError(`not a year, quarter or month: "${period}"`);
  return lastDayOfMonth(parsed.last);
}
