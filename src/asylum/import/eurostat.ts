/**
 * Eurostat readers for the asylum datasets: TSV of every header generation (legacy bulk `…,geo\time` with
 * descending years, API/data-browser `freq,…,geo\TIME_PERIOD` ascending), SDMX-CSV, JSON-stat 2.0, and the
 * tidy CSV written by the eurostat R package. Dimension order is always read from the header. Old and new code
 * lists (asyl_app/applicant, decision) map to one vocabulary; flags are kept per value; geo codes map to ISO3.
 */

import { z } from 'zod';
import { ErrorCode } from '../../shared/errors.ts';
import { LIMITS, limitError } from '../../shared/limits.ts';
import { isMonth, quarterOfMonth } from '../../shared/periods.ts';
import { present } from '../../shared/present.ts';
import { fromEurostat } from '../codes/countries.ts';
import type { Indicator, Observation, PeriodType } from '../model.ts';
import { type CsvRecord, csvBatches, headerAndRest, importError, tsvBatches } from './input.ts';
import { detailOf, OBSERVATION_BATCH, type ParsedFile } from './parsed.ts';

interface DatasetInfo {
  indicator: Indicator;
  level: string;
  periodType: PeriodType;
}

export const EUROSTAT_DATASETS: Record<string, DatasetInfo> = {
  migr_asyappctza: { indicator: 'applications', level: '', periodType: 'year' },
  migr_asyappctzm: { indicator: 'applications', level: '', periodType: 'month' },
  migr_asydcfsta: { indicator: 'decisions', level: 'FI', periodType: 'year' },
  migr_asydcfstq: { indicator: 'decisions', level: 'FI', periodType: 'quarter' },
  migr_asydcfina: { indicator: 'decisions', level: 'FINAL', periodType: 'year' },
};

const APPLICANT: Record<string, string> = { ASY_APP: 'all', TOTAL: 'all', NASY_APP: 'first_time', FRST: 'first_time', SSEQ: 'subsequent' };
const DECISION: Record<string, string> = {
  TOTAL: 'total',
  TOTAL_POS: 'positive',
  POS: 'positive',
  GENCONV: 'refugee_status',
  POS_RFG: 'refugee_status',
  SUB_PROT: 'subsidiary',
  POS_SPROT: 'subsidiary',
  HUMSTAT: 'humanitarian',
  POS_HUM: 'humanitarian',
  TEMP_PROT: 'temporary_protection',
  REJECTED: 'rejected',
  NEG: 'rejected',
};

/** The dataset code named in a file name (`estat_migr_asyappctza_en.tsv`, `migr_asyappctza.tsv.gz`…). */
export function datasetFromName(name: string): string | null {
  const m = /(migr_[a-z]+)/i.exec(name);
  return m ? present(m[1], 'the dataset code group').toLowerCase() : null;
}

/** Period label → stored period. 2022, 2022M03 / 2022-03, 2022Q1 / 2022-Q1; a date 2022-01-01 of an annual series → 2022. */
export function periodOf(label: string, expected: PeriodType): { period: string; periodType: PeriodType } | null {
  const text = label.trim();
  let m = /^(\d{4})$/.exec(text);
  if (m) return { period: present(m[1], 'the year group'), periodType: 'year' };
  m = /^(\d{4})-?M(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return isMonth(`${m[1]}-${m[2]}`) ? { period: `${m[1]}-${m[2]}`, periodType: 'month' } : null;
  m = /^(\d{4})-?Q([1-4])$/.exec(text);
  if (m) return { period: `${m[1]}-Q${m[2]}`, periodType: 'quarter' };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    if (expected === 'year') return { period: present(m[1], 'the year group'), periodType: 'year' };
    if (expected === 'month') return { period: `${m[1]}-${m[2]}`, periodType: 'month' };
    return isMonth(`${m[1]}-${m[2]}`) ? { period: quarterOfMonth(`${m[1]}-${m[2]}`), periodType: 'quarter' } : null;
  }
  return null;
}

