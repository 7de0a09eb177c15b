// Plain-date arithmetic: weekdays, month ends, leap years, and no dependence on the machine's time zone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, addYears, daysBetween, isPlainDate, weekday } from '../../src/deadlines/dates.ts';

describe('plain dates', () => {
  it('knows the weekday of a date', () => {
    // 2026-01-01 is a Thursday; 1 March 2026 is 59 days later (31 + 28): 59 = 8 × 7 + 3 → Thursday + 3 = Sunday.
    assert.equal(weekday('2026-01-01'), 'Thursday');
    assert.equal(weekday('2026-03-01'), 'Sunday');
    // 2028-02-29: 2028-01-01 is a Saturday (2027 has 365 days, 2027-01-01 a Friday), + 59 days → Saturday + 3 = Tuesday.
    assert.equal(weekday('2028-02-29'), 'Tuesday');
  });

  it('adds months to the same day, or the last day of a shorter month', () => {
    assert.deepEqual(addMonths('2026-03-02', 1), { date: '2026-04-02', clamped: false });
    assert.deepEqual(addMonths('2026-01-31', 1), { date: '2026-02-28', clamped: true });
    assert.deepEqual(addMonths('2028-01-31', 1), { date: '2028-02-29', clamped: true });
    assert.deepEqual(addMonths('2026-12-15', 2), { date: '2027-02-15', clamped: false });
    assert.deepEqual(addYears('2024-02-29', 1), { date: '2025-02-28', clamped: true });
    assert.deepEqual(addYears('2024-02-29', 4), { date: '2028-02-29', clamped: false });
  });

  it('adds days across months and years, and counts days between', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(daysBetween('2026-03-02', '2026-03-10'), 8);
    assert.equal(daysBetween('2026-03-10', '2026-03-02'), -8);
  });

  it('counts years below 100 as such (Date.UTC would read 0050 as 1950)', () => {
    // 0050 is no leap year (not divisible by 4), so 28 February + 1 day is 1 March; 1950 would agree, but the year must stay 0050.
    assert.equal(addDays('0050-02-28', 1), '0050-03-01');
    assert.equal(addDays('0048-02-28', 1), '0048-02-29');
    assert.equal(isPlainDate('0048-02-29'), true);
  });

  it('refuses dates that do not exist', () => {
    assert.equal(isPlainDate('2026-02-29'), false);
    assert.equal(isPlainDate('2028-02-29'), true);
    assert.equal(isPlainDate('2026-13-01'), false);
    assert.equal(isPlainDate('2026-3-1'), false);
  });

  it('gives the same answers in any time zone of the machine', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin', 'America/New_York']) {
        process.env.TZ = tz;
        assert.equal(weekday('2026-03-29'), 'Sunday', tz); // the day European summer time starts
        assert.equal(addDays('2026-03-28', 1), '2026-03-29', tz);
        assert.equal(addDays('2026-11-01', 1), '2026-11-02', tz); // the day US daylight time ends
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
