// The deadline engine's refusals in English and Russian (src/deadlines/refusals.ts): each refusal is data — the
// stable code deadlines.input, a stable reason, the field — and every reason is written in both languages,
// starting with the field; the Russian one has no English words left. The English sentences are those the engine
// always gave (compute.test.ts holds them to their wording).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { computeDeadline, type DeadlineInput, DeadlineInputError, type DeadlineRule, deadlineRules } from '../../src/deadlines/index.ts';
import { DEADLINE_REFUSAL_REASONS, type DeadlineRefusal, isDeadlineRefusal, refusalIn } from '../../src/deadlines/refusals.ts';
import { DeadlineRefusalSchema } from '../../src/operations/deadlines/schemas.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { present } from '../../src/shared/present.ts';

const CYRILLIC = /[А-Яа-яЁё]/;
const ENGLISH_WORDS = /\b(?:the|is|a|of|to|and|not|no|days?|rules?|required|before|after|only|takes|has|region|holiday|date|unknown|requested)\b/i;

function refusalOf(rule: string, input: DeadlineInput, rules?: readonly DeadlineRule[]): DeadlineInputError {
  try {
    computeDeadline(rule, input, rules);
  } catch (error) {
    assert.ok(error instanceof DeadlineInputError, String(error));
    return error;
  }
  assert.fail(`${rule} ${JSON.stringify(input)} was computed`);
}

const bundled = (id: string) =>
  present(
    deadlineRules().find((r) => r.id === id),
    id,
  );

