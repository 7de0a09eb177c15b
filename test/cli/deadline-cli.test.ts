// `otkaz deadline` end to end: the due date with the rule and its explanation, --json, --list, coded errors.
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
});
