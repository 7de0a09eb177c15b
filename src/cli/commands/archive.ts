import type { Command } from 'commander';
import { exportArchiveOperation } from '../../operations/archive/export.ts';
import { listCapturesOperation } from '../../operations/archive/list.ts';
import { stampArchiveOperation } from '../../operations/archive/stamp.ts';
import { verifyArchiveOperation } from '../../operations/archive/verify.ts';
import { verifyStampOperation } from '../../operations/archive/verify-stamp.ts';
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
  bindCommand(
    archive
      .command('stamp')
      .description(
        'time-stamp the captures not yet stamped with the TSA of OTKAZ_TSA_URL (RFC 3161): one token over the Merkle root of each batch. ' +
          "A stamp proves that a capture's bytes existed no later than its time, not that the court's server served them; " +
          "only a qualified TSA's stamp has eIDAS's presumption (Reg. 910/2014 art. 41)",
      ),
    stampArchiveOperation,
    {
      flags: { batch: ['--batch <n>', 'captures per token (default 4096)'] },
      text: (report) =>
        report.captures === 0
          ? 'every capture is stamped already'
          : [
              `stamped ${report.captures} capture(s) in ${report.batches.length} token(s) of ${report.tsaUrl}`,
              ...report.batches.map((b) => `  stamp #${b.timestampId}: ${b.captures} capture(s), root ${b.root}, time ${b.genTime}, serial ${b.serial}`),
              "A stamp proves the captures' bytes existed by that time; not that the court's server served them.",
            ].join('\n'),
    },
  );
  bindCommand(
    archive
      .command('verify-stamp <id>')
      .description(
        "verify a capture's time stamps offline: body → sha256 → proof → stamped root → the token's imprint, and the token's signature " +
          '(openssl ts -verify) when a CA file is given (exit status 4 when a check fails)',
      ),
    verifyStampOperation,
    {
      args: ['id'],
      flags: { ca: ['--ca <file>', "the TSA's CA certificate, PEM (default: OTKAZ_TSA_CA_FILE)"] },
      text: (report) =>
        [
          `capture #${report.captureId} sha256 ${report.sha256}: the stored body ${report.bodyMatchesHash ? 'matches it' : 'DOES NOT MATCH IT'}`,
          ...report.stamps.map((s) =>
            [
              `  stamp #${s.timestampId} of ${s.tsaUrl} at ${s.genTime}`,
              `    proof → root ${s.root}: ${s.proofLeadsToRoot ? 'ok' : 'FAILS'}`,
              `    token covers that root: ${s.tokenCoversRoot ? 'ok' : 'NO'}`,
              `    token signature: ${s.signature === 'verified' ? 'verified' : s.signature === 'failed' ? 'FAILED' : 'not checked'} (${s.signatureDetail})`,
            ].join('\n'),
          ),
          report.verified
            ? "verified: the capture's bytes existed no later than the stamp's time (not proof that the court's server served them; only a qualified TSA gives eIDAS's presumption)"
            : report.stamps.some((s) => s.signature === 'failed' || !s.proofLeadsToRoot || !s.tokenCoversRoot) || !report.bodyMatchesHash
              ? 'NOT VERIFIED: a check failed'
              : 'not fully verified: the signature was not checked (see above)',
        ].join('\n'),
      after: (report) => {
        const failed = !report.bodyMatchesHash || report.stamps.some((s) => s.signature === 'failed' || !s.proofLeadsToRoot || !s.tokenCoversRoot);
        if (failed) throw new OtkazError(ErrorCode.StampUnverified, `the time stamp of capture ${report.captureId} does not verify`);
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
