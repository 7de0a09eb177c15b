/**
 * `deadlines.calendar`: the member's deadlines as an iCalendar file to import into a calendar (an authenticated
 * download: no feed URL carries them). Events name clients by initials and file reference only
 * (src/agenda/calendar.ts); audited as a read of the organisation's files.
 */
import { z } from 'zod';
import { memberLocale } from '../../accounts/users.ts';
import { deadlineCalendar } from '../../agenda/calendar.ts';
import { loadAgenda } from '../../agenda/load.ts';
import { LANGUAGES } from '../../agenda/messages.ts';
import { defineOperation } from '../../ops/operation.ts';
import { deadlinePolicy } from '../../policies/deadlines.ts';
import { loadProcedures } from '../../procedures/load.ts';
import { onOrganisation } from '../clients/member.ts';
import { DeadlineScope } from './dashboard.ts';

export const calendarOperation = defineOperation({
  name: 'deadlines.calendar',
  summary: 'Your deadlines as an iCalendar file (clients by initials and file reference only)',
  input: z
    .object({
      scope: DeadlineScope,
      language: z.enum(LANGUAGES).optional().describe('the language of the entries (default: yours, as set in the app)'),
    })
    .strict(),
  output: z.object({ fileName: z.string(), events: z.number().int(), calendar: z.string().describe('text/calendar (RFC 5545)') }),
  policy: deadlinePolicy.calendar,
  surfaces: { api: true, cli: true },
  run: (ctx, { scope, language }) =>
    onOrganisation(ctx, {
      action: 'deadlines.calendar',
      policy: deadlinePolicy.calendar,
      run: async (tx, actor) => {
        const entries = await loadAgenda(tx, ctx.casework.keyring, loadProcedures(), actor.orgId, {
          ...(scope === 'mine' ? { userId: actor.userId } : {}),
          withNames: false,
        });
        const calendar = deadlineCalendar(entries, {
          language: language ?? (await memberLocale(tx, actor.orgId, actor.userId)),
          orgId: actor.orgId,
          reminderDays: ctx.config.reminderDays,
          publicUrl: ctx.config.publicUrl,
          now: ctx.casework.now(),
        });
        return { fileName: 'otkaz-deadlines.ics', events: entries.filter((e) => e.due && !e.done).length, calendar };
      },
    }),
});
