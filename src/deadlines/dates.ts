/**
 * Calendar dates as plain `YYYY-MM-DD` strings: no time of day, no time zone. The arithmetic runs on UTC day
 * numbers (`Date.UTC`), never on local time, so a date never shifts by a day on a machine east or west of UTC.
 */
export type PlainDate = string;

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isPlainDate(value: string): boolean {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: PlainDate): [number, number, number] {
  const m = PATTERN.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = (y: number, m: number, d: number): PlainDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** The day number since 1970-01-01 (UTC arithmetic on a date, not an instant). */
function dayNumber(date: PlainDate): number {
  const [y, m, d] = parts(date);
  return utc(y, m - 1, d) / DAY_MS;
}

/** Date.UTC, also for the years 0–99 (which Date.UTC reads as 1900–1999). */
function utc(year: number, monthIndex: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, monthIndex, day);
  return t.getTime();
}

function fromDayNumber(n: number): PlainDate {
  const t = new Date(n * DAY_MS);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The same day of the month `months` later; where that month has no such day (31 January + 1 month), its last day
 * (§ 188(3) BGB; art. 641 CPC "à défaut d'un quantième identique, le dernier jour du mois"). Also `clamped`.
 */
export function addMonths(date: PlainDate, months: number): { date: PlainDate; clamped: boolean } {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return { date: format(year, month, Math.min(d, last)), clamped: d > last };
}

export function addYears(date: PlainDate, years: number): { date: PlainDate; clamped: boolean } {
  return addMonths(date, years * 12);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(date: PlainDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function weekday(date: PlainDate): Weekday {
  return WEEKDAYS[weekdayIndex(date)] ?? 'Sunday';
}

export function isWeekend(date: PlainDate): boolean {
  const i = weekdayIndex(date);
  return i === 0 || i === 6;
}

export function yearOf(date: PlainDate): number {
  return parts(date)[0];
}

/** "2026-03-19 (Thursday)". */
export function describeDate(date: PlainDate): string {
  return `${date} (${weekday(date)})`;
}
