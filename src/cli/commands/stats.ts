import type { Command } from 'commander';
import { DIMENSIONS } from '../../courts/counts.ts';
import { type ProsecutionCountsView, prosecutionCountsOperation } from '../../operations/prosecutions/count.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';
import { registerAsylum } from './asylum.ts';

export function registerStats(program: Command): void {
  const stats = program.command('stats').description('prosecution counts; asylum and border statistics (UNHCR, Eurostat, US CBP)');
  registerAsylum(stats, program);
  bindCommand(
    stats
      .command('prosecutions')
      .description('count cases and defendants by month/year of receipt, article, part, court, military district, outcome, sentence kind')
      .option('--real-only', 'leave out synthetic (demo) records')
      .option('--synthetic-only', 'only synthetic (demo) records'),
    prosecutionCountsOperation,
    {
      flags: {
        by: ['--by <dims>', `comma-separated: ${DIMENSIONS.join(', ')} (default month,article)`],
        articles: ['--articles <list>', 'criminal-code articles (default 337,338,332,339,352.1)'],
        from: ['--from <date>', 'first day (YYYY-MM or YYYY-MM-DD)'],
        to: ['--to <date>', 'last day (YYYY-MM or YYYY-MM-DD)'],
        date: ['--date <basis>', 'receipt | decision (default receipt)'],
        synthetic: ['--synthetic <which>', 'include, exclude or only SYNTHETIC records (default include)'],
        growth: ['--growth', 'add the previous period and the growth in %'],
      },
      map: (raw, options) => {
        const chosen = [
          options.realOnly ? '--real-only' : null,
          options.syntheticOnly ? '--synthetic-only' : null,
          raw.synthetic !== undefined ? '--synthetic' : null,
        ].filter((flag) => flag !== null);
        if (chosen.length > 1) throw new OtkazError(ErrorCode.Usage, `${chosen.join(' and ')} contradict each other: give one`, { where: chosen.join(' ') });
        return {
          ...raw,
          ...(options.realOnly ? { synthetic: 'exclude' } : options.syntheticOnly ? { synthetic: 'only' } : {}),
          ...(raw.growth === true ? { growth: 'true' } : {}),
        };
      },
      text: prosecutionsText,
    },
  );
}

function prosecutionsText(result: ProsecutionCountsView): string {
  const q = result.query;
  const columns = [...q.by, 'synthetic', 'cases', 'defendants', ...(q.growth ? ['previous_cases', 'growth_pct'] : [])];
  const overlap = result.overlap;
  const distinct = overlap
    ? [
        `\n${overlap.note}`,
        overlap.by.length
          ? `distinct cases by ${overlap.by.join(', ')}:\n${renderTable([...overlap.by, 'synthetic', 'cases', 'defendants', ...(q.growth ? ['previous_cases', 'growth_pct'] : [])], overlap.rows)}`
          : null,
      ]
    : [];
  return [
    renderTable(columns, result.rows),
    ...distinct.filter((line) => line !== null),
    `\ntotal (distinct): ${result.totals.cases} cases, ${result.totals.defendants} defendants${result.totals.removedCases ? ` (${result.totals.removedCases} cases since removed from the court site)` : ''}${result.totals.syntheticCases ? ` (${result.totals.syntheticCases} cases SYNTHETIC — demo data, not real)` : ''}`,
    `articles: ${q.articles.join(', ')}; period by date of ${q.dateBasis}${q.from ? ` from ${q.from}` : ''}${q.to ? ` to ${q.to}` : ''}`,
    `method: ${result.method}`,
  ].join('\n');
}
