/**
 * `otkaz guidance check | route | offences | facts`: the sourced knowledge base on the command line, each the
 * adapter of an operation of src/operations/guidance/.
 */
import type { Command } from 'commander';
import { parseArea } from '../../asylum/codes/countries.ts';
import { ensureSnapshot } from '../../asylum/snapshot.ts';
import { loadKnowledgeBase } from '../../guidance/load.ts';
import { renderRoute } from '../../guidance/render.ts';
import { STATUSES } from '../../guidance/schema.ts';
import { syncKnowledgeBase } from '../../guidance/store.ts';
import { checkKnowledgeBaseOperation } from '../../operations/guidance/check.ts';
import { FACT_COLUMNS, factsOperation, OFFENCE_COLUMNS, offencesOperation } from '../../operations/guidance/knowledge.ts';
import { guidanceRouteOperation } from '../../operations/guidance/route.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

const DOCUMENT_ALIASES: Record<string, string> = { internal: 'internal_passport', international: 'international_passport' };

/** --in and --prefer take country names and alpha-2 codes too (ARM, AM); what is no country reaches the schema as typed. */
function countryCode(value: string): string {
  const code = parseArea(value);
  return code?.length === 3 ? code : value;
}

export function registerGuidance(program: Command): void {
  const guidance = program
    .command('guidance')
    .description('sourced, dated knowledge base: penalties, exit routes, destinations, organisations; route checker (not legal advice)');
  bindCommand(
    guidance
      .command('check')
      .description('validate the knowledge base; list unsourced (fails), stale (> 12 months unverified), conflicting and unconfirmed facts'),
    checkKnowledgeBaseOperation,
    {
      flags: { today: ['--today <date>', 'YYYY-MM-DD (default: today)'] },
      text: (report) => {
        const kb = loadKnowledgeBase();
        return [
          `${report.facts} facts, ${kb.offences.length} offences, ${kb.exit_routes.length} exit routes, ${kb.destinations.length} destinations (${kb.destinations.reduce((n, d) => n + d.rulings.length, 0)} rulings, ${kb.destinations.reduce((n, d) => n + d.incidents.length, 0)} incidents), ${kb.organisations.length} organisations`,
          `unsourced: ${report.unsourced.length ? report.unsourced.join(', ') : 'none'}`,
          `stale (not verified since ${report.today} minus 12 months): ${report.stale.length ? report.stale.map((s) => `${s.id} (${s.verified})`).join(', ') : 'none'}`,
          `sources conflict: ${report.conflicts.join(', ') || 'none'}`,
          `passed, not confirmed in force: ${report.notInForce.join(', ') || 'none'}`,
          ...report.toConfirm.map((c) => `to confirm: ${c.id}: ${c.check}`),
        ].join('\n');
      },
      after: (report) => {
        if (!report.ok) throw new OtkazError(ErrorCode.GuidanceInvalid, `${report.unsourced.length} facts have no source`, { where: 'assets/guidance' });
      },
    },
  );

  bindCommand(
    guidance
      .command('route')
      .description('where can I go with my documents and status, at what risk, with what protection prospects — every line with its facts')
      .option('--case', 'a criminal case is known to be open (AWOL, deserter)'),
    guidanceRouteOperation,
    {
      flags: {
        status: ['--status <status>', `${STATUSES.join(' | ')} (required)`],
        documents: ['--documents <list>', 'internal, international (comma-separated); none (default internal)'],
        location: ['--in <country>', 'where you are now (ISO3; default RUS)'],
        prefer: ['--prefer <countries>', 'destinations to list first (ISO3, comma-separated)'],
        lang: ['--lang <lang>', 'en | ru (default en)'],
        today: ['--today <date>', 'YYYY-MM-DD (default: today)'],
      },
      map: (raw, options) => ({
        ...raw,
        documents:
          typeof raw.documents === 'string'
            ? raw.documents
                .split(',')
                .map((d) => DOCUMENT_ALIASES[d.trim()] ?? d.trim())
                .join(',')
            : 'internal_passport',
        ...(options.case === true ? { case: 'true' } : {}),
        ...(typeof raw.location === 'string' ? { location: countryCode(raw.location) } : {}),
        ...(typeof raw.prefer === 'string' ? { prefer: raw.prefer.split(',').map(countryCode).join(',') } : {}),
      }),
      // The figures behind the protection prospects, and the knowledge base as the statistics tables know it.
      prepare: async (ctx) => {
        await ensureSnapshot(ctx.db);
        await syncKnowledgeBase(ctx.db, ctx.kb);
      },
      text: (result, input) => renderRoute(result, loadKnowledgeBase(), input.lang ?? 'en'),
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