/** A TSV cell: "123 ", "6403 p", ": ", ": c", "412860.0 p". */
export function cellOf(raw: string): { value: number | null; flags: string | null } | null {
  const text = raw.trim();
  if (text === '') return { value: null, flags: null };
  const space = text.indexOf(' ');
  const head = space < 0 ? text : text.slice(0, space);
  const flags = space < 0 ? null : text.slice(space + 1).trim() || null;
  if (flags !== null && !/^[a-z]+$/.test(flags)) return null;
  if (head === ':') return { value: null, flags };
  // "0n" (the R package's special value): a number with a flag glued on.
  const glued = /^(-?\d+(?:\.\d+)?)([a-z]+)$/.exec(head);
  if (glued) return { value: Number(glued[1]), flags: present(glued[2], 'the glued flags group') + (flags ?? '') || null };
  if (!/^-?\d+(\.\d+)?$/.test(head)) return null;
  return { value: Number(head), flags };
}

/** Builds observations from one series key (dimension → code). */
class SeriesMapper {
  readonly info: DatasetInfo;
  readonly dataset: string;
  readonly file: string;
  constructor(dataset: string, file: string) {
    const info = EUROSTAT_DATASETS[dataset];
    if (!info)
      throw importError(ErrorCode.StatsFormat, `unsupported Eurostat dataset "${dataset}" (supported: ${Object.keys(EUROSTAT_DATASETS).join(', ')})`, { file });
    this.info = info;
    this.dataset = dataset;
    this.file = file;
  }

  /** Template of an observation for a series key; errors name the line and the dimension. */
  series(key: Record<string, string>, line: number): Omit<Observation, 'period' | 'periodType' | 'value' | 'flags' | 'line'> {
    const get = (dim: string): string => {
      const value = key[dim];
      if (value === undefined) throw importError(ErrorCode.StatsParse, `the dimension "${dim}" is missing`, { file: this.file, line });
      return value;
    };
    const origin = fromEurostat(get('citizen'));
    if (origin === null) throw importError(ErrorCode.StatsUnknownCode, `unknown citizen code "${key.citizen}"`, { file: this.file, line, column: 'citizen' });
    const destination = fromEurostat(get('geo'));
    if (destination === null) throw importError(ErrorCode.StatsUnknownCode, `unknown geo code "${key.geo}"`, { file: this.file, line, column: 'geo' });
    const unit = key.unit;
    if (unit !== undefined && unit !== 'PER')
      throw importError(ErrorCode.StatsUnknownCode, `unknown unit "${unit}" (expected PER)`, { file: this.file, line, column: 'unit' });
    let measure: string | undefined;
    if (this.info.indicator === 'applications') {
      const dim = key.asyl_app !== undefined ? 'asyl_app' : 'applicant';
      measure = APPLICANT[get(dim)];
      if (!measure) throw importError(ErrorCode.StatsUnknownCode, `unknown applicant type "${key[dim]}"`, { file: this.file, line, column: dim });
    } else {
      measure = DECISION[get('decision')];
      if (!measure) throw importError(ErrorCode.StatsUnknownCode, `unknown decision type "${key.decision}"`, { file: this.file, line, column: 'decision' });
    }
    const known = new Set(['freq', 'unit', 'citizen', 'geo', 'sex', 'age', 'asyl_app', 'applicant', 'decision']);
    const other = Object.entries(key)
      .filter(([dim]) => !known.has(dim))
      .sort(([a], [b]) => a.localeCompare(b));
    return {
      indicator: this.info.indicator,
      measure,
      origin,
      destination,
      level: this.info.level,
      unit: 'persons',
      sex: key.sex ?? '',
      age: key.age ?? '',
      detail: detailOf(other),
    };
  }

  period(label: string, line: number, column: string | number): { period: string; periodType: PeriodType } {
    const period = periodOf(label, this.info.periodType);
    if (!period) throw importError(ErrorCode.StatsParse, `unreadable period "${label.trim()}"`, { file: this.file, line, column });
    return period;
  }
}

