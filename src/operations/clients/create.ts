/** A new client file in the caller's organisation. */
import { z } from 'zod';
import { insertClient } from '../../casework/clients.ts';
import { NewClientSchema } from '../../casework/record.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onOrganisation } from './member.ts';

export const CreateClientInput = NewClientSchema;

export const createClientOperation = defineOperation({
  name: 'clients.create',
  summary: 'Open a client file (person, military status, service, identity documents, wanted-list status, consent)',
  input: CreateClientInput,
  output: z.object({ id: z.string(), revision: z.number().int() }),
  policy: clientPolicy.create,
  surfaces: { api: true, cli: true },
  run: (ctx, input) =>
    onOrganisation(ctx, {
      action: 'clients.create',
      policy: clientPolicy.create,
      resource: (r) => ({ type: 'client', id: r.id }),
      run: async (tx, actor) => ({
        id: await insertClient(tx, ctx.casework.keyring, actor.orgId, { record: { ...input, criminalCases: [] }, createdBy: actor.userId }),
        revision: 1,
      }),
    }),
});
