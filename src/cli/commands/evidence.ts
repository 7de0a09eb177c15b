import type { Command } from 'commander';
import { evidencePacketOperation } from '../../operations/evidence/packet.ts';
import { bindCommand } from '../bind.ts';

export function registerEvidence(program: Command): void {
  const evidence = program.command('evidence').description("a case's evidence for a court or an asylum authority, checkable without otkaz");
  bindCommand(
    evidence
      .command('packet')
      .description(
        "write a case's evidence packet (zip): each capture as captured and as a PDF rendered offline by headless Chromium (OTKAZ_CHROMIUM), " +
          'the WARC and WACZ, the RFC 3161 time stamps with proofs, MANIFEST.sha256, a verification sheet (en, ru, de, fr), the chain of custody. ' +
          'Every export is recorded',
      ),
    evidencePacketOperation,
    {
      flags: {
        caseId: ['--case <id>', 'the case'],
        out: ['--out <file>', 'the zip file to write'],
      },
      text: (r) =>
        [
          `wrote the evidence packet of case #${r.caseId} to ${r.file}: export #${r.exportId}, ${r.captures} capture(s), ${r.stamps} time-stamp token(s), ${r.files.length} files in ${r.folder}/`,
          `MANIFEST.sha256 has SHA-256 ${r.manifestSha256} (recorded in the chain of custody)`,
          `check it anywhere: unzip it, then follow ${r.folder}/VERIFY-en.txt (-ru, -de, -fr)`,
        ].join('\n'),
    },
  );
}
