import type { Command } from 'commander';
import { ingestOperation, type RecordOutcome } from '../../operations/archive/ingest.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { bindCommand } from '../bind.ts';
import { printError } from '../output.ts';

function place(outcome: RecordOutcome): string {
  return outcome.offset === null ? outcome.file : `${outcome.file} record at byte ${outcome.offset}`;
}

function describe(outcome: RecordOutcome): string {
  const f = outcome.failure;
  if (!f) return '';
  const archived = outcome.captureId === null ? 'not archived' : `archived as capture #${outcome.captureId}`;
  return `[${f.code}] ${f.reason}${f.sqlstate ? ` (SQLSTATE ${f.sqlstate})` : ''}; ${archived}`;
}

/** One line per archived record (the records that could not be archived are listed on stderr, after). */
function ingestText(outcomes: readonly RecordOutcome[]): string {
  return outcomes
    .filter((o) => o.captureId !== null && o.sha256 !== null)
    .map((o) => {
      const c = o.cases;
      return (
        `${place(o)}: ${o.kind}, capture #${o.captureId}${o.newCapture ? '' : ' (already archived)'} sha256 ${(o.sha256 ?? '').slice(0, 16)}…` +
        (o.failure ? `; failed ${describe(o)}` : `; cases +${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged`) +
        (o.warnings.length ? `; ${o.warnings.join('; ')}` : '')
      );
    })
    .join('\n');
}

export function registerIngest(program: Command): void {
  bindCommand(
    program
      .command('ingest <paths...>')
      .description(
        'take saved court pages (.html, folders), WARC or WACZ files into the evidence archive and the case store; a record that ' +
          'fails is listed at the end (file, byte offset in the WARC, code) and the others still go in: exit status 5 when any failed',
      ),
    ingestOperation,
    {
      args: ['paths'],
      flags: {
        url: ['--url <url>', 'URL of the page (single file only): gives the court and the case ids'],
        retrievedAt: ['--retrieved-at <iso>', 'when the page was retrieved (single file only)'],
        synthetic: ['--synthetic', 'mark these pages as synthetic (demo) data'],
      },
      text: ingestText,
      after: (outcomes) => {
        const failed = outcomes.filter((o) => o.failure);
        if (failed.length === 0) return;
        printError(`otkaz: ${failed.length} of ${outcomes.length} records failed; the others were ingested:`);
        for (const o of failed) printError(`  ${place(o)}: ${describe(o)}`);
        throw new OtkazError(ErrorCode.IngestIncomplete, `${failed.length} of ${outcomes.length} records failed (listed above)`);
      },
    },
  );
}
