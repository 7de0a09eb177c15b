// The attacker of a published anonymised release: from the release file alone (the tables, their labels and
// margins — nothing of the library that made it), the feasible interval of every withheld cell over non-negative
// integer tables consistent with every published figure. A cell two tables state (the same labels) is one unknown.
// Zeros are always published, so a withheld cell is at least 1 (the attacker knows it too: docs/disclosure.md).
import type { Highs } from 'highs';
import { solver } from '../../src/disclosure/intervals.ts';

export interface PublishedTable {
  year: string;
  base: Record<string, string>;
  rowDimension: string;
  rows: string[];
  columns: string[];
  cells: Array<Array<number | null>>;
}

function label(table: PublishedTable, r: number, c: number): string {
  const parts: Record<string, string> = { ...table.base, year: table.year };
  const row = table.rows[r] as string;
  const column = table.columns[c] as string;
  if (row !== 'total') parts[table.rowDimension] = row;
  if (column !== 'total') parts.destination = column;
  return JSON.stringify(Object.entries(parts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export interface Attack {
  /** Withheld cells by label, with the attacker's interval. */
  intervals: Map<string, { lo: number; hi: number }>;
}

export async function attack(tables: readonly PublishedTable[]): Promise<Attack> {
  // The same WebAssembly HiGHS build (loading it is all that is shared: the model below is the attacker's own).
  const highs: Highs = await solver();
  const unknown = new Map<string, string>();
  const known = new Map<string, number>();
  for (const t of tables)
    t.cells.forEach((line, r) => {
      line.forEach((v, c) => {
        const l = label(t, r, c);
        if (v === null) {
          if (!unknown.has(l)) unknown.set(l, `u${unknown.size}`);
        } else known.set(l, v);
      });
    });
  const equations: string[] = [];
  for (const t of tables) {
    const lines: Array<Array<[number, number]>> = [
      ...t.rows.map((_, r) => t.columns.map((_c, c) => [r, c] as [number, number])),
      ...t.columns.map((_, c) => t.rows.map((_r, r) => [r, c] as [number, number])),
    ];
    for (const line of lines) {
      let rhs = 0;
      const terms: string[] = [];
      line.forEach(([r, c], i) => {
        const sign = i === line.length - 1 ? -1 : 1;
        const l = label(t, r, c);
        const u = unknown.get(l);
        if (u) terms.push(`${sign > 0 ? '+' : '-'} ${u}`);
        else rhs -= sign * (known.get(l) ?? 0);
      });
      if (terms.length) equations.push(`${terms.join(' ')} = ${rhs}`);
    }
  }
  const intervals = new Map<string, { lo: number; hi: number }>();
  const names = [...unknown.values()];
  for (const [l, u] of unknown) {
    const solve = (sense: string) => {
      const text = [
        sense,
        ` obj: ${u}`,
        'Subject To',
        ...equations.map((e, i) => ` e${i}: ${e}`),
        ` e${equations.length}: ${u} >= 0`,
        'Bounds',
        ...names.map((n) => ` ${n} >= 1`),
        'General',
        ` ${names.join(' ')}`,
        'End',
      ].join('\n');
      const result = highs.solve(text, { output_flag: false });
      if (result.Status === 'Optimal') return Math.round(result.ObjectiveValue);
      if (result.Status === 'Unbounded' || result.Status === 'Primal infeasible or unbounded') return sense === 'Maximize' ? Number.POSITIVE_INFINITY : 1;
      throw new Error(`attacker: ${result.Status}`);
    };
    intervals.set(l, { lo: solve('Minimize'), hi: solve('Maximize') });
  }
  return { intervals };
}

/** The label the attacker gives a cell (to compare with the true counts). */
export function cellLabel(table: PublishedTable, r: number, c: number): string {
  return label(table, r, c);
}
