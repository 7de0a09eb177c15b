import type { Command } from 'commander';
import { loadKnowledgeBase } from '../../guidance/load.ts';
import { penaltiesFor } from '../../guidance/penalties.ts';
import { findPerson } from '../../courts/cases/persons.ts';
import { linkedInstances } from '../../courts/cases/links.ts';
import { CASE_LIST_COLUMNS, CASE_SORT_VALUES, listCases } from '../../courts/cases/list.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { isCalendarDate } from '../../shared/validation.ts';
import { withContext } from '../context.ts';
import { formatFrom, print, renderCsv, renderTable } from '../output.ts';

export function registerCases(program: Command): void {
  const cases = program.command('cases').description('stored cases (persons shown by initials only)');
  cases
    .command('list')
    .description('list cases (the same list as GET /api/v1/cases)')
    .option('--court <vnkod>', 'only this court')
    .option('--article <n>', 'only cases with a defendant charged under this article')
    .option('--part <n>', 'only cases with a charge under this part')
    .option('--outcome <outcome>', 'only this outcome (e.g. convicted, returned, pending)')
    .option('--from <date>', 'received on or after YYYY-MM-DD')
    .option('--to <date>', 'received on or before YYYY-MM-DD')
    .option('--text <words>', 'full text (Russian stemming) over case information and act texts')
    .option('--synthetic <which>', 'include, exclude or only SYNTHETIC cases', 'include')
    .option('--sort <key>', `${CASE_SORT_VALUES.filter((v) => !v.startsWith('-')).join(', ')}; prefix - for descending`, '-receipt_date')
    .option('--page <n>', 'page number', '1')
    .option('--limit <n>', 'rows per page', '100')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (options: { court?: string; article?: string; part?: string; outcome?: string; from?: string; to?: string; text?: string; synthetic: string; sort: string; page: string; limit: string; json?: boolean; csv?: boolean; bom?: boolean }) => {
      const sort = CASE_SORT_VALUES.find((v) => v === options.sort);
      if (!sort) throw new OtkazError(ErrorCode.Usage, `--sort must be one of ${CASE_SORT_VALUES.join(', ')}`, { where: '--sort' });
      const synthetic = (['include', 'exclude', 'only'] as const).find((v) => v === options.synthetic);
      if (!synthetic) throw new OtkazError(ErrorCode.Usage, '--synthetic must be include, exclude or only', { where: '--synthetic' });
      for (const flag of ['from', 'to'] as const) {
        const value = options[flag];
        if (value !== undefined && !isCalendarDate(value)) throw new OtkazError(ErrorCode.Usage, `expected a real day YYYY-MM-DD, got "${value}"`, { where: `--${flag}` });
      }
      const page = positive(options.page, '--page');
      const pageSize = positive(options.limit, '--limit');
      await withContext(async ({ db }) => {
        const result = await listCases(db, {
          ...(options.court ? { court: options.court } : {}),
          ...(options.article ? { article: options.article } : {}),
          ...(options.part ? { part: options.part } : {}),
          ...(options.outcome ? { outcome: options.outcome } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          ...(options.text ? { q: options.text } : {}),
          synthetic,
          sort,
          page,
          pageSize,
        });
        const format = formatFrom(options);
        if (format === 'json') print(JSON.stringify(result, null, 2));
        else if (format === 'csv') print(renderCsv([...CASE_LIST_COLUMNS], result.rows, { bom: options.bom === true }));
        else print(`${renderTable([...CASE_LIST_COLUMNS], result.rows)}\n${result.rows.length} of ${result.total} case(s), page ${result.page}`);
      });
    });
  cases
    .command('find-person <full-name>')
    .description('cases of one person, by exact full name (matched against keyed hashes; for a lawyer finding a client\'s case)')
    .option('--json', 'machine-readable output')
    .action(async (fullName: string, options: { json?: boolean }) => {
      await withContext(async ({ db, personKey }) => {
        const matches = await findPerson(db, personKey, fullName);
        if (options.json) print(JSON.stringify(matches, null, 2));
        else print(`${renderTable(['case_id', 'court_vnkod', 'case_number', 'receipt_date', 'initials', 'outcome', 'synthetic'], matches)}\n${matches.length} case(s)`);
      });
    });
  cases
    .command('show <id>')
    .description('one case with its history and the captures it came from')
    .option('--json', 'machine-readable output')
    .action(async (id: string, options: { json?: boolean }) => {
      await withContext(async ({ db }) => {
        const [row] = await db.query('select id, court_vnkod, case_key, case_number, judicial_uid, proceeding, receipt_date, decision_date, outcome, synthetic, record from cases where id = $1', [Number(id)]);
        if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no case #${id}`);
        const history = await db.query(
          `select h.kind, h.recorded_at, h.changes, p.id as capture_id, p.url, p.retrieved_at, p.sha256
           from case_history h join captures p on p.id = h.capture_id where h.case_id = $1 order by h.id`,
          [Number(id)],
        );
        const linked = await linkedInstances(db, Number(id));
        const charges = await db.query<{ article: string; part: string | null }>('select distinct article, part from case_articles where case_id = $1 order by article, part', [Number(id)]);
        const penalties = penaltiesFor(loadKnowledgeBase(), charges);
        if (options.json || formatFrom(options) === 'json') {
          print(JSON.stringify({ case: row, history, linkedInstances: linked, penalties }, null, 2));
          return;
        }
        const { record, ...head } = row;
        print(JSON.stringify(head, null, 2));
        print('\nhistory:');
        print(renderTable(['kind', 'recorded_at', 'capture_id', 'retrieved_at', 'sha256'], history ));
        if (penalties.length) {
          print('\npenalties (guidance knowledge base; not legal advice):');
          for (const p of penalties) {
            print(`  art. ${p.article}${p.part ? ` part ${p.part}` : ''}: ${p.offence ? `${p.offence.title.en} — ${p.offence.penalty.summary.en} [facts: ${p.offence.facts.join(', ')}]` : 'not in the knowledge base'}`);
          }
        }
        if (linked.length) {
          print('\nsame judicial UID in other courts/instances:');
          print(renderTable(['id', 'court_vnkod', 'case_number', 'proceeding'], linked ));
        }
        void record;
      });
    });
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new OtkazError(ErrorCode.Usage, `expected a whole number from 1, got "${value}"`, { where: flag });
  return n;
}
