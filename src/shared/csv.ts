/**
 * CSV as the CLI prints it and the API sends it: RFC 4180 (csv-stringify, the sibling of the parser the imports
 * use), a header row, `\n` between records, optionally a UTF-8 byte-order mark (Excel then reads the file as UTF-8).
 *
 * Cells that a spreadsheet would run as a formula are neutralised (OWASP "CSV injection"): a text cell starting
 * with `=`, `+`, `-`, `@`, a tab, a carriage return or a NUL (ASVS 5.0 1.2.10) gets a leading `'`. Numbers are never changed: a value that
 * is a number (a count, a growth of -12.5 %) cannot be a formula, and a text cell that is exactly a plain number
 * (`-12`, `+3.5`, `-1e3`) is left as it is too, so that negative figures stay numeric in the spreadsheet; anything
 * more after the sign (`-1+2`, `-A1`) is text and is neutralised.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (U+FEFF), for Excel. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r\0]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A text cell as it may safely reach a spreadsheet: a leading `'` when it would start a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The rows as CSV: `columns` in this order (also the header), each cell formula-safe. */
export function renderCsv(columns: readonly string[], objects: readonly object[], options: CsvOptions = {}): string {
  return render(columns, objects, true, options.bom ?? false);
}

/**
 * The same CSV as `renderCsv` of all the chunks' rows, as text pieces one chunk at a time (the header, with the BOM
 * when asked, first — also when there is no row): for answers streamed while the rows are read.
 */
export async function* csvChunks(columns: readonly string[], chunks: AsyncIterable<readonly object[]>, options: CsvOptions = {}): AsyncGenerator<string> {
  yield render(columns, [], true, options.bom ?? false);
  for await (const rows of chunks) if (rows.length) yield render(columns, rows, false, false);
}

function render(columns: readonly string[], objects: readonly object[], header: boolean, bom: boolean): string {
  return stringify(objects as Record<string, unknown>[], {
    header,
    columns: [...columns],
    bom,
    record_delimiter: '\n',
    cast: {
      string: (value) => neutraliseCell(value),
      boolean: (value) => String(value),
      number: (value) => String(value),
      date: (value) => value.toISOString(),
      object: (value) => neutraliseCell(Array.isArray(value) ? value.join(',') : JSON.stringify(value)),
    },
  });
}

/** The `Content-Disposition` of a CSV download: always an attachment with a (safe, ASCII) file name. */
export function csvAttachment(fileName: string): string {
  const safe = fileName.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${safe.endsWith('.csv') ? safe : `${safe}.csv`}"`;
}
