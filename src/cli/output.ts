/** Output formats shared by every command that prints data: a table for people, CSV and JSON for machines. */
export type Format = 'table' | 'csv' | 'json';

export type Cell = string | number | boolean | null | undefined;

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

function width(text: string): number {
  return [...text].length;
}

export function renderTable(columns: string[], objects: object[]): string {
  const rows = objects as Record<string, Cell>[];
  const widths = columns.map((c) => Math.max(width(c), ...rows.map((r) => width(cellText(r[c]).replace(/\n/g, ' ')))));
  const line = (values: string[]) => values.map((v, i) => v + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(v)))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cellText(r[c]).replace(/\n/g, ' '))))].join('\n');
}

export function csvField(value: Cell): string {
  const text = cellText(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(columns: string[], objects: object[]): string {
  const rows = objects as Record<string, Cell>[];
  return [columns.map(csvField).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\n');
}

export function formatFrom(options: { json?: boolean; csv?: boolean }): Format {
  if (options.json) return 'json';
  if (options.csv) return 'csv';
  return 'table';
}

/** Where the CLI writes: the process streams, or (in tests) a capture. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

// `otkaz … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

let io: Io = processIo;

export function useIo(next: Io): Io {
  const previous = io;
  io = next;
  return previous;
}

export function print(text: string): void {
  io.out(text.endsWith('\n') ? text : `${text}\n`);
}

export function printError(text: string): void {
  io.err(text.endsWith('\n') ? text : `${text}\n`);
}
