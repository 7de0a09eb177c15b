import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { readInputs } from '../../courts/archive/inputs.ts';
import { loadDirectory } from '../../courts/directory/load.ts';
import { syncCourts } from '../../courts/directory/sync.ts';
import { type IngestResult, ingestPage, storeFailure } from '../../courts/ingest.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';
import { print, printError } from '../output.ts';
import { refreshPlannerStatistics } from '../../db/maintenance.ts';

function expand(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new OtkazError(ErrorCode.InputNotFound, 'no such file or folder', { where: p });
    }
    if (stat.isDirectory()) {
      out.push(...expand(readdirSync(p).filter((f) => /\.(html?|warc(\.gz)?)$/i.test(f) || statSync(path.join(p, f)).isDirectory()).map((f) => path.join(p, f))));
    } else out.push(p);
  }
  return out;
}

/** Why a record gave nothing or only its capture: a stable code, never page text or names. */
export interface RecordFailure {
  /** read: the record could not be read; archive: its bytes could not be archived; parse, store: archived, no cases. */
  stage: 'read' | 'archive' | 'parse' | 'store';
  code: ErrorCode;
  sqlstate: string | null;
  reason: string;
}

/** One line of `ingest --json`: a record (a saved page, or a WARC record at `offset`) and what became of it. */
export type RecordOutcome = Omit<IngestResult, 'captureId' | 'sha256' | 'kind' | 'failure'> & {
  file: string;
  offset: number | null;
  captureId: number | null;
  sha256: string | null;
  kind: IngestResult['kind'] | null;
  failure: RecordFailure | null;
};

function unread(file: string, offset: number | null, failure: RecordFailure): RecordOutcome {
  return {
    file, offset, captureId: null, sha256: null, newCapture: false, kind: null, courtVnkod: null,
    cases: { created: 0, updated: 0, unchanged: 0, unidentified: 0 }, warnings: [], failure,
  };
}

function place(outcome: RecordOutcome): string {
  return outcome.offset === null ? outcome.file : `${outcome.file} record at byte ${outcome.offset}`;
}

function describe(outcome: RecordOutcome): string {
  const f = outcome.failure;
  if (!f) return '';
  const archived = outcome.captureId === null ? 'not archived' : `archived as capture #${outcome.captureId}`;
  return `[${f.code}] ${f.reason}${f.sqlstate ? ` (SQLSTATE ${f.sqlstate})` : ''}; ${archived}`;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest <paths...>')
    .description(
      'take saved court pages (.html, folders) or WARC files into the evidence archive and the case store; a record that ' +
        'fails is listed at the end (file, byte offset in the WARC, code) and the others still go in: exit status 5 when any failed',
    )
    .option('--url <url>', 'URL of the page (single file only): gives the court and the case ids')
    .option('--retrieved-at <iso>', 'when the page was retrieved (single file only)')
    .option('--synthetic', 'mark these pages as synthetic (demo) data')
    .option('--json', 'one JSON result per record, failed ones with "failure"')
    .action(async (paths: string[], options: { url?: string; retrievedAt?: string; synthetic?: boolean; json?: boolean }) => {
      const files = expand(paths);
      if ((options.url || options.retrievedAt) && files.length !== 1) {
        throw new OtkazError(ErrorCode.Usage, '--url and --retrieved-at apply to a single file');
      }
      await withContext(async ({ db, personKey }) => {
        const directory = loadDirectory();
        await syncCourts(db, directory);
        const outcomes: RecordOutcome[] = [];
        for (const file of files) {
          for await (const record of readInputs(file, options)) {
            let outcome: RecordOutcome;
            if (record.error) {
              // The message without the place (the outcome names file and offset).
              const reason = record.error.message.replace(/^record at byte \d+: /, '').replace(` (${record.error.where ?? ''})`, '');
              outcome = unread(file, record.offset, { stage: 'read', code: record.error.code, sqlstate: null, reason });
            } else {
              try {
                const result = await ingestPage(db, directory, record.input, personKey);
                outcome = { ...result, file, offset: record.offset };
              } catch (error) {
                // The bytes themselves could not be archived (nothing of the record was written). Not the record's
                // fault (the database went away…): stop here; what was ingested so far stays.
                const failure = storeFailure(error);
                if (!failure) throw error;
                outcome = unread(file, record.offset, { ...failure, stage: 'archive', code: ErrorCode.IngestArchive });
              }
            }
            outcomes.push(outcome);
            if (!options.json) {
              const c = outcome.cases;
              if (outcome.captureId === null || outcome.sha256 === null) printError(`${place(outcome)}: failed ${describe(outcome)}`);
              else {
                print(
                  `${place(outcome)}: ${outcome.kind}, capture #${outcome.captureId}${outcome.newCapture ? '' : ' (already archived)'} sha256 ${outcome.sha256.slice(0, 16)}…` +
                    (outcome.failure ? `; failed ${describe(outcome)}` : `; cases +${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged`) +
                    (outcome.warnings.length ? `; ${outcome.warnings.join('; ')}` : ''),
                );
              }
            }
          }
        }
        await refreshPlannerStatistics(db);
        if (options.json) print(JSON.stringify(outcomes, null, 2));
        const failed = outcomes.filter((o) => o.failure);
        if (failed.length > 0) {
          printError(`otkaz: ${failed.length} of ${outcomes.length} records failed; the others were ingested:`);
          for (const o of failed) printError(`  ${place(o)}: ${describe(o)}`);
          throw new OtkazError(ErrorCode.IngestIncomplete, `${failed.length} of ${outcomes.length} records failed (listed above)`);
        }
      });
    });
}
