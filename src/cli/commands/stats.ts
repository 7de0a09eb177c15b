import type { Command } from 'commander';
import { registerAsylum } from './asylum.ts';
import { DIMENSIONS, type Dimension, prosecutionCounts } from '../../courts/stats.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { firstDayOfMonth, lastDayOfMonth } from '../../shared/periods.ts';
import { isCalendarDate, isYearMonth } from '../../shared/validation.ts';
import { withContext } from '../context.ts';
import { formatFrom, print, renderCsv, renderTable } from '../output.ts';
import { loadDirectory } from '../../courts/directory/load.ts';
import { syncCourts } from '../../courts/directory/sync.ts';

function parseBy(value: string): Dimension[] {
  const dims = value.split(',').map((d) => d.trim()).filter(Boolean);
  for (const d of dims) {
    if (!(DIMENSIONS as readonly string[]).includes(d)) {
      throw new OtkazError(ErrorCode.Usage, `unknown dimension "${d}"; use ${DIMENSIONS.join(', ')}`, { where: '--by' });
    }
  }
  return dims as Dimension[];
}

function isoDate(value: string | undefined, flag: string): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m || !(m[3] ? isCalendarDate(value) : isYearMonth(value))) throw new OtkazError(ErrorCode.Usage, `expected a real month YYYY-MM or day YYYY-MM-DD, got "${value}"`, { where: flag });
  if (m[3]) return value;
  return flag === '--to' ? lastDayOfMonth(value) : firstDayOfMonth(value);
}

export function registerStats(program: Command): void {
  const stats = program.command('stats').description('prosecution counts; asylum and border statistics (UNHCR, Eurostat, US CBP)');
  registerAsylum(stats, program);
  stats
    .command('prosecutions')
    .description('count cases and defendants by month/year of receipt, article, part, court, military district, outcome, sentence kind')
    .option('--by <dims>', `comma-separated: ${DIMENSIONS.join(', ')}`, 'month,article')
    .option('--articles <list>', 'criminal-code articles', '337,338,332,339,352.1')
    .option('--from <date>', 'first day (YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM or YYYY-MM-DD)')
    .option('--date <basis>', 'receipt | decision', 'receipt')
    .option('--real-only', 'leave out synthetic (demo) records')
    .option('--synthetic-only', 'only synthetic (demo) records')
    .option('--growth', 'add the previous period and the growth in %')
    .option('--json', 'machine-readable output with the method and the query')
    .option('--csv', 'CSV output')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (options: { by: string; articles: string; from?: string; to?: string; date: string; realOnly?: boolean; syntheticOnly?: boolean; growth?: boolean; json?: boolean; csv?: boolean; bom?: boolean }) => {
      if (options.date !== 'receipt' && options.date !== 'decision') throw new OtkazError(ErrorCode.Usage, 'use receipt or decision', { where: '--date' });
      const by = parseBy(options.by);
      await withContext(async ({ db }) => {
        await syncCourts(db, loadDirectory());
        const result = await prosecutionCounts(db, {
          by,
          articles: options.articles.split(',').map((a) => a.trim()).filter(Boolean),
          from: isoDate(options.from, '--from'),
          to: isoDate(options.to, '--to'),
          dateBasis: options.date === 'decision' ? 'decision' : 'receipt',
          synthetic: options.realOnly ? 'exclude' : options.syntheticOnly ? 'only' : 'include',
          growth: options.growth ?? false,
        });
        const columns = [...by, 'synthetic', 'cases', 'defendants', ...(options.growth ? ['previous_cases', 'growth_pct'] : [])];
        const format = formatFrom(options);
        if (format === 'json') print(JSON.stringify(result, null, 2));
        else if (format === 'csv') print(renderCsv(columns, result.rows, { bom: options.bom === true }));
        else {
          print(renderTable(columns, result.rows));
          print(`\ntotal: ${result.totals.cases} cases, ${result.totals.defendants} defendants${result.totals.syntheticCases ? ` (${result.totals.syntheticCases} cases SYNTHETIC — demo data, not real)` : ''}`);
          print(`articles: ${result.query.articles.join(', ')}; period by date of ${result.query.dateBasis}${result.query.from ? ` from ${result.query.from}` : ''}${result.query.to ? ` to ${result.query.to}` : ''}`);
          print(`method: ${result.method}`);
        }
      });
    });
}
