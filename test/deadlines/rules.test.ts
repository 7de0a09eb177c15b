// The rule files of assets/deadlines/: the bundled ones load; a bad file is a coded error naming the file and the field.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadRules, parseRuleFile, RULES_DIR } from '../../src/deadlines/rules.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { tempDir } from '../helpers/temp.ts';

const german = () =>
  JSON.parse(readFileSync(path.join(RULES_DIR, 'de.json'), 'utf8')) as { rules: Array<Record<string, unknown>>; holidays: Record<string, unknown> };

function invalid(pattern: RegExp, where: string) {
  return (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.DeadlineRulesInvalid && pattern.test(e.message) && e.where === where;
}

describe('deadline rule files', () => {
  it('the bundled files hold the rules the procedures need, each with sources', () => {
    const rules = loadRules();
    const ids = rules.map((r) => r.id);
    for (const id of [
      'de.bamf.klage',
      'de.bamf.offensichtlich-unbegruendet',
      'de.bamf.unzulaessig',
      'fr.cnda.recours',
      'us.i589.one-year',
      'us.bia.appeal',
      'de.manual',
      'fr.manual',
      'us.manual',
    ])
      assert.ok(ids.includes(id), id);
    for (const rule of rules) assert.ok(rule.sources.length > 0 && rule.counting.sources.length > 0, rule.id);
    assert.deepEqual(
      rules.filter((r) => r.urgentApplication).map((r) => r.id),
      ['de.bamf.offensichtlich-unbegruendet', 'de.bamf.unzulaessig'],
    );
  });

  it('every text of every rule is in English and Russian: title, note, authority, step, event, method, options, holidays', () => {
    const cyrillic = /[А-Яа-яЁё]/;
    const rules = loadRules();
    for (const rule of rules) {
      const texts: Array<[string, { en: string; ru: string } | undefined]> = [
        ['title', rule.title],
        ['note', rule.note],
        ['authority', rule.authority],
        ['step', rule.step],
        ['event', rule.event],
        ['counting.text', rule.counting.text],
        ['nonWorkingDays.text', rule.nonWorkingDays.text],
        ['options.overseas.text', rule.options.overseas?.text],
        ['options.legalAid.text', rule.options.legalAid?.text],
        ['holidays.note', rule.holidays.note],
      ];
      for (const [field, text] of texts) {
        if (text === undefined) continue; // an optional field the rule does not have (a manual rule has no note)
        assert.ok(text.en.trim() && !cyrillic.test(text.en), `${rule.id} ${field}.en: ${text.en}`);
        assert.ok(cyrillic.test(text.ru), `${rule.id} ${field}.ru is not Russian: ${text.ru}`);
        assert.notEqual(text.ru, text.en, `${rule.id} ${field}`);
      }
    }
    // Sources are cited in the notation of their country (the same in every language); one that is English words
    // rather than a reference ("the court's notice") has its Russian too.
    const english = /\b(?:the|and|with|or|of|that|sets?|formerly|notice|order|letter|court|judge|half-sentence)\b/i;
    for (const rule of rules)
      for (const source of [
        ...rule.sources,
        ...rule.counting.sources,
        ...rule.nonWorkingDays.sources,
        ...(rule.options.overseas?.sources ?? []),
        ...(rule.options.legalAid?.sources ?? []),
      ]) {
        if (!english.test(source.citation)) continue;
        assert.ok(source.ru && cyrillic.test(source.ru), `${rule.id}: "${source.citation}" has no Russian`);
      }
    // The period rules with a note (the point a lawyer must not miss) have it in both languages.
    assert.deepEqual(
      rules.filter((r) => r.kind === 'period' && !r.note).map((r) => r.id),
      [],
    );
    // A file with an English text and no Russian one does not load.
    const data = german();
    const first = data.rules[0] ?? {};
    first.counting = { text: { en: 'The day of service is not counted.' }, sources: [{ citation: '§ 187 BGB' }] };
    assert.throws(() => parseRuleFile(data, 'x.json'), invalid(/^deadline rules do not validate: rules\.0\.counting\.text\.ru: /, 'x.json'));
    const plain = german();
    (plain.rules[0] ?? {}).step = 'Klage (suit) at the administrative court';
    assert.throws(() => parseRuleFile(plain, 'x.json'), invalid(/rules\.0\.step: /, 'x.json'));
  });

  it('a bad field names the file and the field', () => {
    const data = german();
    const first = data.rules[0] ?? {};
    first.period = { amount: 2, unit: 'fortnights' };
    assert.throws(
      () => parseRuleFile(data, 'assets/deadlines/de.json'),
      invalid(/^deadline rules do not validate: rules\.0\.period\.unit: /, 'assets/deadlines/de.json'),
    );
    const wrongCountry = german();
    (wrongCountry.rules[1] ?? {}).id = 'fr.bamf.klage';
    assert.throws(() => parseRuleFile(wrongCountry, 'x.json'), invalid(/rules\.1\.id: a rule of DE starts with "de\."/, 'x.json'));
    const region = german();
    region.holidays.defaultRegion = 'DE-XX';
    assert.throws(() => parseRuleFile(region, 'x.json'), invalid(/holidays\.defaultRegion/, 'x.json'));
  });

  it('a file that is no JSON, or a rule id defined twice, is refused', () => {
    const dir = tempDir('otkaz-deadline-rules-');
    writeFileSync(path.join(dir, 'de.json'), '{ "country": ');
    assert.throws(
      () => loadRules(dir),
      (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.DeadlineRulesInvalid && /not JSON/.test(e.message) && (e.where ?? '').endsWith('de.json'),
    );
    const twice = tempDir('otkaz-deadline-rules-');
    const text = readFileSync(path.join(RULES_DIR, 'de.json'), 'utf8');
    writeFileSync(path.join(twice, 'a.json'), text);
    writeFileSync(path.join(twice, 'b.json'), text);
    assert.throws(() => loadRules(twice), invalid(/rule id de\.bamf\.klage is defined twice/, path.relative(process.cwd(), path.join(twice, 'b.json'))));
  });
});
