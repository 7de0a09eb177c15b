/** Output formats shared by every command that prints data: a table for people, CSV and JSON for machines. */
import type { Cell } from '../shared/csv.ts';

export { type Cell, renderCsv } from '../shared/csv.ts';

export type Format = 'table' | 'csv' | 'json';

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
  const line = (values: string[]) =>
    values
      .map((v, i) => v + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(v))))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cellText(r[c]).replace(/\n/g, ' '))))].join('\n');
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

let exitsOnClosedPipe = false;

/**
 * For the commands that print data: `otkaz … | head` closes the pipe early, so stop quietly instead of crashing
 * on EPIPE. Never for `serve` / `demo`: a server keeps serving when its output closes (src/server/output.ts).
 */
export function exitQuietlyOnClosedPipe(): void {
  if (exitsOnClosedPipe) return;
  exitsOnClosedPipe = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

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
