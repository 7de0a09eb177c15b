// The deadlines of an application (src/agenda/deadlines.ts), from SYNTHETIC applications. Every expected date is
// computed by hand in the comment beside it (weekdays from 2026-01-01, a Thursday; holidays from the calendar of
// the year), never copied from the output.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { applicationDeadlines } from '../../src/agenda/deadlines.ts';
import { bucketOf, overview } from '../../src/agenda/overview.ts';
import { todayIn } from '../../src/agenda/today.ts';
import type { ApplicationBody } from '../../src/casework/applications.ts';
import { refusalIn } from '../../src/deadlines/refusals.ts';
import { loadProcedures } from '../../src/procedures/load.ts';
import { present } from '../../src/shared/present.ts';

const catalogue = loadProcedures();

type Step = ApplicationBody['steps'][number];
const step = (s: Omit<Step, 'id' | 'documentIds'>): Step => ({ id: randomUUID(), documentIds: [], ...s });
const application = (a: Partial<ApplicationBody> & Pick<ApplicationBody, 'destination' | 'procedure'>): ApplicationBody => ({
  steps: [],
  manualDeadlines: [],
  ...a,
});

describe('deadlines of an application', () => {
  it('Germany: a BAMF rejection served on Friday 2026-03-20 — two weeks over Easter, one week for manifestly unfounded', () => {
    const plain = applicationDeadlines(
      application({
        destination: 'DE',
        procedure: 'de.asylum',
        region: 'DE-BE',
        steps: [step({ stage: 'bamf', outcome: 'rejected', servedOn: '2026-03-20' })],
      }),
      catalogue,
    );
    assert.equal(plain.length, 1);
    const klage = plain[0];
    assert.ok(klage);
    assert.equal(klage.rule, 'de.bamf.klage');
    // 2026-03-20 + 2 weeks = Friday 2026-04-03, Good Friday (Easter Sunday is 2026-04-05); Saturday 04, Easter
    // Sunday 05, Easter Monday 06 → Tuesday 2026-04-07.
    assert.equal(klage.due, '2026-04-07');
    assert.equal(klage.status, 'due');
    assert.equal(klage.urgentApplication, false);
    assert.equal(klage.result?.endOfPeriod, '2026-04-03');
    assert.ok(klage.result?.explanation.some((line) => /Karfreitag/.test(line)));
    assert.ok(klage.result?.explanation.some((line) => /Ostermontag/.test(line)));
    assert.ok(klage.result?.sources.some((s) => s.citation.includes('§ 74')));

    const manifest = applicationDeadlines(
      application({
        destination: 'DE',
        procedure: 'de.asylum',
        region: 'DE-BE',
        steps: [step({ stage: 'bamf', outcome: 'rejected_manifestly_unfounded', servedOn: '2026-03-20' })],
      }),
      catalogue,
    )[0];
    // 2026-03-20 + 1 week = Friday 2026-03-27, a working day in Berlin: due that day, with the urgent application.
    assert.equal(manifest?.rule, 'de.bamf.offensichtlich-unbegruendet');
    assert.equal(manifest?.due, '2026-03-27');
    assert.equal(manifest?.urgentApplication, true);
  });

  it('Germany: inadmissible, served Friday 2026-04-24 — one week ends on 1 May', () => {
    const [item] = applicationDeadlines(
      application({ destination: 'DE', procedure: 'de.asylum', steps: [step({ stage: 'bamf', outcome: 'inadmissible', servedOn: '2026-04-24' })] }),
      catalogue,
    );
    // 2026-04-24 + 7 = Friday 2026-05-01 (Labour Day, all of Germany) → Saturday, Sunday → Monday 2026-05-04.
    assert.equal(item?.rule, 'de.bamf.unzulaessig');
    assert.equal(item?.due, '2026-05-04');
    assert.equal(item?.urgentApplication, true);
  });

  it('France: OFPRA rejection notified 2026-01-15, legal aid requested on day 5 — suspended, then the rest from the decision', () => {
    const requested = step({ stage: 'ofpra', outcome: 'rejected', servedOn: '2026-01-15', legalAid: { requestedOn: '2026-01-20' } });
    const [suspended] = applicationDeadlines(application({ destination: 'FR', procedure: 'fr.asylum', steps: [requested] }), catalogue);
    assert.equal(suspended?.rule, 'fr.cnda.recours');
    assert.equal(suspended?.status, 'suspended');
    assert.equal(suspended?.due, null);

    const decided = { ...requested, legalAid: { requestedOn: '2026-01-20', decidedOn: '2026-02-10' } };
    const [resumed] = applicationDeadlines(application({ destination: 'FR', procedure: 'fr.asylum', steps: [decided] }), catalogue);
    // One month: 2026-02-15. Days left at the request: 20 Jan → 15 Feb = 11 + 15 = 26. Decision 2026-02-10 + 26 days
    // = 2026-03-08, a Sunday (1 March 2026 is a Sunday) → Monday 2026-03-09.
    assert.equal(resumed?.status, 'due');
    assert.equal(resumed?.due, '2026-03-09');

    const late = { ...requested, legalAid: { requestedOn: '2026-02-05' } };
    const [refused] = applicationDeadlines(application({ destination: 'FR', procedure: 'fr.asylum', steps: [late] }), catalogue);
    // 2026-01-15 → 2026-02-05 is 21 days: later than 15, so the request suspends nothing — an error on this item.
    assert.equal(refused?.status, 'error');
    assert.equal(refused?.error?.code, 'deadlines.input');
    assert.match(refused?.error?.message ?? '', /15 days/);
    // The refusal as data too: the web app writes it in its own language (src/deadlines/refusals.ts).
    assert.equal(refused?.error?.refusal?.reason, 'legal_aid_too_late');
    assert.equal(refused?.error?.refusal?.field, 'legalAidRequestedOn');
    assert.match(refusalIn(present(refused?.error?.refusal, 'the refusal'), 'ru'), /^legalAidRequestedOn: ходатайство подано через 21 день .*позже 15 дней/);
  });

  it('United States: the one-year limit from the arrival, and 30 days for the BIA from the judge’s decision', () => {
    const items = applicationDeadlines(
      application({
        destination: 'US',
        procedure: 'us.defensive',
        arrivedOn: '2025-02-28',
        steps: [step({ stage: 'immigration_court', outcome: 'denied', decidedOn: '2026-06-05' })],
      }),
      catalogue,
    );
    const i589 = items.find((i) => i.rule === 'us.i589.one-year');
    // 2025-02-28 + 1 year = Saturday 2026-02-28 → Sunday → Monday 2026-03-02.
    assert.equal(i589?.origin, 'arrival');
    assert.equal(i589?.due, '2026-03-02');
    const bia = items.find((i) => i.rule === 'us.bia.appeal');
    // 2026-06-05 + 30 days = 2026-07-05, a Sunday → Monday 2026-07-06 (the observed Independence Day is Friday 3 July).
    assert.equal(bia?.from, '2026-06-05');
    assert.equal(bia?.due, '2026-07-06');
  });

  it('dates set by hand: flagged on a holiday; kept as given where the country has no rule', () => {
    const manualId = randomUUID();
    const [de] = applicationDeadlines(
      application({
        destination: 'DE',
        procedure: 'de.asylum',
        manualDeadlines: [{ id: manualId, label: 'statement of reasons', due: '2026-05-14', setBy: 'judge', source: 'order of 2026-04-30', done: false }],
      }),
      catalogue,
    );
    // 2026-05-14 is Ascension Day (Easter + 39 days): a judge's date is kept, and the holiday named.
    assert.equal(de?.rule, 'de.manual');
    // Its own words, as entered by hand: what is due and the order that set it (the dashboard shows them).
    assert.equal(de?.label, 'statement of reasons');
    assert.equal(de?.source, 'order of 2026-04-30');
    assert.equal(de?.due, '2026-05-14');
    assert.match(de?.result?.nonWorkingDay ?? '', /Christi Himmelfahrt/);
    assert.equal(de?.key, `manual:${manualId}`);

    const [kz] = applicationDeadlines(
      application({
        destination: 'KZ',
        procedure: 'kz.refugee',
        manualDeadlines: [{ id: randomUUID(), label: 'hearing', due: '2026-05-09', setBy: 'authority', done: true }],
      }),
      catalogue,
    );
    assert.equal(kz?.rule, null);
    assert.equal(kz?.label, 'hearing');
    assert.equal(kz?.source, null);
    assert.equal(kz?.due, '2026-05-09');
    assert.equal(kz?.done, true);
  });

  it('each item stands alone: a missing date or a region without a calendar is that item’s problem only', () => {
    const items = applicationDeadlines(
      application({
        destination: 'DE',
        procedure: 'de.asylum',
        region: 'DE-ZZ',
        steps: [step({ stage: 'bamf', outcome: 'rejected', servedOn: '2026-03-20' })],
        manualDeadlines: [{ id: randomUUID(), label: 'x', due: '2026-05-14', setBy: 'judge', done: false }],
      }),
      catalogue,
    );
    assert.equal(items.length, 2);
    for (const item of items) {
      assert.equal(item.status, 'error');
      assert.match(item.error?.message ?? '', /DE-ZZ/);
    }
    const [missing] = applicationDeadlines(
      application({ destination: 'DE', procedure: 'de.asylum', steps: [step({ stage: 'bamf', outcome: 'rejected', decidedOn: '2026-03-18' })] }),
      catalogue,
    );
    // § 74 runs from service: the decision's date is not enough.
    assert.equal(missing?.status, 'incomplete');
    assert.equal(missing?.missing, 'servedOn');
    const [arrival] = applicationDeadlines(application({ destination: 'US', procedure: 'us.affirmative' }), catalogue);
    assert.equal(arrival?.missing, 'arrivedOn');
  });

  it('a deadline is met once the next stage is filed', () => {
    const items = applicationDeadlines(
      application({
        destination: 'DE',
        procedure: 'de.asylum',
        steps: [step({ stage: 'bamf', outcome: 'rejected', servedOn: '2026-03-20' }), step({ stage: 'vg', filedOn: '2026-03-30' })],
      }),
      catalogue,
    );
    assert.equal(items.length, 1);
    assert.equal(items[0]?.done, true);
  });
});

