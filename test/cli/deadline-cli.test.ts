// `otkaz deadline` end to end: the due date with the rule and its explanation, --json, --list, coded errors (the
// engine's refusals in Russian with --language ru).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, useTempDataDir } from '../helpers/cli.ts';

describe('otkaz deadline', () => {
  useTempDataDir('otkaz-deadline-cli-');

  it('prints the due date, the rule and each step', async () => {
    // Thursday 5 March 2026 + 2 weeks = Thursday 19 March, a working day in Berlin.
    const { code, out, err } = await cli('deadline', '--rule', 'de.bamf.klage', '--from', '2026-03-05', '--region', 'DE-BE');
    assert.equal(code, 0, err);
    assert.match(out, /^due: 2026-03-19$/m);
    assert.match(out, /rule: de\.bamf\.klage/);
    assert.match(out, /served 2026-03-05 \(Thursday\) \+ 2 weeks = 2026-03-19 \(Thursday\)/);
    assert.match(out, /§ 74\(1\) AsylG/);
  });

  it('--language ru: the same deadline, the explanation, title and labels in Russian', async () => {
    // Saturday 7 March 2026 + 2 weeks = Saturday 21 March → Sunday 22 → Monday 23 March.
    const { code, out, err } = await cli('deadline', '--rule', 'de.bamf.klage', '--from', '2026-03-07', '--language', 'ru');
    assert.equal(code, 0, err);
    assert.match(out, /^последний день: 2026-03-23$/m);
    assert.match(out, /^правило: de\.bamf\.klage — Иск против отказа BAMF \(обычный\)$/m);
    assert.match(out, /^ {2}дата вручения 2026-03-07 \(суббота\) \+ 2 недели = 2026-03-21 \(суббота\)$/m);
    assert.match(out, /^ {2}2026-03-22 \(воскресенье\) — выходной день$/m);
    assert.match(out, /^ {2}→ следующий рабочий день: 2026-03-23 \(понедельник\)$/m);
    assert.match(out, /^источники: § 74\(1\) AsylG/m);
    assert.match(out, /^примечание: /m);
    assert.doesNotMatch(out, /served|Saturday|working day/);
    const json = await cli('deadline', '--rule', 'de.bamf.klage', '--from', '2026-03-07', '--language', 'ru', '--json');
    const parsed = JSON.parse(json.out) as { due: string; explanation: string[]; steps: Array<{ kind: string }> };
    assert.equal(parsed.due, '2026-03-23');
    assert.match(parsed.explanation.join('\n'), /выходной день/);
    assert.equal(parsed.steps.at(-1)?.kind, 'due');
    const bad = await cli('deadline', '--rule', 'de.bamf.klage', '--from', '2026-03-07', '--language', 'de');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--language/);
  });

  it('--json carries `due`; the legal-aid flags suspend a French deadline', async () => {
    // Notified 2 March, legal aid asked 10 March (23 days left of the month to 2 April), decided 20 April → 13 May.
    const { code, out, err } = await cli(
      'deadline',
      '--rule',
      'fr.cnda.recours',
      '--from',
      '2026-03-02',
      '--legal-aid-requested',
      '2026-03-10',
      '--legal-aid-decided',
      '2026-04-20',
      '--json',
    );
    assert.equal(code, 0, err);
    assert.equal((JSON.parse(out) as { due: string }).due, '2026-05-13');
    const overseas = await cli('deadline', '--rule', 'fr.cnda.recours', '--from', '2026-03-02', '--overseas', '--json');
    assert.equal((JSON.parse(overseas.out) as { due: string }).due, '2026-05-04');
  });

  it('--list prints the rule ids (and --json the rules)', async () => {
    const list = await cli('deadline', '--list');
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /^de\.bamf\.offensichtlich-unbegruendet\s+DE\s+1 weeks/m);
    assert.match(list.out, /^us\.i589\.one-year\s+US\s+1 years/m);
    const json = await cli('deadline', '--list', '--json');
    assert.equal(json.code, 0, json.err);
    assert.ok((JSON.parse(json.out) as Array<{ id: string }>).some((r) => r.id === 'us.bia.appeal'));
  });

  it('bad input is a coded usage error', async () => {
    const unknown = await cli('deadline', '--rule', 'de.none', '--from', '2026-03-05');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /\[deadlines\.input\]: rule: unknown rule "de\.none"/);
    const date = await cli('deadline', '--rule', 'de.bamf.klage', '--from', '2026-02-30');
    assert.equal(date.code, 2);
    assert.match(date.err, /\[cli\.usage\]: --from: no such date/);
  });

  it('--language ru: the engine refuses in Russian, with the same code and the field first', async () => {
    const unknown = await cli('deadline', '--rule', 'de.none', '--from', '2026-03-05', '--language', 'ru');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /\[deadlines\.input\]: rule: нет такого правила «de\.none» \(правила: de\.bamf\.klage/);
    const missing = await cli('deadline', '--rule', 'de.bamf.klage', '--language', 'ru');
    assert.equal(missing.code, 2);
    assert.equal(missing.err.trim(), 'otkaz: error [deadlines.input]: from: обязательное поле: дата вручения (ГГГГ-ММ-ДД)');
    const late = await cli('deadline', '--rule', 'fr.cnda.recours', '--from', '2026-03-02', '--legal-aid-requested', '2026-03-18', '--language', 'ru');
    assert.equal(late.code, 2);
    assert.match(late.err, /\[deadlines\.input\]: legalAidRequestedOn: ходатайство подано через 16 дней .*не приостанавливает срок/);
    assert.doesNotMatch(late.err, /does not suspend|requested/);
    const english = await cli('deadline', '--rule', 'de.bamf.klage');
    assert.match(english.err, /\[deadlines\.input\]: from: required: the date served \(YYYY-MM-DD\)/);
  });
});
