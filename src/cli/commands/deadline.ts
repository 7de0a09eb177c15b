/**
 * `otkaz deadline --rule RULE --from YYYY-MM-DD [--region DE-BE] [--overseas] [--legal-aid-requested D
 * --legal-aid-decided D] [--due D --shift] [--language ru] [--json]`: one deadline with its explanation (in English
 * unless `--language ru`, as `otkaz calendar --language`); `otkaz deadline --list` (or `otkaz deadline rules`): the
 * rule ids. Adapters of the operations of src/operations/deadlines/.
 */
import { type Command, CommanderError } from 'commander';
import { citationIn } from '../../deadlines/explain.ts';
import { computeDeadlineOperation } from '../../operations/deadlines/compute.ts';
import { deadlineRulesOperation } from '../../operations/deadlines/rules.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

/** The words of the text view; the explanation, title and note come in the language from the operation. */
const LABELS = {
  en: {
    due: 'due',
    suspended: 'suspended: the legal-aid decision is not yet notified',
    rule: 'rule',
    urgent: 'URGENT: file the urgent application (§ 80(5) VwGO) too: the suit alone does not stop removal',
    warning: 'warning',
    sources: 'sources',
    note: 'note',
  },
  ru: {
    due: 'последний день',
    suspended: 'срок приостановлен: о решении по юридической помощи ещё не уведомили',
    rule: 'правило',
    urgent: 'СРОЧНО: подайте и срочное ходатайство (§ 80(5) VwGO): сам иск не приостанавливает выдворение',
    warning: 'внимание',
    sources: 'источники',
    note: 'примечание',
  },
} as const;

export function registerDeadline(program: Command): void {
  const deadline = program
    .command('deadline')
    .description('appeal and filing deadlines (DE, FR, US): the due date, the rule applied, each step and its sources (not legal advice)')
    .option('--list', 'list the rules (as `otkaz deadline rules`)')
    .option('--overseas', 'France: the applicant is overseas (délai de distance, one more month)')
    .option('--shift', 'a manual rule: move a date on a non-working day to the next working day');
  const rules = bindCommand(deadline.command('rules').description('the deadline rules: id, country, period, title'), deadlineRulesOperation, {
    text: (list) =>
      renderTable(
        ['id', 'country', 'period', 'title'],
        list.map((r) => ({ id: r.id, country: r.country, period: r.period ? `${r.period.amount} ${r.period.unit}` : 'set by hand', title: r.title.en })),
      ),
  });
  bindCommand(deadline, computeDeadlineOperation, {
    flags: {
      rule: ['--rule <rule>', 'the rule id (otkaz deadline --list)'],
      from: ['--from <date>', 'YYYY-MM-DD: the date the period runs from (service, notification, arrival, decision)'],
      due: ['--due <date>', 'a manual rule: the date set by the judge or authority'],
      region: ['--region <region>', 'holiday region: DE or DE-XX (the Land of the court, e.g. DE-BE), FR, US'],
      legalAidRequestedOn: ['--legal-aid-requested <date>', 'France: when legal aid was requested'],
      legalAidDecidedOn: ['--legal-aid-decided <date>', 'France: when the legal-aid decision was notified'],
      language: ['--language <language>', 'en (default) or ru: the language of the explanation (and of a refusal)'],
    },
    map: (raw, options) => ({
      ...raw,
      ...(options.overseas === true ? { overseas: 'true' } : {}),
      ...(options.shift === true ? { shift: 'true' } : {}),
    }),
    text: (r, input) => {
      const language = input.language ?? 'en';
      const w = LABELS[language];
      return [
        r.status === 'due' ? `${w.due}: ${r.due}` : w.suspended,
        `${w.rule}: ${r.rule} — ${r.title}`,
        ...(r.urgentApplication ? [w.urgent] : []),
        ...(r.nonWorkingDay ? [`${w.warning}: ${r.nonWorkingDay}`] : []),
        '',
        ...r.explanation.map((step) => `  ${step}`),
        '',
        `${w.sources}: ${r.sources.map((s) => (s.url ? `${citationIn(s, language)} <${s.url}>` : citationIn(s, language))).join('; ')}`,
        ...(r.note ? [`${w.note}: ${r.note}`] : []),
      ].join('\n');
    },
  });
  // `--list` runs the rules' command with the same output flags, instead of a computation.
  deadline.hook('preAction', async (command, action) => {
    if (action !== command || command.opts().list !== true) return;
    await rules.parseAsync(command.opts().json === true ? ['--json'] : [], { from: 'user' });
    throw new CommanderError(0, 'otkaz.deadline.list', '');
  });
}
