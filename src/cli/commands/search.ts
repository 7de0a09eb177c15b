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
      text: (result) =>
        `${renderTable([...SEARCH_COLUMNS], result.hits)}\n${
          result.capped
            ? `${result.hits.length} of ${result.total} matching cases shown (the list is capped at ${result.limit}: --limit N shows more)`
            : `${result.total} matching case(s)`
        }`,
    },
  );
}
