import type { Command } from 'commander';
import { exportWarc } from '../../courts/archive/export.ts';
import { CAPTURE_COLUMNS, type CaptureRow, verifyArchive } from '../../courts/archive/store.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';
import { print } from '../output.ts';

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
