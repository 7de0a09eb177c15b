import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { CAPTURE_COLUMNS, CAPTURE_RECORD_COLUMNS, captureBody } from './store.ts';
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

/** The WARC records of one exported capture (its stored body, and its payload as transmitted when kept apart). */
export async function exportedRecords(db: Queryable, capture: ExportCapture): Promise<Uint8Array[]> {
  const body = await captureBody(db, capture.sha256);
  if (!body) throw new OtkazError(ErrorCode.ArchiveMismatch, `capture #${capture.id} has no stored body`, { where: capture.sha256 });
  const payload = capture.payload_sha256 ? await captureBody(db, capture.payload_sha256) : null;
  return captureRecords(capture, body, payload);
}

/** Writes captures (all, those of one case, or chosen ones: see `exportCaptures`) as a WARC 1.1 file; returns how many. */
export async function exportWarc(db: Queryable, out: string, options: ExportSelection = {}): Promise<number> {
  const captures = await exportCaptures(db, options);
  const stream = createWriteStream(out);
  const write = async (chunk: Uint8Array) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  await write(await warcInfoRecord(SOFTWARE, path.basename(out)));
  for (const capture of captures) for (const record of await exportedRecords(db, capture)) await write(record);
  stream.end();
  await once(stream, 'finish');
  return captures.length;
}
