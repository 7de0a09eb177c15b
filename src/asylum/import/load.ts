/**
 * Imports one statistics file: hash its content (a file already imported is a no-op), read it with the reader
 * its content calls for, and stream the observations into the database with COPY in chunks — all inside one
 * transaction, so a file with an error anywhere leaves nothing behind. Duplicate keys within the file are
 * found after loading (the database groups them) and reported with their lines.
 */
import path from 'node:path';
import type { Database, Queryable } from '../../db/database.ts';
import { refreshPlannerStatistics } from '../../db/maintenance.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { yieldToEventLoop } from '../../shared/limits.ts';
// The last day of the latest period seen is the fallback vintage when nothing else dates the file.
import { periodEnd } from '../../shared/periods.ts';
import { present } from '../../shared/present.ts';
import { isCalendarDate } from '../../shared/validation.ts';
import type { Observation, Source } from '../model.ts';
import { readStatistics } from './detect.ts';
import { fileText, hashFile, importError } from './input.ts';
import type { Footnote, ParsedFile } from './parsed.ts';

export const OBSERVATION_COLUMNS = [
  'release_id',
  'indicator',
  'measure',
  'origin',
  'destination',
  'period',
  'period_type',
  'level',
  'unit',
  'sex',
  'age',
  'detail',
  'value',
  'flags',
  'line',
] as const;
const FOOTNOTE_COLUMNS = ['release_id', 'years', 'origin', 'destination', 'population_type', 'text', 'line'] as const;
const CHUNK = 5_000;
/** Rows per step of a staged load (embedded engine): a reader waits at most about one such COPY (~70 ms). */
const STAGED_CHUNK = 2_000;

export interface ImportOptions {
  /** Release date (YYYY-MM-DD) when the file does not state one. */
  vintage?: string;
  release?: string;
  dataset?: string;
  licence?: string;
  url?: string;
  synthetic?: boolean;
  /** Extra provenance kept with the release (e.g. the bundled snapshot's source repository and commit). */
  meta?: Record<string, unknown>;
  /** How errors and the answer name the file (default: its path), e.g. an upload's own name. */
  name?: string;
  /** Bytes of content (after gunzip) beyond which the file is refused (default LIMITS.inflatedBytes). */
  maxBytes?: number;
}

export interface ImportResult {
  status: 'imported' | 'unchanged';
  releaseId: number;
  source: Source;
  dataset: string;
  format: string;
  release: string;
  vintage: string;
  observations: number;
  footnotes: number;
  sha256: string;
  file: string;
}

/** A text field for CSV COPY: empty strings are quoted (an unquoted empty field is NULL). */
function q(value: string): string {
  if (value === '') return '""';
  return /[",\n\r\\]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function observationCsv(releaseId: number, o: Observation): string {
  const value = o.value === null ? '' : String(o.value);
  const flags = o.flags === null ? '' : q(o.flags);
  return `${releaseId},${o.indicator},${q(o.measure)},${q(o.origin)},${q(o.destination)},${o.period},${o.periodType},${q(o.level)},${o.unit},${q(o.sex)},${q(o.age)},${q(o.detail)},${value},${flags},${o.line}\n`;
}

function footnoteCsv(releaseId: number, f: Footnote): string {
  const opt = (v: string | null) => (v === null ? '' : q(v));
  return `${releaseId},${f.years === null ? '' : q(f.years)},${opt(f.origin)},${opt(f.destination)},${opt(f.populationType)},${q(f.text)},${f.line}\n`;
}

/** A date in a file name (…bulk-2024-01-18…) → YYYY-MM-DD. */
export function dateFromName(file: string): string | null {
  const m = /(20\d\d)-(\d\d)-(\d\d)/.exec(path.basename(file));
  return m && isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function validDate(value: string, flag: string): string {
  if (!isCalendarDate(value)) throw new OtkazError(ErrorCode.Usage, `expected a real day YYYY-MM-DD, got "${value}"`, { where: flag });
  return value;
}

async function copyAll<T>(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  batches: AsyncIterable<T[]>,
  toCsv: (item: T) => string,
  onItem?: (item: T) => void,
  chunk = CHUNK,
  afterChunk?: (sent: number) => Promise<void>,
): Promise<number> {
  let buffer = '';
  let inBuffer = 0;
  let count = 0;
  // Chunks are sent one at a time. (Overlapping the next chunk's parsing with a COPY in flight was measured
  // slower: the CPU-bound parsing starves the socket writes of the COPY in flight.)
  // Before each chunk the event loop gets a turn: requests that arrived meanwhile are answered between chunks.
  let sent = 0;
  const send = async (csv: string) => {
    await yieldToEventLoop();
    await copyChunk(tx, table, columns, csv);
    sent += 1;
    await afterChunk?.(sent);
  };
  for await (const batch of batches) {
    for (const item of batch) {
      buffer += toCsv(item);
      onItem?.(item);
      inBuffer += 1;
      if (inBuffer === chunk) {
        await send(buffer);
        buffer = '';
        inBuffer = 0;
      }
    }
    count += batch.length;
  }
  if (buffer) await send(buffer);
  return count;
}

async function copyChunk(tx: Queryable, table: string, columns: readonly string[], csv: string): Promise<void> {
  try {
    await tx.copyCsv(table, columns, csv);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new DuplicateKey((error as Error).message);
    throw error;
  }
}

async function* batched<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const item of items) yield [item];
}

