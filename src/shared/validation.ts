/**
 * Validation before SQL: the zod primitives every request schema (src/api/routes/*.ts) and every file schema a
 * caller can send (claims) is built from, so malformed input is refused with a coded 400 naming the parameter
 * instead of reaching the database (where a NUL byte or 2024-02-30 is a data exception, i.e. a 500).
 *  - text: no NUL, no control characters (free text may keep tab and line breaks), well-formed Unicode;
 *  - calendar dates YYYY-MM-DD checked by round-trip (2024-02-30, 0000-00-00, 2024-13-01 refused), year-months,
 *    years and statistics periods (2022, FY2023, 2022-Q1, 2022-03);
 *  - file names: one path segment, never `.` or `..`, no slash or NUL.
 * The checks are plain functions too, for the CLI and the importers.
 */
import { z } from 'zod';
import { isMonth, parseMonthRange, parsePeriod } from './periods.ts';

// Messages for the two commonest mistakes, the same in the API and the CLI: a missing value, and a word where a
// number belongs (zod's own: "expected string, received undefined", "expected number, received NaN").
z.config({
  customError: (issue) => {
    if (issue.code !== 'invalid_type') return undefined;
    if (issue.input === undefined) return 'required';
    if (issue.expected === 'number' && Number.isNaN(issue.input)) return 'expected a number';
    return undefined;
  },
});

// C0 controls (NUL included), DEL and C1 controls: Unicode's Cc, U+0000–U+001F and U+007F–U+009F. Free text may keep
// tab, line feed and carriage return.
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_TEXT = /(?![\t\n\r])\p{Cc}/u;
// A UTF-16 surrogate without its pair: not a character, cannot be encoded as UTF-8.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string is unsafe to store or query, or null when it is fine. */
export function unsafeTextReason(value: string, options: { multiline?: boolean } = {}): string | null {
  if (value.includes('\u0000')) return 'contains a NUL byte';
  if ((options.multiline ? CONTROL_IN_TEXT : CONTROL).test(value)) return 'contains a control character';
  if (LONE_SURROGATE.test(value)) return 'is not well-formed Unicode (a lone surrogate)';
  return null;
}

/** A real day of the Gregorian calendar as YYYY-MM-DD, years 0001–9999 (PostgreSQL has no year 0). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return false;
  // Round trip: a day that does not exist (2024-02-30) rolls over into another month.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YYYY-MM with a month 01–12, years 0001–9999. */
export function isYearMonth(value: string): boolean {
  return isMonth(value) && value.slice(0, 4) !== '0000';
}

/** One safe path segment: letters, digits, `_`, `.`, `-`; not `.` or `..` (nor only dots); at most 120 characters. */
export function isSafeFileName(value: string): boolean {
  return /^[\w.-]{1,120}$/.test(value) && !/^\.+$/.test(value);
}

/** A statistics period: a year (2022), a US fiscal year (FY2023), a quarter (2022-Q1), a month (2022-03; 01–12). */
export function isStatsPeriod(value: string, options: { ranges?: boolean } = {}): boolean {
  return parsePeriod(value) !== null || (options.ranges === true && parseMonthRange(value) !== null);
}

/**
 * The stable reasons of the project's own checks (a custom issue's `params.reason`, the API's `issues[].reason`):
 * a client words them in its language; the message stays the English one.
 */
export const CheckReason = {
  Nul: 'text_nul',
  Control: 'text_control',
  Surrogate: 'text_surrogate',
  CalendarDate: 'calendar_date',
  YearMonth: 'year_month',
  Period: 'period',
  PeriodOrRange: 'period_or_range',
  FileName: 'file_name',
} as const;
export type CheckReason = (typeof CheckReason)[keyof typeof CheckReason];

function unsafeTextCode(value: string, multiline: boolean): CheckReason {
  if (value.includes('\u0000')) return CheckReason.Nul;
  if ((multiline ? CONTROL_IN_TEXT : CONTROL).test(value)) return CheckReason.Control;
  return CheckReason.Surrogate;
}

function checkedText(schema: z.ZodString, multiline: boolean): z.ZodString {
  return schema.superRefine((value, ctx) => {
    const reason = unsafeTextReason(value, { multiline });
    if (reason) ctx.addIssue({ code: 'custom', message: reason, params: { reason: unsafeTextCode(value, multiline) } });
  });
}

/**
 * A single-line string parameter: no NUL or control character, well-formed Unicode, at most `max` characters
 * (default 200). Chain `.regex()` etc. for a stricter shape.
 */
export function text(max = 200, min = 0): z.ZodString {
  return checkedText(z.string().min(min).max(max), false);
}

/** Free text (a statement, a note): tab and line breaks allowed, other control characters and NUL not. */
export function freeText(max = 10_000, min = 0): z.ZodString {
  return checkedText(z.string().min(min).max(max), true);
}

/** A calendar date YYYY-MM-DD that exists. */
export const isoDate = z
  // One message for a value that is no date at all (2024-13): the day check runs only on the shape YYYY-MM-DD. The
  // shape is the string format `date` (issue invalid_format, format date; "format": "date" in the OpenAPI document).
  .stringFormat('date', /^\d{4}-\d{2}-\d{2}$/, { error: 'a date YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'no such date (YYYY-MM-DD, a real day)', params: { reason: CheckReason.CalendarDate } });

/** A month YYYY-MM (01–12). */
export const yearMonth = z.string().refine(isYearMonth, { message: 'a month YYYY-MM (01–12)', params: { reason: CheckReason.YearMonth } });

/** A year YYYY. */
export const year = z.string().regex(/^\d{4}$/, 'a year YYYY');

/** A statistics period bound: 2022, FY2023, 2022-Q1 or 2022-03. */
export const period = text(10).refine((v) => isStatsPeriod(v), {
  message: 'a period: 2022, FY2023, 2022-Q1 or 2022-03 (month 01–12)',
  params: { reason: CheckReason.Period },
});

/** A period to compare or check a claim against: a period, or a range of months 2021-10..2022-01. */
export const periodOrRange = text(20).refine((v) => isStatsPeriod(v, { ranges: true }), {
  message: 'a period: 2022, FY2023, 2022-Q1, 2022-03, or months 2021-10..2022-01',
  params: { reason: CheckReason.PeriodOrRange },
});

/** An uploaded file's name: one safe path segment. */
export const fileName = z.string().refine(isSafeFileName, {
  message: 'a file name of letters, digits, _ . - (at most 120; not . or ..)',
  params: { reason: CheckReason.FileName },
});

/** A positive database id (bigserial; a safe JavaScript integer). */
export const id = z.coerce.number().int().positive();
