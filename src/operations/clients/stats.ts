/** Figures of an organisation's files without any identifying field (what statistics-only members see). */
import { z } from 'zod';
import { clientFigures } from '../../casework/clients.ts';
import { referralsOf } from '../../casework/referrals.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onOrganisation } from './member.ts';

export const clientStatsOperation = defineOperation({
  name: 'clients.stats',
  summary: 'Counts of your organisation’s client files by status and military status, and how many are linked to a court record — no identifying field',
  input: z.object({}).strict(),
  output: z.object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byMilitaryStatus: z.record(z.string(), z.number().int()),
    withLinkedCase: z.number().int(),
    referrals: z.object({ sent: z.number().int(), received: z.number().int() }),
  }),
  policy: clientPolicy.stats,
  surfaces: { api: true, cli: true },
  run: (ctx) =>
    onOrganisation(ctx, {
      action: 'clients.stats',
      policy: clientPolicy.stats,
      run: async (tx, actor) => {
        const figures = await clientFigures(tx, ctx.casework.keyring, actor.orgId);
        const referrals = await referralsOf(tx, actor.orgId);
        return {
          ...figures,
          referrals: { sent: referrals.filter((r) => r.direction === 'sent').length, received: referrals.filter((r) => r.direction === 'received').length },
        };
      },
    }),
});