/** Raised inside the import transaction when the unique key refuses a row; turned into a located error after. */
class DuplicateKey extends Error {}

function observationKey(o: Observation): string {
  return [o.indicator, o.measure, o.origin, o.destination, o.period, o.level, o.unit, o.sex, o.age, o.detail].join('\u0001');
}

/** After a refused duplicate: read the file again to name the observation and both lines (error path only). */
async function locateDuplicate(source: string, file: string, dataset: string | undefined): Promise<OtkazError> {
  const parsed = await readStatistics(fileText(source, file), { file, dataset });
  const seen = new Map<string, number>();
  for await (const batch of parsed.observations) {
    for (const o of batch) {
      const key = observationKey(o);
      const first = seen.get(key);
      if (first !== undefined) {
        const label = [o.indicator, o.measure, o.origin, o.destination, o.period, o.level, o.sex, o.age, o.detail].filter(Boolean).join(' / ');
        return importError(ErrorCode.StatsDuplicate, `the same observation (${label}) appears twice, on lines ${first} and ${o.line}`, { file, line: o.line });
      }
      seen.set(key, o.line);
    }
  }
  return importError(ErrorCode.StatsDuplicate, 'the file states the same observation twice', { file });
}

/** Files being loaded in steps by this process (by sha256): the same file twice at once is refused. */
const loadingHere = new Set<string>();

/**
 * Imports a file into its own release; everything or nothing. On PostgreSQL in one transaction (readers use other
 * connections). On the embedded engine, where a transaction would hold the only connection for the whole file,
 * in steps: the release is created marked `loading` (invisible to every query), each chunk of rows is its own
 * COPY with a turn of the event loop before it, and one last small transaction makes the release visible; any
 * error removes what was written. Readers are answered between chunks.
 */
export async function importStatistics(db: Database, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const name = options.name ?? file;
  const { sha256, bytes } = await hashFile(file, { name, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) });
  if (db.engine === 'pglite') await removeAbandoned(db);
  const existing = await db.query<{
    id: number;
    source: Source;
    dataset: string;
    format: string;
    release_label: string;
    vintage: string;
    observations: number;
    loading: boolean;
  }>('select id, source, dataset, format, release_label, vintage, observations, loading from stat_releases where sha256 = $1', [sha256]);
  if (existing[0]?.loading) throw importError(ErrorCode.StatsDuplicate, 'this file is being imported right now; wait for that import to end', { file: name });
  if (existing[0]) {
    const r = existing[0];
    const footnotes = await db.query<{ n: number }>('select count(*)::int as n from stat_footnotes where release_id = $1', [r.id]);
    return {
      status: 'unchanged',
      releaseId: r.id,
      source: r.source,
      dataset: r.dataset,
      format: r.format,
      release: r.release_label,
      vintage: r.vintage,
      observations: r.observations,
      footnotes: footnotes[0]?.n ?? 0,
      sha256,
      file: name,
    };
  }
  const given = options.vintage ? validDate(options.vintage, '--vintage') : null;
  try {
    const result =
      db.engine === 'pglite'
        ? await insertStaged(db, file, sha256, bytes, given, options)
        : await db.transaction((tx) => insertRelease(tx, file, sha256, bytes, given, options, false));
    await refreshPlannerStatistics(db, ['stat_observations', 'stat_releases', 'stat_footnotes'], await refreshOptions(db, result.observations));
    return result;
  } catch (error) {
    if (error instanceof DuplicateKey) throw await locateDuplicate(file, name, options.dataset);
    throw error;
  }
}

/**
 * On the embedded engine, once the table holds millions of rows, a sampled ANALYZE only (6,000 rows): a VACUUM of
 * the whole table, or the default sample of 30,000 rows, is one statement that stalls every reader for seconds
 * (measured 2 s at 3,000,000 rows). Smaller tables keep the full refresh.
 */
async function refreshOptions(db: Database, added: number): Promise<{ vacuum?: boolean; statisticsTarget?: number }> {
  if (db.engine !== 'pglite') return {};
  const [row] = await db.query<{ n: number }>("select greatest(reltuples, 0)::float8 as n from pg_class where relname = 'stat_observations' and relkind = 'r'");
  return (row?.n ?? 0) + added > 1_000_000 ? { vacuum: false, statisticsTarget: 20 } : {};
}