function resolveDataset(fromContent: string | null, hint: string | undefined, file: string, dims: string[], periods: string[]): string {
  const named = hint ?? fromContent ?? datasetFromName(file);
  if (named) return named.toLowerCase();
  const monthly = periods.some((p) => /M\d\d|^\d{4}-\d{2}$/.test(p.trim()));
  const quarterly = periods.some((p) => /Q[1-4]/.test(p.trim()));
  if (dims.includes('asyl_app') || dims.includes('applicant')) return monthly ? 'migr_asyappctzm' : 'migr_asyappctza';
  if (dims.includes('decision') && quarterly) return 'migr_asydcfstq';
  throw importError(ErrorCode.StatsFormat, 'cannot tell which Eurostat dataset this is (first-instance or final decisions?); name it with --dataset', { file });
}

/** TSV: `dim1,dim2,…,geo\time<TAB>period<TAB>…`, cells "value flags". */
export async function readEurostatTsv(text: AsyncIterable<string>, file: string, hintDataset?: string): Promise<ParsedFile> {
  const { header, rest: records } = await headerAndRest(tsvBatches(text), file);
  const corner = header.fields[0] ?? '';
  const slash = corner.indexOf('\\');
  if (slash < 0)
    throw importError(ErrorCode.StatsFormat, 'not a Eurostat TSV: the first header cell has no "\\time" or "\\TIME_PERIOD"', {
      file,
      line: header.line,
      column: 1,
    });
  const dims = corner
    .slice(0, slash)
    .split(',')
    .map((d) => d.trim());
  const periods = header.fields.slice(1);
  const mapper = new SeriesMapper(resolveDataset(null, hintDataset, file, dims, periods), file);
  const periodOfColumn = periods.map((label, i) => mapper.period(label, header.line, i + 2));
  const generation = corner.endsWith('\\time') ? 'legacy bulk' : 'API / data browser';
  const templates = new Map<string, ReturnType<SeriesMapper['series']>>();
  async function* observations(): AsyncGenerator<Observation[]> {
    for await (const batch of records) {
      const out: Observation[] = [];
      for (const record of batch) {
        const keyText = record.fields[0] ?? '';
        if (record.fields.length !== periods.length + 1)
          throw importError(ErrorCode.StatsParse, `expected ${periods.length + 1} tab-separated cells, found ${record.fields.length} (truncated line?)`, {
            file,
            line: record.line,
          });
        const codes = keyText.split(',');
        if (codes.length !== dims.length)
          throw importError(ErrorCode.StatsParse, `expected ${dims.length} comma-separated codes (${dims.join(',')}), found ${codes.length}`, {
            file,
            line: record.line,
            column: 1,
          });
        const key: Record<string, string> = {};
        dims.forEach((dim, i) => {
          key[dim] = present(codes[i], 'a code of the series key').trim();
        });
        let template = templates.get(keyText);
        if (!template) {
          template = mapper.series(key, record.line);
          // Series keys repeat rarely in a TSV; keep the cache small.
          if (templates.size > 10_000) templates.clear();
          templates.set(keyText, template);
        }
        for (let i = 0; i < periods.length; i += 1) {
          const raw = record.fields[i + 1] ?? '';
          const cell = cellOf(raw);
          if (!cell)
            throw importError(ErrorCode.StatsParse, `unreadable value "${raw.trim().slice(0, 40)}"`, {
              file,
              line: record.line,
              column: present(periods[i], 'a period column').trim(),
            });
          if (cell.value === null && cell.flags === null && raw.trim() === '') continue;
          const period = present(periodOfColumn[i], 'the period of a column');
          out.push({
            indicator: template.indicator,
            measure: template.measure,
            origin: template.origin,
            destination: template.destination,
            period: period.period,
            periodType: period.periodType,
            level: template.level,
            unit: template.unit,
            sex: template.sex,
            age: template.age,
            detail: template.detail,
            value: cell.value,
            flags: cell.flags,
            line: record.line,
          });
        }
      }
      yield out;
    }
  }
  return {
    source: 'eurostat',
    dataset: mapper.dataset,
    format: 'eurostat-tsv',
    vintage: null,
    meta: { generation, dimensions: dims },
    observations: observations(),
  };
}

