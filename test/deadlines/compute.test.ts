// The deadline engine on hand-computed dates. Calendar facts used (worked out by hand):
//  - 2026-01-01 is a Thursday; 2026-03-01 a Sunday (59 days later: 8 weeks + 3 days); so March 2026: Mon 2, Thu 5,
//    Sat 7, Mon 9, Thu 19, Sat 21, Sun 22, Mon 23, Fri 27; April 2026: Thu 2, Fri 3 (Karfreitag), Sat 4, Sun 5 (Easter
//    Sunday), Mon 6 (Ostermontag), Tue 7, Mon 20; May 2026: Fri 1, Sat 2, Sun 3, Mon 4, Wed 13, Thu 14 (Ascension).
//  - 2027-01-01 is a Friday; 2027-03-01 a Monday (59 days: Friday + 3); 2027-03-08 a Monday (Internationaler
//    Frauentag: a public holiday in Berlin since 2019, not in Bavaria).
//  - France: 2026-07-14 (Fête nationale) is day 195 of 2026 → 194 days after Thursday 1 January = 27 weeks + 5 days:
//    a Tuesday; 2026-06-14 is 30 days earlier: a Sunday; 1 May 2026 (Fête du travail) is a Friday.
//  - 2028-01-01 is a Saturday; 2028-02-29 (leap day) 59 days later: a Tuesday.
//  - US: 2025-01-01 is a Wednesday; 2025-02-28 (day 59) a Friday; 2026-03-15 (day 74: 73 = 10 weeks + 3) a Sunday.
//    Thanksgiving 2026 is the fourth Thursday of November: 26 November (1 November 2026 is a Sunday); the Friday
//    after is no federal holiday. 4 July 2026 is a Saturday: the federal holiday is observed on Friday 3 July.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDeadline, type DeadlineInput } from '../../src/deadlines/index.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';

const due = (rule: string, input: DeadlineInput) => computeDeadline(rule, input).due;