describe('the refusals of the deadline engine', () => {
  it('are coded errors with a stable reason and the field; the message is the refusal written in English', () => {
    const e = refusalOf('de.bamf.klage', {});
    assert.ok(e instanceof OtkazError);
    assert.equal(e.code, ErrorCode.DeadlineInput);
    assert.deepEqual(e.refusal, { reason: 'required', field: 'from', event: { en: 'served', ru: 'дата вручения' } });
    assert.equal(e.message, 'from: required: the date served (YYYY-MM-DD)');
    assert.deepEqual(e.details, { reason: 'required', field: 'from', refusal: e.refusal });
    const ru = e.inLanguage('ru');
    assert.equal(ru.message, 'from: обязательное поле: дата вручения (ГГГГ-ММ-ДД)');
    assert.deepEqual([ru.code, ru.refusal], [e.code, e.refusal]);
    assert.equal(e.inLanguage('en'), e);
  });

  it('the reasons are a stable list', () => {
    // Part of the interface, like the code: a client acts on them. Renaming one breaks this test on purpose.
    assert.deepEqual(
      [...DEADLINE_REFUSAL_REASONS],
      [
        'unknown_rule',
        'rule_without_period',
        'not_a_date',
        'year_out_of_range',
        'unknown_region',
        'required',
        'only_manual',
        'not_for_manual',
        'no_such_option',
        'extension_unit',
        'before_event',
        'before_request',
        'legal_aid_too_late',
      ],
    );
  });

  it('every reason is written in both languages, naming the field; the Russian one has no English words left', () => {
    const klage = bundled('de.bamf.klage');
    const cnda = bundled('fr.cnda.recours');
    const overseas = present(cnda.options.overseas, 'the overseas extension');
    // Rule data the schema would refuse, handed to the engine directly: the two refusals only such data meets.
    const noPeriod: DeadlineRule = { ...klage, id: 'de.test.no-period', period: undefined };
    const otherUnit: DeadlineRule = {
      ...cnda,
      id: 'fr.test.other-unit',
      options: { ...cnda.options, overseas: { ...overseas, extension: { amount: 30, unit: 'days' } } },
    };
    const cases: Array<[rule: string, input: DeadlineInput, rules?: readonly DeadlineRule[]]> = [
      ['de.bamf.nothing', { from: '2026-03-05' }],
      ['de.test.no-period', { from: '2026-03-05' }, [noPeriod]],
      ['de.bamf.klage', { from: '2026-02-30' }],
      ['de.bamf.klage', { from: '1989-12-31' }],
      ['de.bamf.klage', { from: '2026-03-05', region: 'FR' }],
      ['de.bamf.klage', {}],
      ['us.manual', {}],
      ['fr.cnda.recours', { from: '2026-03-02', legalAidDecidedOn: '2026-04-20' }],
      ['de.bamf.klage', { from: '2026-03-05', due: '2026-03-20' }],
      ['de.bamf.klage', { from: '2026-03-05', shift: true }],
      ['us.manual', { due: '2026-03-20', overseas: true }],
      ['de.bamf.klage', { from: '2026-03-05', overseas: true }],
      ['de.bamf.klage', { from: '2026-03-05', legalAidRequestedOn: '2026-03-06' }],
      ['fr.test.other-unit', { from: '2026-03-02', overseas: true }, [otherUnit]],
      ['fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-01' }],
      ['us.manual', { from: '2026-03-10', due: '2026-03-02' }],
      ['fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-10', legalAidDecidedOn: '2026-03-09' }],
      ['fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-18' }],
    ];
    const refusals: DeadlineRefusal[] = cases.map(([rule, input, rules]) => refusalOf(rule, input, rules).refusal);
    assert.deepEqual([...new Set(refusals.map((r) => r.reason))].sort(), [...DEADLINE_REFUSAL_REASONS].sort());
    for (const refusal of refusals) {
      const en = refusalIn(refusal, 'en');
      const ru = refusalIn(refusal, 'ru');
      const what = `${refusal.reason} (${refusal.field})`;
      assert.ok(en.startsWith(`${refusal.field}: `) && !CYRILLIC.test(en), `${what}: ${en}`);
      assert.ok(ru.startsWith(`${refusal.field}: `) && CYRILLIC.test(ru), `${what}: ${ru}`);
      // Left as they are: the field names (the API's parameters), rule ids and region codes, the quoted values.
      const words = ru
        .slice(refusal.field.length + 2)
        .replace(/\b(?:legalAidDecidedOn|from|due|region|shift)\b/g, '')
        .replace(/[a-z]{2}(\.[a-z0-9-]+)+/g, '')
        .replace(/«[^»]*»/g, '');
      assert.doesNotMatch(words, ENGLISH_WORDS, `${what}: ${ru}`);
      assert.ok(isDeadlineRefusal(JSON.parse(JSON.stringify(refusal))), what);
      // The answers carry it as it is (the case files' deadlines: `error.refusal`).
      assert.deepEqual(z.encode(DeadlineRefusalSchema, refusal), refusal, what);
    }
    // Two written out in full, in Russian: a late legal-aid request, a date before the event.
    const late = present(refusals.at(-1), 'the late request');
    assert.equal(
      refusalIn(late, 'ru'),
      'legalAidRequestedOn: ходатайство подано через 16 дней (дата уведомления — 2026-03-02), позже 15 дней: оно не приостанавливает срок, который по-прежнему истекает 2026-04-02 (с учётом переноса с нерабочих дней — рассчитайте срок без дат юридической помощи)',
    );
    assert.equal(
      refusalIn(refusalOf('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-01' }).refusal, 'ru'),
      'legalAidRequestedOn: 2026-03-01 — раньше, чем дата уведомления (2026-03-02)',
    );
  });

  it('never repeat a value that does not have the shape asked for', () => {
    const rule = refusalOf('Ivan Examplov <script>', { from: '2026-03-05' });
    assert.equal(rule.refusal.reason, 'unknown_rule');
    assert.doesNotMatch(rule.message, /Examplov|script/);
    assert.match(rule.message, /^rule: unknown rule \(the rules: /);
    const region = refusalOf('de.bamf.klage', { from: '2026-03-05', region: 'Berlin, Mitte' });
    assert.doesNotMatch(`${region.message} ${region.inLanguage('ru').message}`, /Berlin|Mitte/);
    assert.equal(isDeadlineRefusal({ reason: 'no_such_reason', field: 'from' }), false);
    assert.equal(isDeadlineRefusal({ reason: 'required', field: 'elsewhere' }), false);
    assert.equal(isDeadlineRefusal('required'), false);
  });
});
