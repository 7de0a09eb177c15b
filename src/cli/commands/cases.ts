import type { Command } from 'commander';
import { loadKnowledgeBase } from '../../guidance/load.ts';
import { penaltiesFor } from '../../guidance/penalties.ts';
import { findPerson } from '../../courts/cases/persons.ts';
import { linkedInstances } from '../../courts/cases/links.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';
import { formatFrom, print, renderCsv, renderTable } from '../output.ts';

export function registerCases(program: Command): void {
  const cases = program.command('cases').description('stored cases (persons shown by initials only)');
  cases
    .command('list')
    .description('list cases')
    .option('--court <vnkod>', 'only this court')
    .option('--article <n>', 'only cases with a defendant charged under this article')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output')
    .action(async (options: { court?: string; article?: string; limit: string; json?: boolean; csv?: boolean }) => {
      await withContext(async ({ db }) => {
        const params: unknown[] = [Number(options.limit)];
        const where: string[] = [];
        if (options.court) {
          params.push(options.court);
          where.push(`c.court_vnkod = $${params.length}`);
        }
        if (options.article) {
          params.push(options.article);
          where.push(`exists (select 1 from case_articles a where a.case_id = c.id and a.article = $${params.length})`);
        }
        const rows = await db.query(
          `select c.id, c.court_vnkod, c.case_number, c.receipt_date, c.decision_date, c.outcome, c.synthetic,
                  (select string_agg(distinct a.article || coalesce(' ч.' || a.part, ''), '; ') from case_articles a where a.case_id = c.id) as articles,
                  (select string_agg(coalesce(d.initials, '—'), ', ' order by d.position) from case_defendants d where d.case_id = c.id) as defendants
           from cases c ${where.length ? `where ${where.join(' and ')}` : ''}
           order by c.receipt_date desc nulls last, c.id limit $1`,
          params,
        );
        const columns = ['id', 'court_vnkod', 'case_number', 'receipt_date', 'decision_date', 'articles', 'defendants', 'outcome', 'synthetic'];
        const format = formatFrom(options);
        if (format === 'json') print(JSON.stringify(rows, null, 2));
        else if (format === 'csv') print(renderCsv(columns, rows ));
        else print(renderTable(columns, rows ));
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
