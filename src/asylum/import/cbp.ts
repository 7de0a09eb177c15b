/**
 * US CBP Nationwide Encounters CSV (state and AOR files). Each row is one month of a fiscal year (October–
 * September); it is stored under its calendar month, so fiscal-year and calendar-year totals are both sums of
 * months. "2026 (FYTD)" is fiscal year 2026, still running: its rows carry the flag `fytd`. `Month Grouping`
 * (FYTD / Remaining) is not a subtotal and is not stored.
 */

import { ErrorCode } from '../../shared/errors.ts';
import { calendarMonthOfFiscalYear } from '../../shared/periods.ts';
import { fromCbpCitizenship } from '../codes/countries.ts';
import type { Observation } from '../model.ts';
import { csvBatches, headerAndRest, importError } from './input.ts';
import { detailOf, type ParsedFile, parseCount } from './parsed.ts';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Fiscal year + month → calendar month YYYY-MM (Oct–Dec belong to the previous calendar year). */
export function calendarMonth(fiscalYear: number, month: string): string | null {
  const index = MONTHS.indexOf(month.trim().toUpperCase().slice(0, 3));
  if (index < 0) return null;
  return calendarMonthOfFiscalYear(fiscalYear, index + 1);
}

/** "2024" or "2026 (FYTD)" → year and running flag. */
export function fiscalYearOf(label: string): { year: number; running: boolean } | null {
  const m = /^\s*(?:FY\s*)?(\d{4})\s*(\(FYTD\))?\s*$/i.exec(label);
  return m ? { year: Number(m[1]), running: Boolean(m[2]) } : null;
}

const DETAIL_COLUMNS: Array<[string, string]> = [
  ['Component', 'component'],
  ['Land Border Region', 'region'],
  ['Area of Responsibility', 'aor'],
  ['AOR (Abbv)', 'aor_code'],
  ['State', 'state'],
  ['Demographic', 'demographic'],
  ['Title of Authority', 'title'],
  ['Encounter Type', 'type'],
];

export async function readCbpCsv(text: AsyncIterable<string>, file: string): Promise<ParsedFile> {
  const { header, rest: records } = await headerAndRest(csvBatches(text, file), file);
  const names = header.fields.map((name) => name.trim());
  const col = (name: string) => names.indexOf(name);
  const required = ['Fiscal Year', 'Month (abbv)', 'Citizenship', 'Encounter Count'];
  for (const name of required) {
    if (col(name) < 0)
      throw importError(ErrorCode.StatsFormat, `a CBP encounters file needs the column "${name}" (found: ${names.join(', ')})`, { file, line: header.line });
  }
  const details = DETAIL_COLUMNS.map(([name, key]) => [col(name), key] as const).filter(([i]) => i >= 0);
  const [fyCol, monthCol, citizenCol, countCol] = required.map(col) as [number, number, number, number];
  const citizenship = new Map<string, string>();
  async function* observations(): AsyncGenerator<Observation[]> {
    for await (const batch of records) {
      const out: Observation[] = [];
      for (const record of batch) {
        const field = (i: number) => (record.fields[i] ?? '').trim();
        const fy = fiscalYearOf(field(fyCol));
        if (!fy)
          throw importError(ErrorCode.StatsParse, `unreadable fiscal year "${field(fyCol).slice(0, 20)}"`, { file, line: record.line, column: 'Fiscal Year' });
        const month = calendarMonth(fy.year, field(monthCol));
        if (!month)
          throw importError(ErrorCode.StatsParse, `unreadable month "${field(monthCol).slice(0, 20)}"`, { file, line: record.line, column: 'Month (abbv)' });
        const name = field(citizenCol);
        let origin = citizenship.get(name);
        if (origin === undefined) {
          const code = fromCbpCitizenship(name);
          if (code === null)
            throw importError(ErrorCode.StatsUnknownCode, `unknown citizenship "${name.slice(0, 40)}"`, { file, line: record.line, column: 'Citizenship' });
          citizenship.set(name, code);
          origin = code;
        }
        out.push({
          indicator: 'encounters',
          measure: 'total',
          origin,
          destination: 'USA',
          period: month,
          periodType: 'month',
          level: '',
          unit: 'encounters',
          sex: '',
          age: '',
          detail: detailOf(details.map(([i, key]) => [key, field(i)])),
          value: parseCount(field(countCol), file, record.line, 'Encounter Count'),
          flags: fy.running ? 'fytd' : null,
          line: record.line,
        });
      }
      yield out;
    }
  }
  return { source: 'cbp', dataset: 'nationwide-encounters', format: 'cbp-csv', vintage: null, meta: { columns: names }, observations: observations() };
}
