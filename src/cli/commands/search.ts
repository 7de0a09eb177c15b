import type { Command } from 'commander';
import { searchCases } from '../../courts/cases/search.ts';
import { withContext } from '../context.ts';
import { formatFrom, print, renderCsv, renderTable } from '../output.ts';

export function registerSearch(program: Command): void {
  program
    .command('search <query>')
    .description('full-text search over case information and act texts (russian stemming; web-search syntax)')
    .option('--limit <n>', 'at most this many hits', '50')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (query: string, options: { limit: string; json?: boolean; csv?: boolean; bom?: boolean }) => {
      await withContext(async ({ db }) => {
        const hits = await searchCases(db, query, Number(options.limit));
        const columns = ['id', 'court_vnkod', 'case_number', 'receipt_date', 'outcome', 'matched_in', 'synthetic'];
        const format = formatFrom(options);
        if (format === 'json') print(JSON.stringify(hits, null, 2));
        else if (format === 'csv') print(renderCsv(columns, hits, { bom: options.bom === true }));
        else print(`${renderTable(columns, hits)}\n${hits.length} hit(s)`);
      });
    });
}