function refuses(rule: string, input: DeadlineInput, pattern: RegExp): void {
  assert.throws(
    () => computeDeadline(rule, input),
    (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.DeadlineInput && pattern.test(e.message),
  );
}

describe('Germany: suit against BAMF decisions (§ 74 AsylG; §§ 187, 188 BGB via § 57 VwGO, § 222 ZPO)', () => {
  it('two weeks: the same weekday two weeks later, with the arithmetic explained', () => {
    // Thursday 5 March + 14 days = Thursday 19 March, a working day.
    const r = computeDeadline('de.bamf.klage', { from: '2026-03-05', region: 'DE-BE' });
    assert.equal(r.due, '2026-03-19');
    assert.equal(r.shifted, false);
    assert.equal(r.urgentApplication, false);
    assert.ok(r.explanation.includes('served 2026-03-05 (Thursday) + 2 weeks = 2026-03-19 (Thursday)'), r.explanation.join('\n'));
    assert.ok(r.sources.some((s) => s.citation === '§ 74(1) AsylG'));
  });

  it('a period ending on a Saturday or a Sunday runs to Monday', () => {
    // Saturday 7 March + 14 = Saturday 21 March → Monday 23 March.
    assert.equal(due('de.bamf.klage', { from: '2026-03-07' }), '2026-03-23');
    // Sunday 15 March + 7 = Sunday 22 March → Monday 23 March.
    const r = computeDeadline('de.bamf.unzulaessig', { from: '2026-03-15' });
    assert.equal(r.endOfPeriod, '2026-03-22');
    assert.equal(r.due, '2026-03-23');
    assert.ok(r.explanation.includes('2026-03-22 (Sunday) is a Sunday'));
  });

  it('Good Friday and Easter Monday are passed over (nationwide holidays)', () => {
    // One week from Friday 27 March = Friday 3 April (Karfreitag) → Sat 4, Sun 5, Mon 6 (Ostermontag) → Tuesday 7 April.
    const r = computeDeadline('de.bamf.offensichtlich-unbegruendet', { from: '2026-03-27', region: 'DE-BE' });
    assert.equal(r.due, '2026-04-07');
    assert.equal(r.urgentApplication, true);
    assert.ok(r.explanation.includes('2026-04-03 (Friday) is Karfreitag (public holiday in DE-BE)'), r.explanation.join('\n'));
    assert.ok(r.explanation.includes('2026-04-06 (Monday) is Ostermontag (public holiday in DE-BE)'));
    assert.ok(r.explanation.includes('→ next working day 2026-04-07 (Tuesday)'));
    assert.match(r.note ?? '', /§ 80\(5\) VwGO/);
    // Two weeks from Monday 23 March = Monday 6 April (Ostermontag) → Tuesday 7 April, in every Land.
    assert.equal(due('de.bamf.klage', { from: '2026-03-23', region: 'DE-BY' }), '2026-04-07');
    assert.equal(due('de.bamf.klage', { from: '2026-03-23' }), '2026-04-07');
  });

  it('a Land holiday counts only in that Land: 8 March in Berlin, not in Bavaria nor by default', () => {
    // One week from Monday 1 March 2027 = Monday 8 March 2027 (Internationaler Frauentag in Berlin).
    const berlin = computeDeadline('de.bamf.unzulaessig', { from: '2027-03-01', region: 'DE-BE' });
    assert.equal(berlin.due, '2027-03-09');
    assert.ok(berlin.explanation.includes('2027-03-08 (Monday) is Internationaler Frauentag (public holiday in DE-BE)'));
    assert.equal(due('de.bamf.unzulaessig', { from: '2027-03-01', region: 'DE-BY' }), '2027-03-08');
    const national = computeDeadline('de.bamf.unzulaessig', { from: '2027-03-01' });
    assert.equal(national.region, 'DE');
    assert.equal(national.due, '2027-03-08');
    // The region is read case-insensitively.
    assert.equal(due('de.bamf.unzulaessig', { from: '2027-03-01', region: 'de-be' }), '2027-03-09');
  });
});

describe('France: appeal to the CNDA (CESEDA L.532-1, R.532-1)', () => {
  it('one month, date to date', () => {
    // Monday 2 March + 1 month = Thursday 2 April.
    const r = computeDeadline('fr.cnda.recours', { from: '2026-03-02' });
    assert.equal(r.due, '2026-04-02');
    assert.ok(r.explanation.includes('notified 2026-03-02 (Monday) + 1 month = 2026-04-02 (Thursday)'));
  });

  it('31 January → the last day of February (and a Saturday → Monday)', () => {
    // 2026-01-31 + 1 month: February 2026 has 28 days → Saturday 28 February → Monday 2 March.
    const r = computeDeadline('fr.cnda.recours', { from: '2026-01-31' });
    assert.equal(r.endOfPeriod, '2026-02-28');
    assert.equal(r.due, '2026-03-02');
    assert.ok(r.explanation.some((s) => s.includes('last day, 2026-02-28')));
  });

  it('in a leap year: 2028-01-31 → Tuesday 2028-02-29', () => {
    assert.equal(due('fr.cnda.recours', { from: '2028-01-31' }), '2028-02-29');
  });

  it('14 July and 1 May are passed over', () => {
    // Sunday 14 June + 1 month = Tuesday 14 July (Fête nationale) → Wednesday 15 July.
    const july = computeDeadline('fr.cnda.recours', { from: '2026-06-14' });
    assert.equal(july.due, '2026-07-15');
    assert.ok(july.explanation.some((s) => s.startsWith('2026-07-14 (Tuesday) is ') && s.includes('public holiday in FR')));
    // Wednesday 1 April + 1 month = Friday 1 May (Fête du travail) → Sat 2, Sun 3 → Monday 4 May.
    assert.equal(due('fr.cnda.recours', { from: '2026-04-01' }), '2026-05-04');
  });

  it('overseas: one more month (délai de distance)', () => {
    // Monday 2 March + 2 months = Saturday 2 May → Sunday 3 → Monday 4 May.
    const r = computeDeadline('fr.cnda.recours', { from: '2026-03-02', overseas: true });
    assert.equal(r.endOfPeriod, '2026-05-02');
    assert.equal(r.due, '2026-05-04');
    assert.ok(r.explanation.some((s) => s.startsWith('overseas: + 1 month')));
  });

  it('a legal-aid request within 15 days suspends the deadline; the rest runs from the decision', () => {
    // Notified Monday 2 March: the period would end Thursday 2 April. Legal aid requested Tuesday 10 March (day 8):
    // from 10 March to 2 April 23 days are left (21 in March + 2). Decision notified Monday 20 April: + 23 days =
    // 13 May (Wednesday, a working day; Ascension is the next day).
    const r = computeDeadline('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-10', legalAidDecidedOn: '2026-04-20' });
    assert.equal(r.status, 'due');
    assert.equal(r.due, '2026-05-13');
    assert.ok(r.explanation.some((s) => s.includes('suspended with 23 days left')));
    assert.ok(r.explanation.includes('legal-aid decision notified 2026-04-20 (Monday) + 23 days left = 2026-05-13 (Wednesday)'));
    assert.ok(r.sources.some((s) => s.citation.includes('2018-778')));
    // The 15th day still suspends: 17 March, 16 days left (to 2 April) → 20 April + 16 = 6 May (Wednesday).
    assert.equal(due('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-17', legalAidDecidedOn: '2026-04-20' }), '2026-05-06');
  });

  it('a pending legal-aid request: suspended, no date yet', () => {
    const r = computeDeadline('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-10' });
    assert.equal(r.status, 'suspended');
    assert.equal(r.due, null);
  });

  it('a legal-aid request after 15 days does not suspend: refused with the reason', () => {
    // 18 March is day 16 after 2 March.
    refuses(
      'fr.cnda.recours',
      { from: '2026-03-02', legalAidRequestedOn: '2026-03-18', legalAidDecidedOn: '2026-04-20' },
      /^legalAidRequestedOn: requested 16 days after .*does not suspend/,
    );
  });
});

