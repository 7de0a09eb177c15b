/**
 * UNHCR readers: the R package's CSV (API field names), Refugee Data Finder CSV downloads (with or without a
 * metadata preamble; their footnotes file), and Refugee Statistics API JSON (pages of `items`). Countries are
 * read only from the ISO fields; UNHCR's own codes (`coo`, `coa`) are ignored. "NA" is a real code.
 */

import { ErrorCode } from '../../shared/errors.ts';
import { present } from '../../shared/present.ts';
import { fromUnhcrIso } from '../codes/countries.ts';
import type { Indicator, Observation, Unit } from '../model.ts';
import { type CsvRecord, csvBatches, headerAndRest, importError } from './input.ts';
import { detailOf, type Footnote, OBSERVATION_BATCH, type ParsedFile, parseCount, parseYear } from './parsed.ts';
import { preambleOf } from './unhcr-preamble.ts';

export { preambleOf };

export type UnhcrKind = 'asylum-applications' | 'asylum-decisions' | 'population' | 'solutions';

/** Canonical field names; the R package / API use the left, Refugee Data Finder downloads the right. */
const FIELD_ALIASES: Record<string, string> = {
  year: 'year',
  Year: 'year',
  coo_iso: 'origin',
  'Country of origin (ISO)': 'origin',
  coa_iso: 'destination',
  'Country of asylum (ISO)': 'destination',
  procedure_type: 'procedure',
  Authority: 'procedure',
  app_type: 'app_type',
  'Application type': 'app_type',
  dec_level: 'level',
  'Stage of procedure': 'level',
  app_pc: 'pc',
  dec_pc: 'pc',
  'Cases / Persons': 'pc',
  applied: 'applied',
  dec_recognized: 'dec_recognized',
  'Recognized decisions': 'dec_recognized',
  dec_other: 'dec_other',
  'Complementary protection': 'dec_other',
  dec_rejected: 'dec_rejected',
  'Rejected decisions': 'dec_rejected',
  dec_closed: 'dec_closed',
  'Otherwise closed': 'dec_closed',
  dec_total: 'dec_total',
  'Total decisions': 'dec_total',
  refugees: 'refugees',
  "Refugees under UNHCR's mandate": 'refugees',
  asylum_seekers: 'asylum_seekers',
  'Asylum-seekers': 'asylum_seekers',
  returned_refugees: 'returned_refugees',
  'Returned refugees': 'returned_refugees',
  idps: 'idps',
  'IDPs of concern to UNHCR': 'idps',
  returned_idps: 'returned_idps',
  'Returned IDPss': 'returned_idps',
  'Returned IDPs': 'returned_idps',
  stateless: 'stateless',
  'Stateless persons': 'stateless',
  ooc: 'ooc',
  'Others of concern': 'ooc',
  oip: 'oip',
  'Other people in need of international protection': 'oip',
  hst: 'hst',
  'Host Community': 'hst',
  resettlement: 'resettlement',
  'Resettlement arrivals': 'resettlement',
  naturalisation: 'naturalisation',
  Naturalisation: 'naturalisation',
};

/** Value fields → (indicator, measure). */
const VALUE_FIELDS: Record<string, [Indicator, string]> = {
  applied: ['applications', ''],
  dec_recognized: ['decisions', 'refugee_status'],
  dec_other: ['decisions', 'complementary'],
  dec_rejected: ['decisions', 'rejected'],
  dec_closed: ['decisions', 'otherwise_closed'],
  dec_total: ['decisions', 'total'],
  refugees: ['refugees', 'stock'],
  asylum_seekers: ['asylum_seekers', 'stock'],
  returned_refugees: ['returned_refugees', 'total'],
  idps: ['idps', 'stock'],
  returned_idps: ['returned_idps', 'total'],
  stateless: ['stateless', 'stock'],
  ooc: ['others_of_concern', 'stock'],
  oip: ['other_in_need', 'stock'],
  hst: ['host_community', 'stock'],
  resettlement: ['resettlement', 'total'],
  naturalisation: ['naturalisation', 'total'],
};

const APP_TYPES: Record<string, string> = { N: 'new', R: 'repeat', A: 'appeal' };

export function kindOf(fields: readonly string[]): UnhcrKind | null {
  if (fields.includes('applied')) return 'asylum-applications';
  if (fields.includes('dec_total')) return 'asylum-decisions';
  if (fields.includes('resettlement') && !fields.includes('asylum_seekers')) return 'solutions';
  if (fields.includes('refugees') || fields.includes('asylum_seekers')) return 'population';
  return null;
}

