/**
 * Linked frequency tables, as published: each table is a grid of counts with its margins (a total row and a total
 * column), and a count that two tables both state (the per-destination total in every table of a year; the
 * "military" row of the status table, which is the total of the military-status table) is one figure, named by its
 * key, wherever it appears. The published figures are the counts of microdata — one unit record per person — over
 * every combination of dimension values a table cell names. Pure: no storage, no solver (docs/disclosure.md).
 */

/** A dimension value of one unit record; a figure fixes some dimensions and counts the records that match. */
export type Assignment = Readonly<Record<string, string>>;

export interface GridSpec {
  /** Stable id, e.g. 2023/status. */
  id: string;
  /** Dimensions every cell of the grid fixes (e.g. year, and group=military for the military-status table). */
  base: Assignment;
  rowDimension: string;
  rows: readonly string[];
  columnDimension: string;
  columns: readonly string[];
}

export const TOTAL = 'total';

/** The figure a cell names: base ∪ row ∪ column, with `total` meaning "not fixed". */
export function assignmentOf(grid: GridSpec, row: string, column: string): Assignment {
  const out: Record<string, string> = { ...grid.base };
  if (row !== TOTAL) out[grid.rowDimension] = row;
  if (column !== TOTAL) out[grid.columnDimension] = column;
  return out;
}

/** A canonical key for an assignment: `dim=value` pairs sorted by dimension, joined by `|`. */
export function keyOf(assignment: Assignment): string {
  return Object.keys(assignment)
    .sort()
    .map((d) => `${d}=${assignment[d]}`)
    .join('|');
}

/** The rows and columns of a grid with its margins: the total row and column last. */
export function extended(grid: GridSpec): { rows: string[]; columns: string[] } {
  return { rows: [...grid.rows, TOTAL], columns: [...grid.columns, TOTAL] };
}

/** Every figure key of a grid, [row][column] over the extended grid (margins last). */
export function gridKeys(grid: GridSpec): string[][] {
  const { rows, columns } = extended(grid);
  return rows.map((r) => columns.map((c) => keyOf(assignmentOf(grid, r, c))));
}

/** A published linear identity: the sum of `parts` equals `total` (a row or column of a grid). */
export interface Identity {
  total: string;
  parts: string[];
}

/** The identities a grid states: every row and every column (with the margins' own row and column). */
export function identities(grid: GridSpec): Identity[] {
  const keys = gridKeys(grid);
  const out: Identity[] = [];
  for (const line of keys) out.push({ total: line[line.length - 1] as string, parts: line.slice(0, -1) });
  const width = keys[0]?.length ?? 0;
  for (let c = 0; c < width; c += 1) {
    const column = keys.map((line) => line[c] as string);
    out.push({ total: column[column.length - 1] as string, parts: column.slice(0, -1) });
  }
  return out;
}

/** Counts every figure of the grids over the unit records (a record matches a figure when it has each fixed value). */
export function countFigures(grids: readonly GridSpec[], records: ReadonlyArray<Assignment>): Map<string, number> {
  const figures = new Map<string, number>();
  const wanted = new Map<string, Assignment>();
  for (const grid of grids) {
    const { rows, columns } = extended(grid);
    for (const r of rows)
      for (const c of columns) {
        const a = assignmentOf(grid, r, c);
        wanted.set(keyOf(a), a);
      }
  }
  for (const [key, a] of wanted) {
    let n = 0;
    for (const record of records) if (Object.keys(a).every((d) => record[d] === a[d])) n += 1;
    figures.set(key, n);
  }
  return figures;
}