describe('the overview', () => {
  const item = (due: string | null, done = false) => ({ key: `k${due}`, due, done });
  it('sorts by day: overdue, this week (today and six days), later, without a date; met ones counted', () => {
    // Today Tuesday 2026-03-24: this week is 24–30 March.
    assert.equal(bucketOf(item('2026-03-23'), '2026-03-24'), 'overdue');
    assert.equal(bucketOf(item('2026-03-24'), '2026-03-24'), 'thisWeek');
    assert.equal(bucketOf(item('2026-03-30'), '2026-03-24'), 'thisWeek');
    assert.equal(bucketOf(item('2026-03-31'), '2026-03-24'), 'later');
    assert.equal(bucketOf(item(null), '2026-03-24'), 'undetermined');
    assert.equal(bucketOf(item('2026-03-20', true), '2026-03-24'), null);
    const o = overview([item('2026-04-07'), item('2026-03-27'), item('2026-03-20', true), item('2026-03-22')], '2026-03-24');
    assert.deepEqual(
      o.thisWeek.map((i) => [i.due, i.daysLeft]),
      [['2026-03-27', 3]],
    );
    assert.deepEqual(
      o.overdue.map((i) => [i.due, i.daysLeft]),
      [['2026-03-22', -2]],
    );
    assert.deepEqual(
      o.later.map((i) => i.due),
      ['2026-04-07'],
    );
    assert.equal(o.done, 1);
  });

  it('today is the date in the installation’s time zone', () => {
    // 23:30 UTC on 24 March is already 25 March in Berlin (UTC+1 before the switch on 29 March), still 24 in New York.
    const at = new Date('2026-03-24T23:30:00Z');
    assert.equal(todayIn('UTC', at), '2026-03-24');
    assert.equal(todayIn('Europe/Berlin', at), '2026-03-25');
    assert.equal(todayIn('America/New_York', at), '2026-03-24');
  });
});
