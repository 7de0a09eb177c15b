/**
 * `otkaz guidance check | route | show`: the sourced knowledge base on the command line.
 */
import type { Command } from 'commander';
import { parseArea } from '../../asylum/codes/countries.ts';
import { ensureSnapshot } from '../../asylum/snapshot.ts';
import { checkKnowledgeBase } from '../../guidance/check.ts';
import { loadKnowledgeBase } from '../../guidance/load.ts';
import { type Lang, renderRoute } from '../../guidance/render.ts';
import { checkRoute } from '../../guidance/route.ts';
import { DOCUMENTS, type PersonStatus, STATUSES, type TravelDocument } from '../../guidance/schema.ts';
import { recognitionFigures } from '../../guidance/statistics.ts';
import { syncKnowledgeBase } from '../../guidance/store.ts';
import { FACT_COLUMNS, factsOperation, OFFENCE_COLUMNS, offencesOperation } from '../../operations/guidance/knowledge.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { bindCommand } from '../bind.ts';
import { withContext } from '../context.ts';
import { print, renderTable } from '../output.ts';

const today = () => new Date().toISOString().slice(0, 10);

function langOf(value: string): Lang {
  if (value !== 'en' && value !== 'ru') throw new OtkazError(ErrorCode.Usage, 'use en or ru', { where: '--lang' });
  return value;
}

function documentsOf(value: string): TravelDocument[] {
  const aliases: Record<string, TravelDocument> = {
    internal: 'internal_passport',
    internal_passport: 'internal_passport',
    international: 'international_passport',
    international_passport: 'international_passport',
    none: 'none',
  };
  return value
    .split(',')
    .map((v) => {
      const doc = aliases[v.trim()];
      if (!doc)
        throw new OtkazError(ErrorCode.Usage, `unknown document "${v}" (${DOCUMENTS.join(', ')}; or internal, international)`, { where: '--documents' });
      return doc;
    })
    .filter((d) => d !== 'none');
}

function country(value: string, flag: string): string {
  const code = parseArea(value);
  if (code?.length !== 3) throw new OtkazError(ErrorCode.Usage, `expected a country (ISO3 such as RUS, ARM), got "${value}"`, { where: flag });
  return code;
}

export function registerGuidance(program: Command): void {
  const guidance = program
    .command('guidance')
    .description('sourced, dated knowledge base: penalties, exit routes, destinations, organisations; route checker (not legal advice)');
  guidance
    .command('check')
    .description('validate the knowledge base; list unsourced (fails), stale (> 12 months unverified), conflicting and unconfirmed facts')
    .option('--today <date>', 'YYYY-MM-DD', today())
    .option('--json')
    .action((options: { today: string; json?: boolean }) => {
      const kb = loadKnowledgeBase();
      const report = checkKnowledgeBase(kb, options.today);
      if (options.json) print(JSON.stringify(report, null, 2));
      else {
        print(
          `${report.facts} facts, ${kb.offences.length} offences, ${kb.exit_routes.length} exit routes, ${kb.destinations.length} destinations (${kb.destinations.reduce((n, d) => n + d.rulings.length, 0)} rulings, ${kb.destinations.reduce((n, d) => n + d.incidents.length, 0)} incidents), ${kb.organisations.length} organisations`,
        );
        print(`unsourced: ${report.unsourced.length ? report.unsourced.join(', ') : 'none'}`);
        print(
          `stale (not verified since ${report.today} minus 12 months): ${report.stale.length ? report.stale.map((s) => `${s.id} (${s.verified})`).join(', ') : 'none'}`,
        );
        print(`sources conflict: ${report.conflicts.join(', ') || 'none'}`);
        print(`passed, not confirmed in force: ${report.notInForce.join(', ') || 'none'}`);
        for (const c of report.toConfirm) print(`to confirm: ${c.id}: ${c.check}`);
      }
      if (!report.ok) throw new OtkazError(ErrorCode.GuidanceInvalid, `${report.unsourced.length} facts have no source`, { where: 'assets/guidance' });
    });

  guidance
    .command('route')
    .description('where can I go with my documents and status, at what risk, with what protection prospects — every line with its facts')
    .requiredOption('--status <status>', STATUSES.join(' | '))
    .option('--documents <list>', 'internal, international (comma-separated); none', 'internal')
    .option('--case', 'a criminal case is known to be open (AWOL, deserter)')
    .option('--in <country>', 'where you are now (ISO3)', 'RUS')
    .option('--prefer <countries>', 'destinations to list first (ISO3, comma-separated)')
    .option('--lang <lang>', 'en | ru', 'en')
    .option('--today <date>', 'YYYY-MM-DD', today())
    .option('--json')
    .action(
      async (options: { status: string; documents: string; case?: boolean; in: string; prefer?: string; lang: string; today: string; json?: boolean }) => {
        if (!(STATUSES as readonly string[]).includes(options.status))
          throw new OtkazError(ErrorCode.Usage, `unknown status "${options.status}" (${STATUSES.join(', ')})`, { where: '--status' });
        const lang = langOf(options.lang);
        const kb = loadKnowledgeBase();
        const input = {
          documents: documentsOf(options.documents),
          status: options.status as PersonStatus,
          caseOpen: options.case ?? false,
          location: country(options.in, '--in'),
          preferences: options.prefer ? options.prefer.split(',').map((c) => country(c, '--prefer')) : [],
          today: options.today,
        };
        await withContext(async ({ db }) => {
          await ensureSnapshot(db);
          await syncKnowledgeBase(db, kb);
          const stats = await recognitionFigures(
            db,
            kb.destinations.filter((d) => d.statistics).map((d) => d.country),
          );
          const result = checkRoute(kb, input, stats);
          print(options.json ? JSON.stringify(result, null, 2) : renderRoute(result, kb, lang));
        });
      },
    );

  bindCommand(guidance.command('offences').description('the offences and their penalty ranges'), offencesOperation, {
    flags: { lang: ['--lang <lang>', 'en | ru (default en)'] },
    text: (offences, { lang }) =>
      renderTable(
        [...OFFENCE_COLUMNS],
        offences.map((o) => ({
          article: o.article,
          part: o.part ?? '',
          title: o.title[lang],
          penalty: o.penalty.summary[lang],
          conditions: o.conditions.join(', '),
          since: o.introduced ? `${o.introduced.law} ${o.introduced.date}` : '',
          facts: o.facts.join(', '),
        })),
      ),
  });

  bindCommand(guidance.command('facts').description('the facts: date, when last verified, confidence, text, sources'), factsOperation, {
    flags: { lang: ['--lang <lang>', 'en | ru (default en)'] },
    text: (facts, { lang }) =>
      `${renderTable(
        [...FACT_COLUMNS],
        facts.map((f) => ({ ...f, text: f.text[lang], sources: f.sources.map((s) => s.url ?? s.document ?? '').join(' ') })),
      )}\n${facts.length} facts`,
  });
}