function unitOf(code: string | undefined, file: string, line: number): Unit {
  if (code === undefined || code === '' || code === 'P') return 'persons';
  if (code === 'C') return 'cases';
  throw importError(ErrorCode.StatsUnknownCode, `unknown cases/persons code "${code}" (expected C or P)`, { file, line, column: 'Cases / Persons' });
}

type Cell = string | null | undefined;

/**
 * Builds the function that turns one UNHCR record (fields in `names` order; canonical names) into observations.
 * Column positions and country lookups are resolved once per file, not per row.
 */
export function unhcrMapper(names: readonly string[], kind: UnhcrKind, file: string): (fields: readonly Cell[], line: number, out: Observation[]) => void {
  const index = (name: string) => names.indexOf(name);
  const yearAt = index('year');
  const originAt = index('origin');
  const destinationAt = index('destination');
  const procedureAt = index('procedure');
  const levelAt = index('level');
  const pcAt = index('pc');
  const appTypeAt = index('app_type');
  const values = Object.entries(VALUE_FIELDS)
    .map(([field, target]) => [index(field), field, target] as const)
    .filter(([i]) => i >= 0);
  const countries = new Map<string, string | null>();
  const text = (fields: readonly Cell[], i: number): string => {
    if (i < 0) return '';
    const value = fields[i];
    return value === null || value === undefined ? '' : value.trim();
  };
  const country = (raw: string, line: number, column: string): string => {
    if (raw === '') return 'WORLD';
    let code = countries.get(raw);
    if (code === undefined) {
      code = fromUnhcrIso(raw);
      countries.set(raw, code);
    }
    if (code === null) throw importError(ErrorCode.StatsUnknownCode, `unknown ISO3 country code "${raw.slice(0, 20)}"`, { file, line, column });
    return code;
  };
  const hasUnit = kind === 'asylum-applications' || kind === 'asylum-decisions';
  return (fields, line, out) => {
    const year = parseYear(text(fields, yearAt), file, line, 'year');
    const origin = country(text(fields, originAt), line, 'coo_iso');
    const destination = country(text(fields, destinationAt), line, 'coa_iso');
    const procedure = text(fields, procedureAt);
    const level = text(fields, levelAt);
    const unit = hasUnit ? unitOf(text(fields, pcAt), file, line) : 'persons';
    for (const [i, field, [indicator, fixedMeasure]] of values) {
      const raw = text(fields, i);
      if (raw === '' || raw === '-') continue;
      let measure = fixedMeasure;
      let detail = procedure ? `procedure=${procedure}` : '';
      if (indicator === 'applications') {
        const appType = text(fields, appTypeAt);
        measure = APP_TYPES[appType] ?? 'other';
        if (measure === 'other')
          detail = detailOf([
            ['procedure', procedure],
            ['app_type', appType],
          ]);
      }
      out.push({
        indicator,
        measure,
        origin,
        destination,
        period: String(year),
        periodType: 'year',
        level,
        unit,
        sex: '',
        age: '',
        detail,
        value: parseCount(raw, file, line, field),
        flags: null,
        line,
      });
    }
  };
}

/** R package CSV or Refugee Data Finder CSV (applications, decisions, population, solutions). */
export async function readUnhcrCsv(text: AsyncIterable<string>, file: string, head: string): Promise<ParsedFile> {
  const preamble = preambleOf(head);
  const { header, rest: records } = await headerAndRest(csvBatches(text, file, { skipLines: preamble.lines }), file);
  const names = header.fields.map((name) => FIELD_ALIASES[name.trim()] ?? name.trim());
  if (names[0] === 'Footnote') return footnotesFile(records, header, file, preamble.meta);
  const kind = kindOf(names);
  if (!kind)
    throw importError(ErrorCode.StatsFormat, `a UNHCR CSV, but not applications, decisions, population or solutions (columns: ${header.fields.join(', ')})`, {
      file,
      line: header.line,
    });
  const rdf = header.fields.includes('Year');
  const map = unhcrMapper(names, kind, file);
  async function* observations(): AsyncGenerator<Observation[]> {
    for await (const batch of records) {
      const out: Observation[] = [];
      for (const record of batch) map(record.fields, record.line, out);
      yield out;
    }
  }
  return {
    source: 'unhcr',
    dataset: kind,
    format: rdf ? 'unhcr-rdf-csv' : 'unhcr-pkg-csv',
    vintage: preamble.extracted,
    meta: preamble.lines ? { preamble: preamble.meta } : {},
    observations: observations(),
  };
}

