/**
 * Reads an otkaz anonymised statistics release (src/disclosure/release.ts): checks its shape and its sha256 (the
 * hash of its canonical content, written in the release), and that every table adds up where nothing is withheld;
 * each published figure becomes one observation (indicator `clients`, persons; a figure several tables state is one
 * observation), a withheld one with no value and the flag `c`. The table layouts and the provenance go into the
 * release's meta, so the page can show the tables as published.
 */
import { figureOf, ReleaseSchema, type ReleaseTable, releaseHash } from '../../disclosure/release.ts';
import { ErrorCode } from '../../shared/errors.ts';
import type { Observation } from '../model.ts';
import { importError } from './input.ts';
import type { ParsedFile } from './parsed.ts';

/** A published table's rows and columns add up to its margins wherever none of the numbers is withheld. */
function checkSums(table: ReleaseTable, file: string): void {
  const lines = [...table.cells, ...(table.cells[0] ?? []).map((_, c) => table.cells.map((line) => line[c] ?? null))];
  for (const [i, line] of lines.entries()) {
    if (line.some((v) => v === null)) continue;
    const values = line as number[];
    const total = values[values.length - 1] ?? 0;
    const sum = values.slice(0, -1).reduce((n, v) => n + v, 0);
    if (sum !== total)
      throw importError(ErrorCode.StatsParse, `table ${table.id}: ${i < table.cells.length ? 'row' : 'column'} ${i} adds up to ${sum}, not ${total}`, { file });
  }
}

export async function readRelease(json: string, file: string): Promise<ParsedFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    throw importError(ErrorCode.StatsParse, `not JSON: ${(cause as Error).message}`, { file }, cause);
  }
  const parsed = ReleaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw importError(ErrorCode.StatsParse, `not an anonymised statistics release: ${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`, {
      file,
    });
  }
  const release = parsed.data;
  if (releaseHash(raw as typeof release) !== release.sha256)
    throw importError(ErrorCode.StatsParse, 'the release does not match its sha256: it was changed after it was made', { file });
  const seen = new Map<string, Observation>();
  for (const table of release.tables) {
    if (table.cells.length !== table.rows.length || table.cells.some((line) => line.length !== table.columns.length))
      throw importError(ErrorCode.StatsParse, `table ${table.id}: ${table.rows.length} × ${table.columns.length} cells expected`, { file });
    checkSums(table, file);
    table.cells.forEach((line, r) => {
      line.forEach((value, c) => {
        const figure = figureOf(table, r, c);
        if (!figure) return;
        const before = seen.get(figure.key);
        if (before) {
          if (before.value !== value)
            throw importError(
              ErrorCode.StatsParse,
              `table ${table.id} states ${figure.key} as ${value ?? 'withheld'}, another table as ${before.value ?? 'withheld'}`,
              {
                file,
              },
            );
          return;
        }
        seen.set(figure.key, {
          indicator: 'clients',
          measure: figure.measure,
          origin: release.origin,
          destination: figure.destination,
          period: table.year,
          periodType: 'year',
          level: '',
          unit: 'persons',
          sex: '',
          age: '',
          detail: '',
          value,
          flags: value === null ? 'c' : null,
          line: seen.size + 1,
        });
      });
    });
  }
  const { tables, ...provenance } = release;
  return {
    source: 'legal_aid',
    dataset: 'anonymised-case-files',
    format: 'otkaz-release-json',
    vintage: release.generatedAt.slice(0, 10),
    meta: {
      provenance,
      layouts: tables.map((t) => ({
        id: t.id,
        year: t.year,
        title: t.title,
        base: t.base,
        rowDimension: t.rowDimension,
        rows: t.rows,
        columnDimension: t.columnDimension,
        columns: t.columns,
      })),
    },
    observations: (async function* () {
      yield [...seen.values()];
    })(),
  };
}
