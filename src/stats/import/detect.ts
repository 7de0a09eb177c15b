/**
 * Which reader a file needs, from its content (not its extension): JSON-stat, UNHCR API JSON, Eurostat TSV,
 * SDMX-CSV or tidy CSV, UNHCR R-package or Refugee Data Finder CSV (preamble allowed), CBP encounters.
 */
import { ErrorCode } from '../../shared/errors.ts';
import { checkJsonShape, LIMITS, limitError } from '../../shared/limits.ts';
import { readCbpCsv } from './cbp.ts';
import { readEurostatCsv, readEurostatJsonStat, readEurostatTsv } from './eurostat.ts';
import { importError, peek } from './input.ts';
import type { ParsedFile, ReadHints } from './parsed.ts';
import { preambleOf, readUnhcrCsv, readUnhcrJson } from './unhcr.ts';

export type Format = 'eurostat-tsv' | 'eurostat-csv' | 'eurostat-jsonstat' | 'unhcr-csv' | 'unhcr-json' | 'cbp-csv';

export function detectFormat(head: string, file: string): Format {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    return /"class"\s*:\s*"dataset"/.test(text.slice(0, 4096)) || /"version"\s*:\s*"2\.0"/.test(text.slice(0, 4096)) ? 'eurostat-jsonstat' : 'unhcr-json';
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (/^[^\t]*\\(time|TIME_PERIOD)\t/i.test(firstLine) || /^[^\t]*\\(time|TIME_PERIOD)\s*$/i.test(firstLine)) return 'eurostat-tsv';
  if (/^"?Fiscal Year"?,/.test(firstLine)) return 'cbp-csv';
  if (/(^|,)"?DATAFLOW"?(,|$)/.test(firstLine) || /(^|,)OBS_VALUE(,|$)/.test(firstLine)) return 'eurostat-csv';
  if (/(^|,)"?TIME_PERIOD"?(,|$)/.test(firstLine) && /(^|,)"?(values|geo)"?(,|$)/.test(firstLine)) return 'eurostat-csv';
  if (/^"?year"?,/.test(firstLine) && /coo_iso|coa_iso/.test(firstLine)) return 'unhcr-csv';
  if (preambleOf(text).lines > 0 || /^"?(Year|Footnote)"?,/.test(firstLine)) return 'unhcr-csv';
  throw importError(ErrorCode.StatsFormat, `unrecognised statistics file; the first line is "${firstLine.slice(0, 80)}" (supported: Eurostat TSV, SDMX-CSV, JSON-stat, eurostat R tidy CSV; UNHCR API JSON, R-package CSV, Refugee Data Finder CSV; CBP encounters CSV)`, { file, line: 1 });
}

/** A JSON file's whole text, within LIMITS.jsonChars, its values and depth counted before anything parses it. */
async function collect(text: AsyncIterable<string>, file: string): Promise<string> {
  let all = '';
  for await (const chunk of text) {
    all += chunk;
    if (all.length > LIMITS.jsonChars) throw limitError(`JSON input larger than ${LIMITS.jsonChars / 1024 / 1024} MB; split it (UNHCR: one file per page)`, file);
  }
  const json = all.replace(/^\uFEFF/, '');
  checkJsonShape(json, file);
  return json;
}

/** Reads a statistics file's text with the reader its content calls for. */
export async function readStatistics(text: AsyncIterable<string>, hints: ReadHints): Promise<ParsedFile> {
  const { head, rest } = await peek(text);
  if (!head.trim()) throw importError(ErrorCode.StatsParse, 'the file is empty', { file: hints.file, line: 1 });
  const format = detectFormat(head, hints.file);
  switch (format) {
    case 'eurostat-tsv':
      return readEurostatTsv(rest, hints.file, hints.dataset);
    case 'eurostat-csv':
      return readEurostatCsv(rest, hints.file, hints.dataset);
    case 'eurostat-jsonstat':
      return readEurostatJsonStat(await collect(rest, hints.file), hints.file, hints.dataset);
    case 'unhcr-csv':
      return readUnhcrCsv(rest, hints.file, head);
    case 'unhcr-json':
      return readUnhcrJson(await collect(rest, hints.file), hints.file);
    case 'cbp-csv':
      return readCbpCsv(rest, hints.file);
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}