/** A footnote's years: "2023", "2022 - 2023", or empty. */
function checkedYears(raw: string, file: string, line: number): string | null {
  if (!raw) return null;
  if (!/^(19|20)\d\d(\s*-\s*(19|20)\d\d)?$/.test(raw))
    throw importError(ErrorCode.StatsParse, `expected a year or a range of years, found "${raw.slice(0, 40)}"`, { file, line, column: 'Year' });
  return raw;
}

function footnotesFile(records: AsyncGenerator<CsvRecord[]>, header: CsvRecord, file: string, meta: Record<string, string>): ParsedFile {
  const index = (name: string) => header.fields.findIndex((field) => field.trim() === name);
  const columns = {
    text: index('Footnote'),
    year: index('Year'),
    origin: index('Country of origin (ISO)'),
    destination: index('Country of asylum (ISO)'),
    type: index('Population type'),
  };
  async function* footnotes(): AsyncGenerator<Footnote> {
    for await (const batch of records)
      for (const record of batch) {
        const at = (i: number) => (i >= 0 ? (record.fields[i] ?? '').trim() : '');
        const country = (raw: string, column: string): string | null => {
          if (!raw) return null;
          const code = fromUnhcrIso(raw);
          if (code === null) throw importError(ErrorCode.StatsUnknownCode, `unknown ISO3 country code "${raw}"`, { file, line: record.line, column });
          return code;
        };
        yield {
          text: at(columns.text),
          years: checkedYears(at(columns.year), file, record.line),
          origin: country(at(columns.origin), 'Country of origin (ISO)'),
          destination: country(at(columns.destination), 'Country of asylum (ISO)'),
          populationType: at(columns.type) || null,
          line: record.line,
        };
      }
  }
  async function* none(): AsyncGenerator<Observation[]> {}
  return {
    source: 'unhcr',
    dataset: 'footnotes',
    format: 'unhcr-rdf-footnotes',
    vintage: null,
    meta: Object.keys(meta).length ? { preamble: meta } : {},
    observations: none(),
    footnotes: footnotes(),
  };
}

/** Refugee Statistics API JSON: one page `{page, maxPages, items}`, an array of pages, or an array of items. */
export function readUnhcrJson(json: string, file: string): ParsedFile {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const offset = position ? Number(position[1]) : json.length;
    const before = json.slice(0, offset);
    const line = before.split('\n').length;
    throw importError(ErrorCode.StatsParse, `invalid JSON (${(error as Error).message})`, { file, line, column: offset - before.lastIndexOf('\n') }, error);
  }
  const pages = Array.isArray(document) && document.length && isPage(document[0]) ? document : [document];
  const items: Array<Record<string, unknown>> = [];
  for (const page of pages) {
    // A loop, not push(...items): spreading a large array overflows the call stack (RangeError).
    if (Array.isArray(page)) for (const item of page as Array<Record<string, unknown>>) items.push(item);
    else if (isPage(page)) for (const item of page.items as Array<Record<string, unknown>>) items.push(item);
    else throw importError(ErrorCode.StatsFormat, 'expected a UNHCR API page {page, maxPages, items} or an array of items', { file });
  }
  const fields = items.length ? Object.keys(present(items[0], 'the first item')) : [];
  const kind = kindOf(fields);
  if (!kind) throw importError(ErrorCode.StatsFormat, `UNHCR API items of an unknown endpoint (fields: ${fields.join(', ') || 'none'})`, { file });
  const names = fields.map((key) => FIELD_ALIASES[key] ?? key);
  const map = unhcrMapper(names, kind, file);
  async function* observations(): AsyncGenerator<Observation[]> {
    const out: Observation[] = [];
    for (const [index, item] of items.entries()) {
      if (item === null || typeof item !== 'object' || Array.isArray(item))
        throw importError(ErrorCode.StatsParse, 'an item is not an object', { file, line: index + 1 });
      // The API sends numbers as numbers or strings, and "-" for missing; fields are looked up by name.
      const cells = fields.map((key) => {
        const value = item[key];
        return value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value);
      });
      map(cells, index + 1, out);
      if (out.length >= OBSERVATION_BATCH) yield out.splice(0);
    }
    yield out;
  }
  const first = pages[0] as Record<string, unknown>;
  return {
    source: 'unhcr',
    dataset: kind,
    format: 'unhcr-api-json',
    vintage: null,
    meta: { pages: pages.length, maxPages: first?.maxPages ?? null, items: items.length },
    observations: observations(),
  };
}

function isPage(value: unknown): value is { items: unknown[] } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as { items?: unknown }).items);
}
