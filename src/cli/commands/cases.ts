import type { Command } from 'commander';
import { CASE_LIST_COLUMNS, CASE_SORT_VALUES } from '../../courts/cases/list.ts';
import { OUTCOMES } from '../../courts/parse/types.ts';
import { findPersonOperation, PERSON_MATCH_COLUMNS } from '../../operations/cases/find-person.ts';
import { listCasesOperation } from '../../operations/cases/list.ts';
import { type CaseView, showCaseOperation } from '../../operations/cases/show.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

export function registerCases(program: Command): void {
  const cases = program.command('cases').description('stored cases (persons shown by initials only)');
  bindCommand(cases.command('list').description('list cases (the same list as GET /api/v1/cases)'), listCasesOperation, {
    flags: {
      court: ['--court <vnkod>', 'only this court'],
      article: ['--article <n>', 'only cases with a defendant charged under this article'],
      part: ['--part <n>', 'only cases with a charge under this part'],
      outcome: ['--outcome <outcome>', `only this outcome: ${OUTCOMES.join(', ')}`],
      from: ['--from <date>', 'received on or after YYYY-MM-DD'],
      to: ['--to <date>', 'received on or before YYYY-MM-DD'],
      q: ['--text <words>', 'full text (Russian stemming) over case information and act texts'],
      synthetic: ['--synthetic <which>', 'include, exclude or only SYNTHETIC cases (default include)'],
      removed: ['--removed <which>', 'include, exclude or only cases removed from the court site (default include)'],
      sort: ['--sort <key>', `${CASE_SORT_VALUES.filter((v) => !v.startsWith('-')).join(', ')}; prefix - for descending (default -receipt_date)`],
      page: ['--page <n>', 'page number (default 1)'],
      pageSize: ['--limit <n>', 'rows per page (default 50, at most 200)'],
    },
    text: (result) => `${renderTable([...CASE_LIST_COLUMNS], result.rows)}\n${result.rows.length} of ${result.total} case(s), page ${result.page}`,
  });
  bindCommand(cases.command('find-person <full-name>'), findPersonOperation, {
    args: ['fullName'],
    text: (matches) => `${renderTable([...PERSON_MATCH_COLUMNS], matches)}\n${matches.length} case(s)`,
  });
  bindCommand(cases.command('show <id>').description('one case: charges, sentence, hearings, history and the captures it came from'), showCaseOperation, {
    args: ['id'],
    text: caseText,
  });
}

/** A case for people: what the court decided, for whom (initials), under which articles, when it sat, and the evidence. */
function caseText(view: CaseView): string {
  const c = view.case;
  const lines: string[] = [];
  lines.push(`case #${c.id}${c.synthetic ? '  [SYNTHETIC]' : ''}: ${c.case_number ?? '(no number)'} — ${c.court_name ?? c.court_vnkod} (${c.court_vnkod})`);
  if (view.removal) lines.push(`  REMOVED: ${view.removal.summary}`);
  const facts: Array<[string, string | null]> = [
    ['judicial UID', c.judicial_uid],
    ['proceeding', c.proceeding],
    ['received', c.receipt_date],
    ['decided', c.decision_date],
    ['in force', c.legal_force_date],
    ['judge', c.judge],
    ['category', c.category],
    ['outcome', c.outcome],
    ['result', c.result_text],
  ];
  for (const [label, value] of facts) if (value) lines.push(`  ${label.padEnd(13)}${value}`);
  lines.push('', 'defendants and charges:');
  if (!view.persons.length) lines.push('  (none listed)');
  for (const p of view.persons) {
    const charges = view.articles
      .filter((a) => a.defendant_position === p.position)
      .map((a) => `art. ${a.article}${a.part ? ` part ${a.part}` : ''}${a.point ? ` point ${a.point}` : ''}`);
    lines.push(`  ${p.hidden ? '(hidden by the court)' : (p.initials ?? '?')}: ${charges.join(', ') || 'no charge listed'}`);
    if (p.outcome || p.result_text) lines.push(`    outcome: ${[p.outcome, p.result_text].filter(Boolean).join(' — ')}`);
    const sentence = sentenceText(p.sentence_kind, p.sentence);
    if (sentence) lines.push(`    sentence: ${sentence}`);
  }
  const unassigned = view.articles.filter((a) => !view.persons.some((p) => p.position === a.defendant_position));
  if (unassigned.length) lines.push(`  charges: ${unassigned.map((a) => `art. ${a.article}${a.part ? ` part ${a.part}` : ''}`).join(', ')}`);
  lines.push('', 'hearings and events:');
  lines.push(view.events.length ? renderTable(['event_date', 'event_time', 'name', 'result', 'place'], view.events) : '  (none listed)');
  if (view.penalties.length) {
    lines.push('', 'penalties (guidance knowledge base; not legal advice):');
    for (const p of view.penalties)
      lines.push(
        `  art. ${p.article}${p.part ? ` part ${p.part}` : ''}: ${p.offence ? `${p.offence.title.en} — ${p.offence.penalty.summary.en} [facts: ${p.offence.facts.join(', ')}]` : 'not in the knowledge base'}`,
      );
  }
  lines.push('', 'captures (the archived pages this case was read from; sha256 of the bytes as received):');
  lines.push(renderTable(['id', 'retrieved_at', 'http_status', 'page_kind', 'sha256', 'url'], view.captures));
  lines.push('', 'history:');
  lines.push(renderTable(['kind', 'recorded_at', 'capture_id', 'retrieved_at', 'sha256'], view.history));
  if (view.linkedInstances.length) {
    lines.push('', 'same judicial UID in other courts/instances:');
    lines.push(renderTable(['id', 'court_vnkod', 'case_number', 'proceeding', 'receipt_date', 'outcome'], view.linkedInstances));
  }
  return lines.join('\n');
}

/** Months as people say them: 2 years 6 months, 8 months, 1 year. */
function duration(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return [years ? `${years} year${years === 1 ? '' : 's'}` : '', rest ? `${rest} month${rest === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ') || '0 months';
}

const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * A sentence as words (the stored one is the parser's record, src/courts/parse/types.ts Sentence): "imprisonment,
 * 2 years 6 months", "suspended, 1 year, probation 2 years", "fine, 100,000 RUB"; null when there is none.
 */
export function sentenceText(kind: string | null, sentence: unknown): string | null {
  const s = typeof sentence === 'object' && sentence !== null ? (sentence as Record<string, unknown>) : {};
  const what = (kind ?? (typeof s.kind === 'string' ? s.kind : null))?.replace(/_/g, ' ') ?? null;
  const term = count(s.termMonths);
  const probation = count(s.probationMonths);
  const fine = count(s.fineRub);
  const parts = [
    what,
    term !== null ? duration(term) : null,
    probation !== null ? `probation ${duration(probation)}` : null,
    fine !== null ? `${fine.toLocaleString('en-US')} RUB` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(', ') : null;
}
