/**
 * The words of reminder e-mails and calendar entries, in English and Russian (a member's language: users.locale).
 * What they may say of a client: initials and the short file reference only — an e-mail passes through mail servers
 * and a calendar syncs to third-party servers, neither of which should learn who the client is. The rule's title
 * (which tells the country and the kind of decision), the due date and the rule's sources are the useful part; the
 * authority's file number, the lawyer's own labels and notes stay in the app.
 */
import type { PlainDate } from '../deadlines/dates.ts';
import { citationIn, dateIn, explainSteps, russianPlural } from '../deadlines/explain.ts';
import type { AgendaEntry } from './load.ts';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `before`: N days ahead; `due`: on the day itself. */
export const REMINDER_KINDS = ['before', 'due'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

type Entry = Pick<AgendaEntry, 'rule' | 'ruleTitle' | 'due' | 'initials' | 'fileRef' | 'urgentApplication' | 'clientId' | 'result'>;

const WORDS = {
  en: {
    deadline: 'Deadline',
    setByHand: 'Deadline set by a court or authority',
    file: 'file',
    inDays: (n: number) => (n === 1 ? 'in 1 day' : `in ${n} days`),
    today: 'today',
    subject: (when: string, title: string, who: string) => `Deadline ${when}: ${title} (${who})`,
    due: 'Last day',
    rule: 'Rule',
    urgent: 'File the urgent application (§ 80(5) VwGO) within the same period: the suit alone does not stop removal.',
    sources: 'Sources',
    how: 'How it was computed',
    open: 'Open the file',
    why: 'You get this because the client file is yours or shared with you in otkaz. The client is named by initials and file reference only.',
  },
  ru: {
    deadline: 'Срок',
    setByHand: 'Срок, назначенный судом или ведомством',
    file: 'дело',
    inDays: (n: number) => `через ${n} ${russianPlural(n, 'день', 'дня', 'дней')}`,
    today: 'сегодня',
    subject: (when: string, title: string, who: string) => `Срок ${when}: ${title} (${who})`,
    due: 'Последний день',
    rule: 'Правило',
    urgent: 'В тот же срок подайте срочное ходатайство (§ 80(5) VwGO): сам иск не приостанавливает выдворение.',
    sources: 'Источники',
    how: 'Как рассчитано',
    open: 'Открыть дело',
    why: 'Вы получили это письмо, потому что дело клиента ваше или открыто вам в otkaz. Клиент назван только инициалами и номером дела.',
  },
} as const;

/** "A. B. · file 1a2b3c4d" */
export function whoOf(entry: Pick<Entry, 'initials' | 'fileRef'>, language: Language): string {
  return `${entry.initials} · ${WORDS[language].file} ${entry.fileRef}`;
}

export function titleOf(entry: Pick<Entry, 'ruleTitle'>, language: Language): string {
  return entry.ruleTitle?.[language] ?? WORDS[language].setByHand;
}

/** A calendar entry's summary: "Deadline: <rule title> — A. B. · file 1a2b3c4d". */
export function calendarSummary(entry: Entry, language: Language): string {
  return `${WORDS[language].deadline}: ${titleOf(entry, language)} — ${whoOf(entry, language)}`;
}

/** A link to the client file in the web app (its id is random: it names no one), or null without a public address. */
export function fileLink(publicUrl: string | undefined, clientId: string): string | null {
  return publicUrl ? new URL(`/files/${clientId}`, publicUrl).toString() : null;
}

/** The lines every text about a deadline carries: the rule, the urgent application, its sources. */
export function ruleLines(entry: Entry, language: Language): string[] {
  const w = WORDS[language];
  const lines = [`${w.rule}: ${titleOf(entry, language)}${entry.rule ? ` (${entry.rule})` : ''}`];
  if (entry.urgentApplication) lines.push(w.urgent);
  const sources = entry.result?.sources ?? [];
  if (sources.length) lines.push(`${w.sources}: ${sources.map((s) => citationIn(s, language)).join('; ')}`);
  return lines;
}

export interface Message {
  readonly subject: string;
  readonly text: string;
}

/** A reminder e-mail: subject and plain text, in the member's language — the arithmetic too (src/deadlines/explain.ts). */
export function reminderMessage(entry: Entry, kind: ReminderKind, daysLeft: number, language: Language, publicUrl: string | undefined): Message {
  const w = WORDS[language];
  const due = entry.due as PlainDate;
  const when = kind === 'due' ? w.today : w.inDays(daysLeft);
  const lines = [`${w.due}: ${dateIn(due, language)}`, ...ruleLines(entry, language)];
  const steps = explainSteps(entry.result?.steps ?? [], language);
  if (steps.length) lines.push('', `${w.how}:`, ...steps.map((s) => `  - ${s}`));
  const link = fileLink(publicUrl, entry.clientId);
  if (link) lines.push('', `${w.open}: ${link}`);
  lines.push('', '--', w.why);
  return { subject: w.subject(when, titleOf(entry, language), whoOf(entry, language)), text: `${lines.join('\n')}\n` };
}
