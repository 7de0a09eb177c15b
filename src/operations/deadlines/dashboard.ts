/**
 * `deadlines.dashboard`: the deadlines of the member's client files (scope `mine`: the files he opened or that are
 * shared with him by name) or of every open file of his organisation (`organisation`), on today's date in the
 * installation's time zone: overdue, due this week, later, and those without a date. Reading them opens the
 * files' records and applications: one audit entry, like the list of files.
 */
import { z } from 'zod';
import { loadAgenda } from '../../agenda/load.ts';
import { overview } from '../../agenda/overview.ts';
import { todayIn } from '../../agenda/today.ts';
import { listShowsName } from '../../casework/fields.ts';
import { defineOperation } from '../../ops/operation.ts';
import { deadlinePolicy } from '../../policies/deadlines.ts';
import { loadProcedures } from '../../procedures/load.ts';
import { onOrganisation } from '../clients/member.ts';
import { AgendaEntrySchema } from './schemas.ts';

export const DeadlineScope = z
  .enum(['mine', 'organisation'])
  .default('mine')
  .describe('mine: the files you opened or that are shared with you; organisation: every open file of your organisation');

export const dashboardOperation = defineOperation({
  name: 'deadlines.dashboard',
  summary: 'The deadlines of your client files (or your organisation’s): overdue, due this week, later, without a date',
  input: z.object({ scope: DeadlineScope }).strict(),
  output: z.object({
    today: z.string().describe('the date the overview is for (the installation’s time zone)'),
    scope: z.enum(['mine', 'organisation']),
    overdue: z.array(AgendaEntrySchema),
    thisWeek: z.array(AgendaEntrySchema).describe('today and the six days after it'),
    later: z.array(AgendaEntrySchema),
    undetermined: z.array(AgendaEntrySchema).describe('suspended by legal aid, a date missing, or an input the engine refused'),
    done: z.number().int().describe('deadlines met'),
  }),
  policy: deadlinePolicy.dashboard,
  surfaces: { api: true, cli: true },
  run: (ctx, { scope }) =>
    onOrganisation(ctx, {
      action: 'deadlines.dashboard',
      policy: deadlinePolicy.dashboard,
      run: async (tx, actor) => {
        const entries = await loadAgenda(tx, ctx.casework.keyring, loadProcedures(), actor.orgId, {
          ...(scope === 'mine' ? { userId: actor.userId } : {}),
          withNames: listShowsName(actor.role),
        });
        return { scope, ...overview(entries, todayIn(ctx.config.timeZone, ctx.casework.now())) };
      },
    }),
});
