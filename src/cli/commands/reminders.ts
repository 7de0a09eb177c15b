/**
 * The case files' deadlines from the command line: `otkaz deadlines --as EMAIL [--scope organisation] [--json]`
 * (the overview), `otkaz calendar --as EMAIL --out FILE` (iCalendar), `otkaz reminders send [--dry-run]`
 * (the e-mails due today), `otkaz account language en|ru --as EMAIL`. Adapters of src/operations/deadlines/ and
 * src/operations/account/.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { z } from 'zod';
import { languageOperation } from '../../operations/account/language.ts';
import { calendarOperation } from '../../operations/deadlines/calendar.ts';
import { dashboardOperation } from '../../operations/deadlines/dashboard.ts';
import { remindersOperation } from '../../operations/deadlines/reminders.ts';
import type { AgendaEntrySchema } from '../../operations/deadlines/schemas.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

type Entry = z.infer<typeof AgendaEntrySchema>;

function rows(list: Entry[]): object[] {
  return list.map((e) => ({
    due: e.due ?? (e.status === 'suspended' ? 'suspended' : e.status === 'incomplete' ? `needs ${e.missing}` : 'error'),
    days: e.daysLeft ?? '',
    rule: e.rule ?? '(set by hand)',
    urgent: e.urgentApplication ? 'URGENT' : '',
    client: e.clientName ?? e.initials,
    file: e.clientId,
  }));
}

export function registerReminders(program: Command): void {
  const deadlines = program.command('deadlines').description('the deadlines of your client files: overdue, due this week, later (acting as a member: --as)');
  bindCommand(deadlines, dashboardOperation, {
    member: true,
    flags: { scope: ['--scope <scope>', 'mine (default: files you opened or that are shared with you) or organisation'] },
    text: (r) =>
      [
        `deadlines on ${r.today} (${r.scope})`,
        ...(
          [
            ['overdue', r.overdue],
            ['due this week', r.thisWeek],
            ['later', r.later],
            ['without a date', r.undetermined],
          ] as const
        ).flatMap(([title, list]) => (list.length ? ['', `${title}:`, renderTable(['due', 'days', 'rule', 'urgent', 'client', 'file'], rows(list))] : [])),
        '',
        `${r.done} met`,
      ].join('\n'),
  });
  bindCommand(program.command('calendar').description('your deadlines as an iCalendar file (clients by initials and file reference only)'), calendarOperation, {
    member: true,
    flags: {
      scope: ['--scope <scope>', 'mine (default) or organisation'],
      language: ['--language <language>', 'en or ru (default: yours)'],
    },
    text: (r) => `${r.events} deadline(s) in the calendar`,
    after: (r, _input, o) => writeFileSync(String(o.out), r.calendar, { mode: 0o600, flag: 'wx' }),
  }).requiredOption('--out <file>', 'the .ics file to write (a new file, mode 0600)');

  const reminders = program.command('reminders').description('deadline reminders by e-mail (OTKAZ_SMTP_URL)');
  bindCommand(reminders.command('send'), remindersOperation, {
    flags: {
      dryRun: ['--dry-run', 'list the reminders due today; send and record nothing'],
      today: ['--today <date>', 'YYYY-MM-DD: the day to send for (default: today in OTKAZ_TIME_ZONE)'],
    },
    text: (r) =>
      [
        `${r.today}${r.dryRun ? ' (dry run)' : ''}: ${r.deadlines} deadline(s) with a reminder due (${r.organisations} organisation(s) looked at)`,
        ...(r.reminders.length ? [renderTable(['fileRef', 'rule', 'due', 'kind', 'language', 'userId', 'state', 'failure'], r.reminders)] : []),
      ].join('\n'),
  });

  const account = program.command('account').description("a member's own settings");
  bindCommand(account.command('language <language>'), languageOperation, {
    member: true,
    args: ['language'],
    text: (r) => `language: ${r.language}`,
  });
}
