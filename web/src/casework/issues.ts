/**
 * A refused value's reason in the UI language, from the API's `issues` (an api.validation problem, src/api/problem.ts):
 * zod's issue code and its parameters mapped to the locale's `validation.*` texts. One exhaustive mapping for
 * every code zod 4 reports (and zod 3's names for the same); only a code not known here, or a custom check
 * without a known `reason`, keeps the server's English text.
 */
import { ApiError } from '../api.ts';
import type { ApiIssue } from '../types.ts';

export type { ApiIssue };

type T = (key: string, options?: Record<string, unknown>) => string;

const isIssue = (v: unknown): v is ApiIssue =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ApiIssue).code === 'string' &&
  typeof (v as ApiIssue).message === 'string' &&
  Array.isArray((v as ApiIssue).path);

/** The issues of a 400 api.validation answer; empty for any other error (or an older server without them). */
export function issuesOf(error: Error | null): ApiIssue[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const issues = error.problem.issues;
  return Array.isArray(issues) ? issues.filter(isIssue) : [];
}

/** The field's path inside the request part ("record.person.birthDate"). */
export const issuePath = (issue: ApiIssue): string => issue.path.join('.');

/** Formats of invalid_format with their own text; others are "not in the expected form". */
export const FORMATS = ['date', 'datetime', 'time', 'email', 'url', 'uuid', 'regex'] as const;
/** The project's own checks (src/shared/validation.ts CheckReason). */
export const REASONS = ['text_nul', 'text_control', 'text_surrogate', 'calendar_date', 'year_month', 'period', 'period_or_range', 'file_name'] as const;
/** The expected types invalid_type names by their own text. */
export const TYPES = ['string', 'number', 'int', 'boolean', 'array', 'object', 'date', 'bigint', 'null'] as const;
/** too_small/too_big by what is measured. */
export const ORIGINS = ['string', 'array', 'set', 'file', 'number', 'int', 'bigint', 'date'] as const;

const known = <K extends string>(list: readonly K[], value: string | undefined): value is K =>
  value !== undefined && (list as readonly string[]).includes(value);
const shown = (v: string | number | boolean | null) => (typeof v === 'string' ? v : JSON.stringify(v));

function bound(issue: ApiIssue, t: T, which: 'tooSmall' | 'tooBig'): string {
  const n = which === 'tooSmall' ? issue.minimum : issue.maximum;
  const origin = known(ORIGINS, issue.origin) ? issue.origin : 'number';
  if (which === 'tooSmall' && n === 1 && (origin === 'string' || origin === 'array' || origin === 'set') && issue.inclusive !== false)
    return t('validation.empty');
  const exact = issue.exact === true ? 'exact' : issue.inclusive === false ? 'exclusive' : 'inclusive';
  return t(`validation.${which}.${origin}.${exact}`, { n: n ?? '' });
}

/** zod issue code → the reason in the UI language. Exhaustive over the codes listed; the key is the code. */
const BY_CODE = {
  invalid_type: (issue, t) =>
    issue.missing ? t('validation.required') : known(TYPES, issue.expected) ? t(`validation.type.${issue.expected}`) : t('validation.type.other'),
  too_small: (issue, t) => bound(issue, t, 'tooSmall'),
  too_big: (issue, t) => bound(issue, t, 'tooBig'),
  invalid_format: (issue, t) => (known(FORMATS, issue.format) ? t(`validation.format.${issue.format}`) : t('validation.format.other')),
  invalid_string: (issue, t) => (known(FORMATS, issue.format) ? t(`validation.format.${issue.format}`) : t('validation.format.other')),
  not_multiple_of: (issue, t) => t('validation.multipleOf', { n: issue.divisor ?? '' }),
  unrecognized_keys: (issue, t) => t('validation.unrecognizedKeys', { keys: (issue.keys ?? []).join(', ') }),
  invalid_union: (_issue, t) => t('validation.union'),
  invalid_key: (_issue, t) => t('validation.key'),
  invalid_element: (_issue, t) => t('validation.element'),
  invalid_value: (issue, t) => t('validation.value', { values: (issue.values ?? []).map(shown).join(', ') }),
  invalid_enum_value: (issue, t) => t('validation.value', { values: (issue.values ?? []).map(shown).join(', ') }),
  invalid_literal: (issue, t) => t('validation.value', { values: (issue.values ?? []).map(shown).join(', ') }),
  custom: (issue, t) => (known(REASONS, issue.reason) ? t(`validation.reason.${issue.reason}`) : issue.message),
} satisfies Record<string, (issue: ApiIssue, t: T) => string>;
export const ISSUE_CODES = Object.keys(BY_CODE) as (keyof typeof BY_CODE)[];

const isCode = (code: string): code is keyof typeof BY_CODE => Object.hasOwn(BY_CODE, code);

/** The reason in the UI language; the server's English text only for a code (or a custom reason) not known here. */
export function issueReason(issue: ApiIssue, t: T): string {
  return isCode(issue.code) ? BY_CODE[issue.code](issue, t) : issue.message;
}

/** "label: reason" for each issue, the label from the caller (a form's field label) or the path as sent. */
export function issueLines(issues: readonly ApiIssue[], t: T, label: (path: string) => string = (p) => p): string[] {
  return issues.map((issue) => {
    const path = issuePath(issue);
    return path ? `${label(path)}: ${issueReason(issue, t)}` : issueReason(issue, t);
  });
}
