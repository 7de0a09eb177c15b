// The web app words a refused value's reason in the UI language from the API's issues (zod's code and parameters,
// src/api/problem.ts): every code zod reports has its text in English and Russian, the project's own check
// reasons are all known, and only an unknown code keeps the server's English message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import type { z } from 'zod';
import { projectPath } from '../../src/shared/paths.ts';
import { CheckReason } from '../../src/shared/validation.ts';
import { ApiError } from '../../web/src/api.ts';
import { type ApiIssue, FORMATS, ISSUE_CODES, issueLines, issueReason, issuesOf, ORIGINS, REASONS, TYPES } from '../../web/src/casework/issues.ts';

const resources = {
  en: { translation: JSON.parse(readFileSync(projectPath('web', 'src', 'locales', 'en.json'), 'utf8')) as Record<string, unknown> },
  ru: { translation: JSON.parse(readFileSync(projectPath('web', 'src', 'locales', 'ru.json'), 'utf8')) as Record<string, unknown> },
};
const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'ru', fallbackLng: false, interpolation: { escapeValue: false } });
const ru = i18n.getFixedT('ru');
const en = i18n.getFixedT('en');
const tr = (t: typeof ru) => (key: string, options?: Record<string, unknown>) => t(key, options);

// Every issue code of zod 4 (the type names them all: a new one fails to compile here until it is listed).
const ZOD_CODES: Record<z.core.$ZodIssueCode, true> = {
  invalid_type: true,
  too_big: true,
  too_small: true,
  invalid_format: true,
  not_multiple_of: true,
  unrecognized_keys: true,
  invalid_union: true,
  invalid_key: true,
  invalid_element: true,
  invalid_value: true,
  custom: true,
};

const issue = (code: string, extra: Partial<ApiIssue> = {}): ApiIssue => ({
  in: 'body',
  path: ['record', 'person', 'birthDate'],
  code,
  message: 'an English reason',
  ...extra,
});
const CYRILLIC = /[А-Яа-яЁё]/;

describe('validation issues in the UI language', () => {
  it('every zod code is mapped', () => {
    assert.deepEqual(
      Object.keys(ZOD_CODES).filter((c) => !(ISSUE_CODES as string[]).includes(c)),
      [],
    );
  });

  it('every code, format, type, bound and reason has a Russian text (no English, no raw key, no unfilled variable)', () => {
    const samples: ApiIssue[] = [
      ...ISSUE_CODES.map((c) => issue(c, { values: ['a', 'b'], keys: ['extra'], divisor: 5 })),
      issue('invalid_type', { missing: true }),
      ...TYPES.map((expected) => issue('invalid_type', { expected })),
      issue('invalid_type', { expected: 'symbol' }),
      ...FORMATS.map((format) => issue('invalid_format', { format })),
      issue('invalid_format', { format: 'cuid2' }),
      ...REASONS.map((reason) => issue('custom', { reason })),
      ...ORIGINS.flatMap((origin) =>
        [{}, { inclusive: false }, { exact: true }].flatMap((x) => [
          issue('too_small', { origin, minimum: 3, ...x }),
          issue('too_big', { origin, maximum: 3, ...x }),
        ]),
      ),
      issue('too_small', { origin: 'string', minimum: 1, inclusive: true }),
    ];
    for (const s of samples) {
      const custom = s.code === 'custom' && s.reason === undefined;
      for (const [lang, t] of [
        ['ru', ru],
        ['en', en],
      ] as const) {
        const text = issueReason(s, tr(t));
        const what = `${lang} ${JSON.stringify(s)}: ${text}`;
        assert.ok(text && !text.startsWith('validation.') && !text.includes('{{'), what);
        if (lang === 'ru' && !custom) assert.match(text, CYRILLIC, what);
        if (!custom) assert.notEqual(text, s.message, what);
      }
    }
  });

  it("the reasons are the project's own checks, one for one", () => {
    assert.deepEqual([...REASONS].sort(), Object.values(CheckReason).sort());
  });

  it('parameters are worded: bounds, accepted values, unknown fields; a missing value is required', () => {
    assert.equal(issueReason(issue('too_big', { origin: 'string', maximum: 200, inclusive: true }), tr(ru)), 'не больше 200 симв.');
    assert.equal(issueReason(issue('invalid_value', { values: ['conscript', 'contract'] }), tr(ru)), 'одно из значений: conscript, contract');
    assert.equal(issueReason(issue('unrecognized_keys', { keys: ['extra'] }), tr(ru)), 'неизвестные поля: extra');
    assert.equal(issueReason(issue('invalid_type', { expected: 'string', missing: true }), tr(ru)), 'обязательное поле');
    assert.equal(issueReason(issue('invalid_format', { format: 'date' }), tr(ru)), 'дата в формате ГГГГ-ММ-ДД');
    assert.equal(issueReason(issue('custom', { reason: 'calendar_date' }), tr(ru)), 'такой даты нет (ГГГГ-ММ-ДД, существующий день)');
  });

  it("only an unknown code, or a custom check without a known reason, keeps the server's text", () => {
    assert.equal(issueReason(issue('some_future_code'), tr(ru)), 'an English reason');
    assert.equal(issueReason(issue('custom'), tr(ru)), 'an English reason');
  });

  it("an API error's issues are read from the problem; lines use the form's label for the path", () => {
    const problem = { code: 'api.validation', issues: [issue('invalid_format', { format: 'date' }), { junk: true }] };
    const error = new ApiError('body.record.person.birthDate: a date YYYY-MM-DD', 400, 'api.validation', problem);
    const issues = issuesOf(error);
    assert.equal(issues.length, 1, 'a member that is not an issue is left out');
    assert.deepEqual(
      issueLines(issues, tr(ru), (p) => (p === 'record.person.birthDate' ? 'Дата рождения' : p)),
      ['Дата рождения: дата в формате ГГГГ-ММ-ДД'],
    );
    assert.deepEqual(issuesOf(new ApiError('x', 409, 'conflict', problem)), [], 'only a 400 carries issues');
    assert.deepEqual(issuesOf(new Error('x')), []);
  });
});
