import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { CAPTURE_COLUMNS, CAPTURE_RECORD_COLUMNS } from './store.ts';
import { captureRecords, type ExportCapture, warcInfoRecord } from './warc.ts';

/** The software an export names (warcinfo record, WACZ datapackage). */
export const SOFTWARE = 'otkaz 0.1';

/** Which captures an export writes: all, those of one case, or chosen ones. */
export interface ExportSelection {
  caseId?: number;
  captureIds?: readonly number[];
}

/**
 * The captures an export writes, in id order. A part of the archive brings the original of each revisit record in
 * it (the capture it was resolved by: same payload digest, not a revisit), so that a reader can resolve the revisit
 * from the file alone.
 */
export async function exportCaptures(db: Queryable, options: ExportSelection = {}): Promise<ExportCapture[]> {
  if (options.caseId === undefined && options.captureIds === undefined) {
    return db.query<ExportCapture>(`select ${CAPTURE_COLUMNS}, ${CAPTURE_RECORD_COLUMNS} from captures order by id`);
  }
  const chosen = options.caseId !== undefined ? 'select capture_id as id from case_history where case_id = $1' : 'select unnest($1::bigint[]) as id';
  return db.query<ExportCapture>(
    `with chosen as (${chosen}),
          originals as (
            select (select o.id from captures o
                     where o.payload_digest = r.payload_digest and o.record_type is distinct from 'revisit'
                     order by o.id limit 1) as id
            from captures r where r.id in (select id from chosen) and r.record_type = 'revisit')
     select ${CAPTURE_COLUMNS}, ${CAPTURE_RECORD_COLUMNS} from captures
     where id in (select id from chosen) or id in (select id from originals where id is not null)
     order by id`,
    [options.caseId ?? options.captureIds],
  );
}

/** How many captures' bodies one query reads while exporting (one query per capture was most of an export's time). */
const BODY_BATCH = 200;

/**
 * The WARC records of each exported capture in turn (its stored body, and its payload as transmitted when kept apart),
 * the bodies read from the database a batch at a time.
 */
export async function* exportedRecords(db: Queryable, captures: readonly ExportCapture[]): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < captures.length; start += BODY_BATCH) {
    const batch = captures.slice(start, start + BODY_BATCH);
    const wanted = [...new Set(batch.flatMap((c) => (c.payload_sha256 ? [c.sha256, c.payload_sha256] : [c.sha256])))];
    const rows = await db.query<{ sha256: string; body: Uint8Array }>('select sha256, body from blobs where sha256 = any($1::text[])', [wanted]);
    const bodies = new Map(rows.map((r) => [r.sha256, r.body]));
    for (const capture of batch) {
      const body = bodies.get(capture.sha256);
      if (!body) throw new OtkazError(ErrorCode.ArchiveMismatch, `capture #${capture.id} has no stored body`, { where: capture.sha256 });
      const payload = capture.payload_sha256 ? (bodies.get(capture.payload_sha256) ?? null) : null;
      for (const record of await captureRecords(capture, body, payload)) yield record;
    }
  }
}

/** Writes captures (all, those of one case, or chosen ones: see `exportCaptures`) as a WARC 1.1 file; returns how many. */
export async function exportWarc(db: Queryable, out: string, options: ExportSelection = {}): Promise<number> {
  const captures = await exportCaptures(db, options);
  const stream = createWriteStream(out);
  const write = async (chunk: Uint8Array) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  await write(await warcInfoRecord(SOFTWARE, path.basename(out)));
  for await (const record of exportedRecords(db, captures)) await write(record);
  stream.end();
  await once(stream, 'finish');
  return captures.length;
}
