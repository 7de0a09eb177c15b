/** The organisation's client files (a volunteer: those shared with him); names only for roles that may see them. */
import { z } from 'zod';
import { listClients } from '../../casework/clients.ts';
import { listShowsName } from '../../casework/fields.ts';
import { CLIENT_STATUSES } from '../../casework/record.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onOrganisation } from './member.ts';
import { ClientSummarySchema } from './schemas.ts';

export const listClientsOperation = defineOperation({
  name: 'clients.list',
  summary: 'The client files of your organisation (volunteers: those shared with you), newest change first',
  input: z
    .object({
      status: z.enum(CLIENT_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    })
    .strict(),
  output: z.object({ total: z.number().int(), clients: z.array(ClientSummarySchema) }),
  policy: clientPolicy.list,
  surfaces: { api: true, cli: true },
  table: { fileName: 'clients.csv', columns: ['id', 'status', 'name', 'militaryStatus', 'linkedCases', 'updatedAt', 'synthetic'], rows: (r) => r.clients },
  run: (ctx, input) =>
    onOrganisation(ctx, {
      action: 'clients.list',
      policy: clientPolicy.list,
      run: (tx, actor) =>
        listClients(tx, ctx.casework.keyring, actor.orgId, {
          ...(input.status ? { status: input.status } : {}),
          ...(actor.role === 'volunteer' ? { sharedWith: actor.userId } : {}),
          withNames: listShowsName(actor.role),
          limit: input.limit,
          offset: input.offset,
        }),
    }),
});