describe('United States', () => {
  it('I-589 within one year of the last arrival; a 29 February arrival ends on 28 February', () => {
    // Arrived Thursday 2024-02-29: 2025 has no 29 February → Friday 2025-02-28, a working day.
    const r = computeDeadline('us.i589.one-year', { from: '2024-02-29' });
    assert.equal(r.due, '2025-02-28');
    assert.ok(r.explanation.some((s) => s.includes('last day, 2025-02-28')));
    // Arrived 2027-02-28 → 2028-02-28 (Monday): a leap year keeps the same date.
    assert.equal(due('us.i589.one-year', { from: '2027-02-28' }), '2028-02-28');
    // Arrived 2025-03-15 → Sunday 2026-03-15 → Monday 16 March.
    assert.equal(due('us.i589.one-year', { from: '2025-03-15' }), '2026-03-16');
  });

  it('BIA appeal: 30 days, past a federal holiday', () => {
    // Decision Tuesday 27 October 2026 + 30 days = Thursday 26 November (Thanksgiving) → Friday 27 November.
    const r = computeDeadline('us.bia.appeal', { from: '2026-10-27' });
    assert.equal(r.endOfPeriod, '2026-11-26');
    assert.equal(r.due, '2026-11-27');
    // Decision Wednesday 3 June + 30 = Friday 3 July (Independence Day observed) → Sat 4 (Independence Day), Sun 5 → Monday 6 July.
    assert.equal(due('us.bia.appeal', { from: '2026-06-03' }), '2026-07-06');
  });
});

describe('deadlines set by hand (manual rules)', () => {
  it('keep the date as set; a non-working day is flagged, and moved only when asked', () => {
    const kept = computeDeadline('de.manual', { due: '2026-04-03', region: 'DE-BE' });
    assert.equal(kept.due, '2026-04-03');
    assert.equal(kept.shifted, false);
    assert.match(kept.nonWorkingDay ?? '', /Karfreitag/);
    const moved = computeDeadline('de.manual', { due: '2026-04-03', region: 'DE-BE', shift: true });
    assert.equal(moved.due, '2026-04-07');
    assert.equal(moved.shifted, true);
    const plain = computeDeadline('us.manual', { from: '2026-03-02', due: '2026-03-19' });
    assert.deepEqual([plain.due, plain.nonWorkingDay], ['2026-03-19', null]);
  });
});

describe('bad input is a coded error naming the field', () => {
  it('unknown rule, bad date, missing date, dates in the wrong order, options a rule lacks', () => {
    refuses('de.bamf.nothing', { from: '2026-03-05' }, /^rule: unknown rule "de.bamf.nothing" \(the rules: de.bamf.klage/);
    refuses('de.bamf.klage', { from: '2026-02-30' }, /^from: not a calendar date/);
    refuses('de.bamf.klage', {}, /^from: required/);
    refuses('de.bamf.klage', { from: '0026-03-05' }, /^from: 0026-03-05 is outside the years this calculator covers/);
    refuses('de.bamf.klage', { from: '2026-03-05', region: 'FR' }, /^region: "FR" is not a holiday region of DE/);
    refuses('de.bamf.klage', { from: '2026-03-05', overseas: true }, /^overseas: rule de.bamf.klage has no overseas extension/);
    refuses('de.bamf.klage', { from: '2026-03-05', due: '2026-03-20' }, /^due: only a manual rule/);
    refuses(
      'fr.cnda.recours',
      { from: '2026-03-02', legalAidRequestedOn: '2026-03-10', legalAidDecidedOn: '2026-03-09' },
      /^legalAidDecidedOn: 2026-03-09 is before the legal-aid request/,
    );
    refuses('fr.cnda.recours', { from: '2026-03-02', legalAidRequestedOn: '2026-03-01' }, /^legalAidRequestedOn: 2026-03-01 is before notified 2026-03-02/);
    refuses('fr.cnda.recours', { from: '2026-03-02', legalAidDecidedOn: '2026-04-20' }, /^legalAidRequestedOn: required/);
    refuses('us.manual', { from: '2026-03-10', due: '2026-03-02' }, /^due: 2026-03-02 is before/);
    refuses('us.manual', {}, /^due: required/);
  });
});
