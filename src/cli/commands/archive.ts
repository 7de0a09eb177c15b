import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import type { Queryable } from '../../db/database.ts';
import { CAPTURE_COLUMNS, type CaptureRow, captureBody, verifyArchive } from '../../courts/archive/store.ts';
import { captureRecords, warcInfoRecord } from '../../courts/archive/warc.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';
import { print } from '../output.ts';

/** Writes captures (all, or those of one case) as a WARC 1.1 file; returns how many. */
export async function exportWarc(db: Queryable, out: string, options: { caseId?: number } = {}): Promise<number> {
  const where = options.caseId !== undefined ? 'where id in (select capture_id from case_history where case_id = $1)' : '';
  const captures = await db.query<CaptureRow>(`select ${CAPTURE_COLUMNS} from captures ${where} order by id`, options.caseId !== undefined ? [options.caseId] : []);
  const stream = createWriteStream(out);
  const write = async (chunk: Uint8Array) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  await write(await warcInfoRecord('otkaz 0.1'));
  for (const capture of captures) {
    const body = await captureBody(db, capture.sha256);
    if (!body) throw new OtkazError(ErrorCode.ArchiveMismatch, `capture #${capture.id} has no stored body`, { where: capture.sha256 });
    for (const record of await captureRecords(capture, body)) await write(record);
  }
  stream.end();
  await once(stream, 'finish');
  return captures.length;
}

export function registerArchive(program: Command): void {
  const archive = program.command('archive').description('the evidence archive: every page as captured, content-addressed by sha256');
  archive
    .command('export')
    .description('write captures as WARC 1.1 (request/response/metadata records, WARC-Payload-Digest)')
    .requiredOption('--out <file>', 'WARC file to write')
    .option('--case <id>', 'only the captures of this case')
    .option('--json', 'print the result as JSON')
    .action(async (options: { out: string; case?: string; json?: boolean }) => {
      await withContext(async ({ db }) => {
        const count = await exportWarc(db, options.out, options.case ? { caseId: Number(options.case) } : {});
        print(options.json ? JSON.stringify({ file: options.out, captures: count }) : `wrote ${count} captures to ${options.out}`);
      });
    });
  archive
    .command('verify')
    .description('re-hash every stored capture and report any mismatch (exit status 4 when one is found)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(async ({ db }) => {
        const report = await verifyArchive(db);
        if (options.json) print(JSON.stringify(report, null, 2));
        else {
          print(`checked ${report.checked} stored bodies: ${report.mismatches.length === 0 ? 'all match their sha256' : `${report.mismatches.length} MISMATCH(ES)`}`);
          for (const m of report.mismatches) print(`  ${m.sha256} now hashes to ${m.actual}; captures ${m.captures.join(', ')}`);
        }
        if (report.mismatches.length > 0) throw new OtkazError(ErrorCode.ArchiveMismatch, `${report.mismatches.length} stored capture(s) do not match their hash`);
      });
    });
  archive
    .command('list')
    .description('list captures')
    .option('--limit <n>', 'how many, newest first', '50')
    .option('--json', 'machine-readable output')
    .action(async (options: { limit: string; json?: boolean }) => {
      await withContext(async ({ db }) => {
        const rows = await db.query<CaptureRow>(`select ${CAPTURE_COLUMNS} from captures order by id desc limit $1`, [Number(options.limit)]);
        if (options.json) print(JSON.stringify(rows, null, 2));
        else for (const r of rows) print(`#${r.id} ${r.page_kind.padEnd(12)} ${r.sha256.slice(0, 16)}… ${r.retrieved_at ?? 'retrieved ?'} ${r.synthetic ? '[SYNTHETIC] ' : ''}${r.url}`);
      });
    });
}