/** "25/11/26 23:00:00" (dd/mm/yy), ISO date or date-time → YYYY-MM-DD. */
function lastUpdate(value: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (iso) return present(iso[1], 'the ISO date group');
  const m = /^(\d{2})\/(\d{2})\/(\d{2,4})/.exec(value);
  if (!m) return null;
  const yy = present(m[3], 'the year group');
  const year = yy.length === 2 ? `20${yy}` : yy;
  return `${year}-${m[2]}-${m[1]}`;
}

/** SDMX-CSV (one observation per row) and the eurostat R package's tidy CSV. */
export async function readEurostatCsv(text: AsyncIterable<string>, file: string, hintDataset?: string): Promise<ParsedFile> {
  const { header, rest: records } = await headerAndRest(csvBatches(text, file), file);
  const names = header.fields.map((name) => name.trim());
  const sdmx = names.includes('OBS_VALUE');
  const timeIndex = names.indexOf('TIME_PERIOD') >= 0 ? names.indexOf('TIME_PERIOD') : names.indexOf('time');
  const valueIndex = sdmx ? names.indexOf('OBS_VALUE') : names.indexOf('values');
  if (timeIndex < 0 || valueIndex < 0)
    throw importError(ErrorCode.StatsFormat, 'a Eurostat CSV needs TIME_PERIOD and OBS_VALUE (SDMX-CSV) or values (tidy) columns', { file, line: header.line });
  const flagIndex = names.indexOf('OBS_FLAG');
  const flowIndex = names.indexOf('DATAFLOW');
  const updateIndex = names.indexOf('LAST UPDATE');
  const skip = new Set(['DATAFLOW', 'LAST UPDATE', 'TIME_PERIOD', 'time', 'OBS_VALUE', 'OBS_FLAG', 'OBS_STATUS', 'CONF_STATUS', 'values']);
  const dimIndexes = names.map((name, i) => [name, i] as const).filter(([name]) => !skip.has(name));
  // The first record names the dataflow and the release date; read it before deciding.
  const next = await records.next();
  const firstBatch = next.done ? [] : next.value;
  const first = firstBatch[0];
  const firstFlow = !first || flowIndex < 0 ? null : (/:([A-Z0-9_]+)\(/i.exec(first.fields[flowIndex] ?? '')?.[1] ?? null);
  const vintage = !first || updateIndex < 0 ? null : lastUpdate((first.fields[updateIndex] ?? '').trim());
  const mapper = new SeriesMapper(
    resolveDataset(
      firstFlow,
      hintDataset,
      file,
      dimIndexes.map(([name]) => name),
      first ? [first.fields[timeIndex] ?? ''] : [],
    ),
    file,
  );
  async function* all(): AsyncGenerator<CsvRecord[]> {
    if (firstBatch.length) yield firstBatch;
    yield* records;
  }
  let cachedKey = '';
  let cachedTemplate: ReturnType<SeriesMapper['series']> | null = null;
  async function* observations(): AsyncGenerator<Observation[]> {
    for await (const batch of all()) {
      const out: Observation[] = [];
      for (const record of batch) {
        const keyText = dimIndexes.map(([, i]) => record.fields[i] ?? '').join('\u0001');
        if (keyText !== cachedKey || !cachedTemplate) {
          const key: Record<string, string> = {};
          for (const [name, i] of dimIndexes) key[name] = (record.fields[i] ?? '').trim();
          cachedTemplate = mapper.series(key, record.line);
          cachedKey = keyText;
        }
        const rawValue = (record.fields[valueIndex] ?? '').trim();
        const flags = flagIndex >= 0 ? (record.fields[flagIndex] ?? '').trim() || null : null;
        let value: number | null = null;
        if (rawValue !== '' && rawValue !== ':' && rawValue !== 'NA') {
          if (!/^-?\d+(\.\d+)?$/.test(rawValue))
            throw importError(ErrorCode.StatsParse, `expected a number, found "${rawValue.slice(0, 40)}"`, {
              file,
              line: record.line,
              column: names[valueIndex],
            });
          value = Number(rawValue);
        }
        if (flags !== null && !/^[a-z]+$/.test(flags))
          throw importError(ErrorCode.StatsParse, `unreadable flags "${flags.slice(0, 20)}"`, { file, line: record.line, column: 'OBS_FLAG' });
        out.push({
          ...cachedTemplate,
          ...mapper.period(record.fields[timeIndex] ?? '', record.line, present(names[timeIndex], 'the time column name')),
          value,
          flags,
          line: record.line,
        });
      }
      yield out;
    }
  }
  return {
    source: 'eurostat',
    dataset: mapper.dataset,
    format: sdmx ? 'eurostat-sdmx-csv' : 'eurostat-tidy-csv',
    vintage,
    meta: { dimensions: dimIndexes.map(([name]) => name) },
    observations: observations(),
  };
}

const jsonStatSchema = z
  .object({
    class: z.literal('dataset'),
    version: z.string().optional(),
    updated: z.string().optional(),
    id: z.array(z.string()),
    size: z.array(z.number().int().nonnegative()),
    dimension: z.record(
      z.string(),
      z
        .object({ category: z.object({ index: z.union([z.record(z.string(), z.number().int().nonnegative()), z.array(z.string())]) }).passthrough() })
        .passthrough(),
    ),
    value: z.union([z.record(z.string(), z.number().nullable()), z.array(z.number().nullable())]),
    status: z.union([z.record(z.string(), z.string()), z.array(z.string().nullable()), z.string()]).optional(),
    extension: z.object({ id: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
type JsonStat = z.infer<typeof jsonStatSchema>;

/** JSON-stat 2.0 dataset: sparse or dense `value` and `status`, row-major over `id` (last dimension fastest). */
export function readEurostatJsonStat(json: string, file: string, hintDataset?: string): ParsedFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw importError(ErrorCode.StatsParse, `invalid JSON (${(error as Error).message})`, { file }, error);
  }
  const checked = jsonStatSchema.safeParse(raw);
  if (!checked.success) {
    const issue = present(checked.error.issues[0], 'the first validation issue');
    throw importError(ErrorCode.StatsParse, `not a valid JSON-stat 2.0 dataset: ${issue.message}`, { file, column: issue.path.join('.') || 'document' });
  }
  const doc: JsonStat = checked.data;
  if (doc.id.length !== doc.size.length) throw importError(ErrorCode.StatsParse, 'JSON-stat id and size differ in length', { file, column: 'size' });
  const codes: string[][] = doc.id.map((dim, d) => {
    const category = doc.dimension[dim]?.category;
    if (!category) throw importError(ErrorCode.StatsParse, `dimension "${dim}" has no category`, { file, column: `dimension.${dim}` });
    const entries = Array.isArray(category.index)
      ? category.index.map((code, i) => [code, i] as const)
      : Object.entries(category.index).sort((a, b) => a[1] - b[1]);
    if (entries.some(([, position], i) => position !== i))
      throw importError(ErrorCode.StatsParse, `dimension "${dim}" has category positions that are not 0…n-1`, { file, column: `dimension.${dim}` });
    const list = entries.map(([code]) => code);
    if (list.length !== doc.size[d])
      throw importError(ErrorCode.StatsParse, `dimension "${dim}" has ${list.length} categories, size says ${doc.size[d]}`, {
        file,
        column: `dimension.${dim}`,
      });
    return list;
  });
  const timeDim = doc.id.findIndex((dim) => dim === 'time' || dim === 'TIME_PERIOD');
  if (timeDim < 0) throw importError(ErrorCode.StatsParse, 'no time dimension', { file, column: 'id' });
  const dataset = resolveDataset(doc.extension?.id ?? null, hintDataset, file, doc.id, present(codes[timeDim], 'the time dimension codes'));
  const mapper = new SeriesMapper(dataset, file);
  const total = doc.size.reduce((a, b) => a * b, 1);
  const keys = new Set<number>();
  const addKeys = (container: unknown) => {
    if (Array.isArray(container))
      container.forEach((v, i) => {
        if (v !== null && v !== undefined) keys.add(i);
      });
    else if (container && typeof container === 'object') for (const k of Object.keys(container)) keys.add(Number(k));
  };
  const cells = (container: unknown) =>
    Array.isArray(container) ? container.length : container && typeof container === 'object' ? Object.keys(container).length : 0;
  if (cells(doc.value) + (typeof doc.status === 'object' ? cells(doc.status) : 0) > LIMITS.jsonStatCells * 2)
    throw limitError(`JSON-stat with more than ${LIMITS.jsonStatCells.toLocaleString('en-US')} cells; ask for a smaller extract`, file);
  addKeys(doc.value);
  if (typeof doc.status === 'object') addKeys(doc.status);
  if (keys.size > LIMITS.jsonStatCells)
    throw limitError(`JSON-stat with more than ${LIMITS.jsonStatCells.toLocaleString('en-US')} cells; ask for a smaller extract`, file);
  const valueAt = (i: number): unknown => (Array.isArray(doc.value) ? doc.value[i] : (doc.value as Record<string, unknown>)[String(i)]);
  const statusAt = (i: number): string | null => {
    const status = doc.status;
    if (typeof status === 'string') return status || null;
    const s = Array.isArray(status) ? status[i] : status?.[String(i)];
    return typeof s === 'string' && s.trim() ? s.trim() : null;
  };
  async function* observations(): AsyncGenerator<Observation[]> {
    const out: Observation[] = [];
    for (const index of [...keys].sort((a, b) => a - b)) {
      if (!Number.isInteger(index) || index < 0 || index >= total)
        throw importError(ErrorCode.StatsParse, `cell index ${index} outside the cube (size ${total})`, { file, column: `value.${index}` });
      const key: Record<string, string> = {};
      let rest = index;
      let timeLabel = '';
      for (let d = doc.id.length - 1; d >= 0; d -= 1) {
        const size = present(doc.size[d], 'the size of a dimension');
        const position = rest % size;
        rest = Math.floor(rest / size);
        const code = present(present(codes[d], 'the codes of a dimension')[position], 'a code of a dimension');
        if (d === timeDim) timeLabel = code;
        else key[present(doc.id[d], 'the id of a dimension')] = code;
      }
      const raw = valueAt(index);
      const value = raw === null || raw === undefined ? null : Number(raw);
      if (value !== null && !Number.isFinite(value))
        throw importError(ErrorCode.StatsParse, `not a number: ${JSON.stringify(raw).slice(0, 40)}`, { file, column: `value.${index}` });
      const flags = statusAt(index);
      if (flags !== null && !/^[a-z]+$/.test(flags) && flags !== ':')
        throw importError(ErrorCode.StatsParse, `unreadable status "${flags.slice(0, 20)}"`, { file, column: `status.${index}` });
      out.push({
        ...mapper.series(key, index + 1),
        ...mapper.period(timeLabel, index + 1, 'time'),
        value,
        flags: flags === ':' ? null : flags,
        line: index + 1,
      });
      if (out.length >= OBSERVATION_BATCH) yield out.splice(0);
    }
    yield out;
  }
  const updated = typeof doc.updated === 'string' ? (/^(\d{4}-\d{2}-\d{2})/.exec(doc.updated)?.[1] ?? null) : null;
  return {
    source: 'eurostat',
    dataset,
    format: 'eurostat-jsonstat',
    vintage: updated,
    meta: { dimensions: doc.id, cells: keys.size },
    observations: observations(),
  };
}
