import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { CAPTURE_COLUMNS, CAPTURE_RECORD_COLUMNS, captureBody } from './store.ts';
import { captureRecords, type ExportCapture, warcInfoRecord } from './warc.ts';

/**
 * Writes captures (all, those of one case, or chosen ones) as a WARC 1.1 file; returns how many. A part of the
 * archive brings the original of each revisit record in it (the capture it was resolved by: same payload digest,
 * not a revisit), so that a reader can resolve the revisit from the file alone.
 */
export async function exportWarc(db: Queryable, out: string, options: { caseId?: number; captureIds?: readonly number[] } = {}): Promise<number> {
  let captures: ExportCapture[];
  if (options.caseId === undefined && options.captureIds === undefined) {
    captures = await db.query<ExportCapture>(`select ${CAPTURE_COLUMNS}, ${CAPTURE_RECORD_COLUMNS} from captures order by id`);
  } else {
    const chosen = options.caseId !== undefined ? 'select capture_id as id from case_history where case_id = $1' : 'select unnest($1::bigint[]) as id';
    captures = await db.query<ExportCapture>(
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
  const stream = createWriteStream(out);
  const write = async (chunk: Uint8Array) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  await write(await warcInfoRecord('otkaz 0.1', path.basename(out)));
  for (const capture of captures) {
    const body = await captureBody(db, capture.sha256);
    if (!body) throw new OtkazError(ErrorCode.ArchiveMismatch, `capture #${capture.id} has no stored body`, { where: capture.sha256 });
    const payload = capture.payload_sha256 ? await captureBody(db, capture.payload_sha256) : null;
    for (const record of await captureRecords(capture, body, payload)) await write(record);
  }
  stream.end();
  await once(stream, 'finish');
  return captures.length;
}
