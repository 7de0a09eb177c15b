/**
 * Ingesting saved files: pages (.html, folders of them), WARC files and WACZ files (verified whole, then their WARCs),
 * record by record. A record that fails is
 * kept as an outcome with its failure (file, byte offset in the WARC, code — never page text or names) and the
 * others still go in; only a failure that is not the record's (the database went away) stops the run.
 */
import { readdirSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { refreshPlannerStatistics } from '../db/maintenance.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { readInputs } from './archive/inputs.ts';
import { syncCourts } from './directory/sync.ts';
import type { CourtDirectory } from './directory/types.ts';
import { type IngestInput, type IngestResult, ingestPage, storeFailure } from './ingest.ts';

/** The files named, folders expanded to the pages and WARC files inside them; a missing path is a coded error. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat: Stats;
    try {
      stat = statSync(p);
    } catch {
      throw new OtkazError(ErrorCode.InputNotFound, 'no such file or folder', { where: p });
    }
    if (stat.isDirectory()) {
      out.push(
        ...expandPaths(
          readdirSync(p)
            .filter((f) => /\.(html?|warc(\.gz)?|wacz)$/i.test(f) || statSync(path.join(p, f)).isDirectory())
            .map((f) => path.join(p, f)),
        ),
      );
    } else out.push(p);
  }
  return out;
}

/**
 * A revisit record with the payload it refers to: the capture whose WARC-Payload-Digest is the revisit's (or, for a
 * sha256 digest, the stored body with that hash; else the record it refers to). Null when the archive has none.
 */
async function resolveRevisit(db: Database, input: IngestInput): Promise<IngestInput | null> {
  const digest = input.revisit?.payloadDigest ?? null;
  const refersTo = input.revisit?.refersTo ?? null;
  const rows = await db.query<{ body: Uint8Array; payload: Uint8Array | null }>(
    `select b.body, pb.body as payload from captures c join blobs b on b.sha256 = c.sha256 left join blobs pb on pb.sha256 = c.payload_sha256
     where (c.payload_digest = $1 or c.warc_record_id = $2) and c.record_type is distinct from 'revisit'
     order by (c.payload_digest = $1) desc, c.id limit 1`,
    [digest, refersTo],
  );
  let found = rows[0] ?? null;
  const hex = digest ? /^sha256:([0-9a-f]{64})$/i.exec(digest)?.[1]?.toLowerCase() : undefined;
  if (!found && hex) {
    const [blob] = await db.query<{ body: Uint8Array }>('select body from blobs where sha256 = $1', [hex]);
    if (blob) found = { body: blob.body, payload: null };
  }
  if (!found) return null;
  const bytes = Buffer.from(found.body);
  return { ...input, bytes, ...(input.record ? { record: { ...input.record, payload: null } } : {}) };
}

/** Why a record gave nothing or only its capture: a stable code, never page text or names. */
export interface RecordFailure {
  /** read: the record could not be read; archive: its bytes could not be archived; parse, store: archived, no cases. */
  stage: 'read' | 'archive' | 'parse' | 'store';
  code: ErrorCode;
  sqlstate: string | null;
  reason: string;
}

/** What became of one record (a saved page, or a WARC record at `offset`). */
export type RecordOutcome = Omit<IngestResult, 'captureId' | 'sha256' | 'kind' | 'failure'> & {
  file: string;
  offset: number | null;
  captureId: number | null;
  sha256: string | null;
  kind: IngestResult['kind'] | null;
  failure: RecordFailure | null;
};

export interface IngestFilesOptions {
  /** URL of the page (a single file only): gives the court and the case ids. */
  url?: string;
  /** When the page was retrieved (a single file only). */
  retrievedAt?: string;
  synthetic?: boolean;
}

function unread(file: string, offset: number | null, failure: RecordFailure): RecordOutcome {
  return {
    file,
    offset,
    captureId: null,
    sha256: null,
    newCapture: false,
    kind: null,
    courtVnkod: null,
    cases: { created: 0, updated: 0, unchanged: 0, unidentified: 0 },
    warnings: [],
    failure,
  };
}

/** Every record of the files into the evidence archive and the case store; one outcome per record, in order. */
export async function ingestFiles(
  db: Database,
  directory: CourtDirectory,
  personKey: string,
  paths: readonly string[],
  options: IngestFilesOptions = {},
): Promise<RecordOutcome[]> {
  const files = expandPaths(paths);
  if ((options.url || options.retrievedAt) && files.length !== 1) throw new OtkazError(ErrorCode.Usage, '--url and --retrieved-at apply to a single file');
  await syncCourts(db, directory);
  const outcomes: RecordOutcome[] = [];
  for (const file of files) {
    for await (const record of readInputs(file, options)) {
      if (record.error) {
        // The message without the place (the outcome names file and offset).
        const reason = record.error.message.replace(/^record at byte \d+: /, '').replace(` (${record.error.where ?? ''})`, '');
        outcomes.push(unread(record.file, record.offset, { stage: 'read', code: record.error.code, sqlstate: null, reason }));
        continue;
      }
      let input = record.input;
      if (input.revisit) {
        const resolved = await resolveRevisit(db, input);
        if (!resolved) {
          const id = input.record?.recordId ?? '';
          outcomes.push(
            unread(record.file, record.offset, {
              stage: 'read',
              code: ErrorCode.WarcRevisitUnresolved,
              sqlstate: null,
              reason: `revisit record ${id.slice(0, 200)}: no capture in the archive has its payload (${(input.revisit.payloadDigest ?? input.revisit.refersTo ?? 'no digest').slice(0, 200)}); ingest the WARC with the original first`,
            }),
          );
          continue;
        }
        input = resolved;
      }
      try {
        const result = await ingestPage(db, directory, input, personKey);
        outcomes.push({ ...result, file: record.file, offset: record.offset });
      } catch (error) {
        // The bytes themselves could not be archived (nothing of the record was written). Not the record's
        // fault (the database went away…): stop here; what was ingested so far stays.
        const failure = storeFailure(error);
        if (!failure) throw error;
        outcomes.push(unread(record.file, record.offset, { ...failure, stage: 'archive', code: ErrorCode.IngestArchive }));
      }
    }
  }
  await refreshPlannerStatistics(db);
  return outcomes;
}
