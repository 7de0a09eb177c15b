/** The referrals an organisation sent and received (each side sees only its own file id). */
import { z } from 'zod';
import { referralsOf } from '../../casework/referrals.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onOrganisation } from './member.ts';

export const listReferralsOperation = defineOperation({
  name: 'clients.referrals',
  summary: 'Referrals your organisation sent and received',
  input: z.object({}).strict(),
  output: z.object({
    referrals: z.array(
      z.object({ id: z.string(), direction: z.enum(['sent', 'received']), organisation: z.string(), clientId: z.string().nullable(), referredAt: z.string() }),
    ),
  }),
  policy: clientPolicy.referrals,
  surfaces: { api: true, cli: true },
  run: (ctx) =>
    onOrganisation(ctx, {
      action: 'clients.referrals',
      policy: clientPolicy.referrals,
      run: async (tx, actor) => ({ referrals: await referralsOf(tx, actor.orgId) }),
    }),
});
