// Month, quarter and US fiscal-year arithmetic (src/shared/periods.ts), the edge cases first: December to
// January, the fiscal year that starts in October, leap days, years below 100, and a machine in a time zone
// where a day can be skipped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addMonthsToDay,
  addMonthsToMonth,
  calendarMonthOfFiscalYear,
  fiscalYearOfMonth,
  isMonth,
  lastDayOfMonth,
  monthsBetween,
  monthsIn,
  parseMonthRange,
  parsePeriod,
  periodEnd,
  quarterOfMonth,
} from '../../src/shared/periods.ts';

describe('periods: month arithmetic', () => {
  it('December → January crosses the year, both ways', () => {
    assert.equal(addMonthsToMonth('2023-12', 1), '2024-01');
    assert.equal(addMonthsToMonth('2024-01', -1), '2023-12');
    assert.equal(addMonthsToMonth('2023-11', 14), '2025-01');
    assert.equal(monthsBetween('2023-12', '2024-01'), 2);
    assert.equal(monthsBetween('2021-10', '2022-01'), 4);
    assert.equal(monthsBetween('2024-05', '2024-05'), 1);
    assert.equal(monthsBetween('2024-02', '2024-01'), 0);
  });

  it('the last day of a month, leap years included', () => {
    assert.equal(lastDayOfMonth('2024-02'), '2024-02-29');
    assert.equal(lastDayOfMonth('2023-02'), '2023-02-28');
    assert.equal(lastDayOfMonth('2000-02'), '2000-02-29');
    assert.equal(lastDayOfMonth('1900-02'), '1900-02-28');
    assert.equal(lastDayOfMonth('2024-12'), '2024-12-31');
    assert.equal(lastDayOfMonth('2024-04'), '2024-04-30');
  });

  it('a day plus or minus months lands on the month end when the day does not exist', () => {
    assert.equal(addMonthsToDay('2024-02-29', -12), '2023-02-28');
    assert.equal(addMonthsToDay('2024-02-29', 48), '2028-02-29');
    assert.equal(addMonthsToDay('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonthsToDay('2023-01-31', 1), '2023-02-28');
    assert.equal(addMonthsToDay('2024-03-31', -1), '2024-02-29');
    assert.equal(addMonthsToDay('2024-12-15', 1), '2025-01-15');
    assert.throws(() => addMonthsToDay('2023-02-29', 1), RangeError);
    assert.throws(() => addMonthsToDay('2024-13-01', 1), RangeError);
  });

  it('years below 100 stay themselves (Date.UTC would read 0024 as 1924)', () => {
    assert.equal(lastDayOfMonth('0024-02'), '0024-02-29');
    assert.equal(addMonthsToMonth('0099-12', 1), '0100-01');
  });

  it('months 01–12 only', () => {
    assert.equal(isMonth('2024-12'), true);
    assert.equal(isMonth('2024-13'), false);
    assert.equal(isMonth('2024-00'), false);
    assert.equal(isMonth('2024-1'), false);
    assert.throws(() => lastDayOfMonth('2024-13'), RangeError);
  });
});

describe('periods: the US fiscal year starts in October', () => {
  it('October–December belong to the next fiscal year', () => {
    assert.equal(fiscalYearOfMonth('2023-09'), 2023);
    assert.equal(fiscalYearOfMonth('2023-10'), 2024);
    assert.equal(fiscalYearOfMonth('2023-12'), 2024);
    assert.equal(fiscalYearOfMonth('2024-01'), 2024);
    assert.equal(calendarMonthOfFiscalYear(2024, 10), '2023-10');
    assert.equal(calendarMonthOfFiscalYear(2024, 12), '2023-12');
    assert.equal(calendarMonthOfFiscalYear(2024, 1), '2024-01');
    assert.equal(calendarMonthOfFiscalYear(2024, 9), '2024-09');
    assert.throws(() => calendarMonthOfFiscalYear(2024, 13), RangeError);
  });

  it('FY2024 covers October 2023 to September 2024', () => {
    assert.deepEqual(parsePeriod('FY2024'), { basis: 'fiscal_year', label: 'FY2024', year: 2024, first: '2023-10', last: '2024-09' });
    assert.deepEqual(parsePeriod('fy 2024'), parsePeriod('FY2024'));
    const fy = parsePeriod('FY2024');
    assert.ok(fy);
    assert.equal(monthsBetween(fy.first, fy.last), monthsIn('fiscal_year'));
  });
});

describe('periods: labels', () => {
  it('years, quarters and months, canonical', () => {
    assert.deepEqual(parsePeriod('2024'), { basis: 'year', label: '2024', year: 2024, first: '2024-01', last: '2024-12' });
    assert.deepEqual(parsePeriod(' 2024-q4 '), { basis: 'quarter', label: '2024-Q4', year: 2024, first: '2024-10', last: '2024-12' });
    assert.deepEqual(parsePeriod('2024-05'), { basis: 'month', label: '2024-05', year: 2024, first: '2024-05', last: '2024-05' });
    for (const bad of ['2024-13', '2024-00', '2024-Q5', 'FY24', '24', '2024-5', '2024/05', '']) assert.equal(parsePeriod(bad), null, bad);
    assert.equal(quarterOfMonth('2024-03'), '2024-Q1');
    assert.equal(quarterOfMonth('2024-10'), '2024-Q4');
  });

  it('ranges of months, across the turn of the year', () => {
    assert.deepEqual(parseMonthRange('2021-10..2022-01'), { from: '2021-10', to: '2022-01', months: 4 });
    assert.equal(parseMonthRange('2022-05..2022-01')?.months, -3);
    assert.equal(parseMonthRange('2021-13..2022-01'), null);
    assert.equal(parseMonthRange('2021-10'), null);
  });

  it('the end of a stored period', () => {
    assert.equal(periodEnd('2023'), '2023-12-31');
    assert.equal(periodEnd('2024-Q1'), '2024-03-31');
    assert.equal(periodEnd('2023-Q4'), '2023-12-31');
    assert.equal(periodEnd('2024-02'), '2024-02-29');
    assert.throws(() => periodEnd('FY2024'), RangeError);
  });

  it('the same answers in a time zone that skipped a whole day (Pacific/Apia, 30 December 2011)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Pacific/Apia';
    try {
      // The zone is in force: a local date of that day does not exist.
      assert.equal(new Date(2011, 11, 30).getDate(), 31);
      assert.equal(addMonthsToDay('2011-11-30', 1), '2011-12-30');
      assert.equal(lastDayOfMonth('2011-12'), '2011-12-31');
      assert.equal(addMonthsToMonth('2011-12', 1), '2012-01');
      assert.equal(monthsBetween('2011-12', '2012-01'), 2);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
