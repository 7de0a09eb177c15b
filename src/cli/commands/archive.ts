import type { Command } from 'commander';
import { exportArchiveOperation } from '../../operations/archive/export.ts';
import { listCapturesOperation } from '../../operations/archive/list.ts';
import { verifyArchiveOperation } from '../../operations/archive/verify.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { bindCommand } from '../bind.ts';

export function registerArchive(program: Command): void {
  const archive = program.command('archive').description('the evidence archive: every page as captured, content-addressed by sha256');
  bindCommand(
    archive
      .command('export')
      .description('write captures as WARC 1.1 (request/response/metadata records, WARC-Payload-Digest) or as a WACZ 1.1.1 package (--format wacz)'),
    exportArchiveOperation,
    {
      flags: {
        out: ['--out <file>', 'file to write (WARC, or WACZ)'],
        caseId: ['--case <id>', 'only the captures of this case'],
        format: ['--format <format>', 'warc or wacz (default: wacz when --out ends in .wacz, else warc)'],
      },
      text: (result) => `wrote ${result.captures} captures to ${result.file} (${result.format.toUpperCase()})`,
    },
  );
  bindCommand(
    archive.command('verify').description('re-hash every stored capture and report any mismatch (exit status 4 when one is found)'),
    verifyArchiveOperation,
    {
      text: (report) =>
        [
          `checked ${report.checked} stored bodies: ${report.mismatches.length === 0 ? 'all match their sha256' : `${report.mismatches.length} MISMATCH(ES)`}`,
          ...report.mismatches.map((m) => `  ${m.sha256} now hashes to ${m.actual}; captures ${m.captures.join(', ')}`),
        ].join('\n'),
      after: (report) => {
        if (report.mismatches.length > 0)
          throw new OtkazError(ErrorCode.ArchiveMismatch, `${report.mismatches.length} stored capture(s) do not match their hash`);
      },
    },
  );
  bindCommand(archive.command('list').description('list captures'), listCapturesOperation, {
    flags: { limit: ['--limit <n>', 'how many, newest first (default 50)'] },
    text: (rows) =>
      rows
        .map(
          (r) => `#${r.id} ${r.page_kind.padEnd(12)} ${r.sha256.slice(0, 16)}… ${r.retrieved_at ?? 'retrieved ?'} ${r.synthetic ? '[SYNTHETIC] ' : ''}${r.url}`,
        )
        .join('\n'),
  });
}
