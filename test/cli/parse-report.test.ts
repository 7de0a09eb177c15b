// `otkaz parse --report DIR`: every page of a folder parsed in one process, and what the parsers do not recognise.
// Expected values are read by hand from the fixture folder (test/fixtures/courts, SOURCES.md): nine HTML pages —
// four cards (blag, kirov, leninsky, samara), two lists (ksoyu, samara UID results), the captcha gate (wrong
// code), the throttle page and the captcha form. Every label on them is in the synonym table; blag_card.html is
// a pending civil case with neither a hearing date nor a result.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ParseReport } from '../../src/courts/parse/report.ts';
import { cli } from '../helpers/cli.ts';
import { FIXTURES, fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

describe('otkaz parse --report DIR', () => {
  it('over the fixture folder: the kinds, nothing unrecognised, the empty fields of the pending case', async () => {
    const { code, out } = await cli('parse', '--report', path.join(FIXTURES, 'courts'), '--json');
    assert.equal(code, 0);
    const report = JSON.parse(out) as ParseReport;
    assert.equal(report.files, 9, 'the .html pages only, not the JSON directories');
    assert.deepEqual(report.kinds, { case_card: 4, case_list: 2, captcha_wrong: 1, throttled: 1, captcha_form: 1 });
    assert.deepEqual(report.unrecognised, []);
    assert.equal(report.cards, 4);
    assert.deepEqual(report.missing, { caseNumber: 0, judicialUid: 0, receiptDate: 0, judge: 0, hearingDate: 1, resultText: 1, courtName: 0 });
    const text = await cli('parse', '--report', path.join(FIXTURES, 'courts'));
    assert.match(text.out, /^9 page\(s\): /);
    assert.match(text.out, /unrecognised: none/);
    assert.match(text.out, /empty fields in 4 card\(s\): hearingDate 1, resultText 1/);
  });
  it("a new court's labels are listed with their counts and files before anything is stored", async () => {
    const dir = tempDir('otkaz-report-');
    mkdirSync(path.join(dir, 'court-b'));
    // leninsky_ufa_criminal.html with two labels renamed to ones the parser does not read.
    const html = fixture('leninsky_ufa_criminal.html')
      .toString('utf8')
      .replace('<b>Признак рассмотрения дела</b>', '<b>Дата вступления в законную силу</b>')
      .replace('<b>Примечание</b>', '<b>Комментарий секретаря</b>');
    writeFileSync(path.join(dir, 'a.html'), html);
    writeFileSync(path.join(dir, 'court-b', 'b.html'), html);
    writeFileSync(path.join(dir, 'notes.txt'), 'not a page');
    const { code, out } = await cli('parse', '--report', dir, '--json');
    assert.equal(code, 0);
    const report = JSON.parse(out) as ParseReport;
    assert.equal(report.files, 2);
    assert.deepEqual(report.unrecognised, [
      { what: 'event column', label: 'Комментарий секретаря', count: 2, files: ['a.html', path.join('court-b', 'b.html')] },
      { what: 'info label', label: 'Дата вступления в законную силу', count: 2, files: ['a.html', path.join('court-b', 'b.html')] },
    ]);
  });
  it('a missing folder, a file, or both a file and --report are clear usage errors', async () => {
    const missing = await cli('parse', '--report', path.join(tempDir('otkaz-report-'), 'nope'));
    assert.notEqual(missing.code, 0);
    assert.match(missing.err, /cannot read the folder/);
    const notDir = await cli('parse', '--report', path.join(FIXTURES, 'courts', 'kirov_koap.html'));
    assert.notEqual(notDir.code, 0);
    assert.match(notDir.err, /--report takes a folder/);
    const both = await cli('parse', path.join(FIXTURES, 'courts', 'kirov_koap.html'), '--report', path.join(FIXTURES, 'courts'));
    assert.notEqual(both.code, 0);
    assert.match(both.err, /not both/);
  });
});
