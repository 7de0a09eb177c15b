import type { Command } from 'commander';
import { SEARCH_COLUMNS, searchCasesOperation } from '../../operations/cases/search.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

export function registerSearch(program: Command): void {
  bindCommand(
    program.command('search <query>').description('full-text search over case information and act texts (russian stemming; web-search syntax)'),
    searchCasesOperation,
    {
      args: ['query'],
      flags: { limit: ['--limit <n>', 'at most this many hits (default 50)'] },
      text: (hits) => `${renderTable([...SEARCH_COLUMNS], hits)}\n${hits.length} hit(s)`,
    },
  );
}
