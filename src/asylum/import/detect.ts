/**
 * Which reader a file needs, from its content (not its extension): each source's adapter (src/asylum/sources/)
 * recognises its own formats — JSON-stat, UNHCR API JSON, Eurostat TSV, SDMX-CSV or tidy CSV, UNHCR R-package or
 * Refugee Data Finder CSV (preamble allowed), CBP encounters.
 */
import { ErrorCode } from '../../shared/errors.ts';
import { checkJsonShape, LIMITS, limitError } from '../../shared/limits.ts';
import type { SourceAdapter } from '../sources/adapter.ts';
import { sourceAdapters } from '../sources/registry.ts';
import { importError, peek } from './input.ts';
import type { ParsedFile, ReadHints } from './parsed.ts';

export interface Detected {
  adapter: SourceAdapter;
  format: string;
}

/** The source and format of a file's start: a certain recognition first, else a fallback, in the order of SOURCES. */
export function detect(head: string, file: string): Detected {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sniffed = { text, firstLine, json: text.startsWith('{') || text.startsWith('[') };
  let fallback: Detected | null = null;
  for (const adapter of sourceAdapters()) {
    const found = adapter.detect(sniffed);
    if (found?.certainty === 'certain') return { adapter, format: found.format };
    if (found && !fallback) fallback = { adapter, format: found.format };
  }
  if (fallback) return fallback;
  const supported = sourceAdapters()
    .map((a) =>
      Object.values(a.formats)
        .map((f) => f.label)
        .join(', '),
    )
    .join('; ');
  throw importError(ErrorCode.StatsFormat, `unrecognised statistics file; the first line is "${firstLine.slice(0, 80)}" (supported: ${supported})`, {
    file,
    line: 1,
  });
}

/** The format of a file's start (eurostat-tsv, unhcr-csv, cbp-csv…). */
export function detectFormat(head: string, file: string): string {
  return detect(head, file).format;
}

/** A JSON file's whole text, within LIMITS.jsonChars, its values and depth counted before anything parses it. */
async function collect(text: AsyncIterable<string>, file: string): Promise<string> {
  let all = '';
  for await (const chunk of text) {
    all += chunk;
    if (all.length > LIMITS.jsonChars)
      throw limitError(`JSON input larger than ${LIMITS.jsonChars / 1024 / 1024} MB; split it (UNHCR: one file per page)`, file);
  }
  const json = all.replace(/^\uFEFF/, '');
  checkJsonShape(json, file);
  return json;
}

/** Reads a statistics file's text with the reader its content calls for. */
export async function readStatistics(text: AsyncIterable<string>, hints: ReadHints): Promise<ParsedFile> {
  const { head, rest } = await peek(text);
  if (!head.trim()) throw importError(ErrorCode.StatsParse, 'the file is empty', { file: hints.file, line: 1 });
  const { adapter, format } = detect(head, hints.file);
  const reader = adapter.formats[format];
  if (!reader) throw importError(ErrorCode.StatsFormat, `${adapter.name} has no reader for "${format}"`, { file: hints.file, line: 1 });
  return reader.input === 'json' ? reader.read(await collect(rest, hints.file), hints) : reader.read(rest, hints, head);
}
