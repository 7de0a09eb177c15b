import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { CAPTURE_COLUMNS, CAPTURE_RECORD_COLUMNS, captureBody } from './store.ts';
import { captureRecords, type ExportCapture, warcInfoRecord } from './warc.ts';

/** Writes captures (all, or those of one case) as a WARC 1.1 file; returns how many. */
export async function exportWarc(db: Queryable, out: string, options: { caseId?: number } = {}): Promise<number> {
  const where = options.caseId !== undefined ? 'where id in (select capture_id from case_history where case_id = $1)' : '';
  const captures = await db.query<ExportCapture>(
    `select ${CAPTURE_COLUMNS}, ${CAPTURE_RECORD_COLUMNS} from captures ${where} order by id`,
    options.caseId !== undefined ? [options.caseId] : [],
  );
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