/** Removes a release and its rows (a failed or abandoned staged load). */
async function removeRelease(db: Database, releaseId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('delete from stat_observations where release_id = $1', [releaseId]);
    await tx.query('delete from stat_footnotes where release_id = $1', [releaseId]);
    await tx.query('delete from stat_releases where id = $1', [releaseId]);
  });
}

/** Releases left `loading` by a process that stopped mid-import (the embedded engine has one process). */
async function removeAbandoned(db: Database): Promise<void> {
  const rows = await db.query<{ id: number; sha256: string }>('select id, sha256 from stat_releases where loading');
  for (const r of rows) if (!loadingHere.has(r.sha256)) await removeRelease(db, r.id);
}

async function insertStaged(db: Database, file: string, sha256: string, bytes: number, given: string | null, options: ImportOptions): Promise<ImportResult> {
  loadingHere.add(sha256);
  let releaseId: number | null = null;
  try {
    return await insertRelease(db, file, sha256, bytes, given, options, true, (id) => (releaseId = id));
  } catch (error) {
    if (releaseId !== null) await removeRelease(db, releaseId);
    throw error;
  } finally {
    loadingHere.delete(sha256);
  }
}

/**
 * The embedded engine has no checkpointer process: when the WAL reaches max_wal_size (1 GB, about two million rows
 * here) its one backend writes every dirty buffer at once, a stall of over a second. A staged load asks for a
 * checkpoint every 25 steps (50,000 rows) instead, each a short one (measured: BENCHMARKS.md, "Upload under load").
 */
async function checkpointEvery(sent: number, db: Queryable): Promise<void> {
  if (sent % 25 !== 0) return;
  await yieldToEventLoop();
  await db.exec('checkpoint');
}

/** Reads the file and writes its release: in `tx` (one transaction), or `staged` (see importStatistics). */
async function insertRelease(
  tx: Queryable,
  file: string,
  sha256: string,
  bytes: number,
  given: string | null,
  options: ImportOptions,
  staged: boolean,
  created?: (id: number) => void,
): Promise<ImportResult> {
  const name = options.name ?? file;
  const parsed: ParsedFile = await readStatistics(fileText(file, name, options.maxBytes), { file: name, dataset: options.dataset });
  const named = given ?? parsed.vintage ?? dateFromName(file);
  const [release] = await tx.query<{ id: number }>(
    `insert into stat_releases (source, dataset, format, release_label, vintage, file_name, sha256, bytes, synthetic, licence, origin_url, meta, loading)
     values ($1, $2, $3, '', coalesce($4::date, current_date), $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
    [
      parsed.source,
      parsed.dataset,
      parsed.format,
      named,
      path.basename(file),
      sha256,
      bytes,
      options.synthetic ?? false,
      options.licence ?? null,
      options.url ?? null,
      JSON.stringify({ ...parsed.meta, ...options.meta }),
      staged,
    ],
  );
  const releaseId = present(release, 'the inserted release row').id;
  created?.(releaseId);
  let latest = '';
  const observations = await copyAll(
    tx,
    'stat_observations',
    OBSERVATION_COLUMNS,
    parsed.observations,
    (o) => observationCsv(releaseId, o),
    (o) => {
      if (o.period > latest) latest = o.period;
    },
    staged ? STAGED_CHUNK : CHUNK,
    staged ? (sent) => checkpointEvery(sent, tx) : undefined,
  );
  const footnotes = parsed.footnotes
    ? await copyAll(
        tx,
        'stat_footnotes',
        FOOTNOTE_COLUMNS,
        batched(parsed.footnotes),
        (f) => footnoteCsv(releaseId, f),
        (f) => {
          const year = f.years?.slice(-4);
          if (year && year > latest) latest = year;
        },
      )
    : 0;
  if (observations === 0 && footnotes === 0) throw importError(ErrorCode.StatsParse, 'the file holds no observations', { file: name });
  const vintage = named ?? (latest ? periodEnd(latest) : null);
  if (!vintage) throw importError(ErrorCode.StatsParse, 'the file states no release date; give one with --vintage YYYY-MM-DD', { file: name });
  const basis = given ? 'given' : parsed.vintage ? 'stated in the file' : named ? 'file name' : 'end of the latest period in the file (no release date given)';
  const label = options.release ?? `${parsed.format} ${vintage}`;
  // The last step: one statement makes the release (and with it every row) visible.
  await tx.query(`update stat_releases set vintage = $2, release_label = $3, observations = $4, meta = meta || $5::jsonb, loading = false where id = $1`, [
    releaseId,
    vintage,
    label,
    observations,
    JSON.stringify({ vintage_basis: basis }),
  ]);
  return {
    status: 'imported' as const,
    releaseId,
    source: parsed.source,
    dataset: parsed.dataset,
    format: parsed.format,
    release: label,
    vintage,
    observations,
    footnotes,
    sha256,
    file: name,
  };
}
