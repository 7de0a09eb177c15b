import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { inputsFrom } from '../../courts/archive/inputs.ts';
import { loadDirectory } from '../../courts/directory/load.ts';
import { syncCourts } from '../../courts/directory/sync.ts';
import { type IngestResult, ingestPage } from '../../courts/ingest.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';
import { print } from '../output.ts';
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

export function registerIngest(program: Command): void {
  program
    .command('ingest <paths...>')
    .description('take saved court pages (.html, folders) or WARC files into the evidence archive and the case store')
    .option('--url <url>', 'URL of the page (single file only): gives the court and the case ids')
    .option('--retrieved-at <iso>', 'when the page was retrieved (single file only)')
    .option('--synthetic', 'mark these pages as synthetic (demo) data')
    .option('--json', 'one JSON result per page')
    .action(async (paths: string[], options: { url?: string; retrievedAt?: string; synthetic?: boolean; json?: boolean }) => {
      const files = expand(paths);
      if ((options.url || options.retrievedAt) && files.length !== 1) {
        throw new OtkazError(ErrorCode.Usage, '--url and --retrieved-at apply to a single file');
      }
      await withContext(async ({ db, personKey }) => {
        const directory = loadDirectory();
        await syncCourts(db, directory);
        const results: (IngestResult & { file: string })[] = [];
        for (const file of files) {
          for await (const input of inputsFrom(file, options)) {
            const result = await ingestPage(db, directory, input, personKey);
            results.push({ ...result, file });
            if (!options.json) {
              const c = result.cases;
              print(
                `${file}: ${result.kind}, capture #${result.captureId}${result.newCapture ? '' : ' (already archived)'} sha256 ${result.sha256.slice(0, 16)}…` +
                  `; cases +${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged${result.warnings.length ? `; ${result.warnings.join('; ')}` : ''}`,
              );
            }
          }
        }
        await refreshPlannerStatistics(db);
        if (options.json) print(JSON.stringify(results, null, 2));
      });
    });
}
