/** Replace the editable parts of a client file, on the revision the caller last saw (an older one is a conflict). */
import { z } from 'zod';
import { updateClient } from '../../casework/clients.ts';
import { keepHiddenGroups } from '../../casework/fields.ts';
import { CLIENT_STATUSES, NewClientSchema } from '../../casework/record.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const updateClientOperation = defineOperation({
  name: 'clients.update',
  summary: 'Change a client file: the whole record (links to court records are kept) and its status, on the revision you last saw',
  input: z
    .object({
      id: clientId,
      revision: z.coerce.number().int().positive().describe('the revision the change was made on'),
      record: NewClientSchema,
      status: z.enum(CLIENT_STATUSES).optional(),
    })
    .strict(),
  output: z.object({ id: z.string(), revision: z.number().int() }),
  policy: clientPolicy.update,
  surfaces: { api: true, cli: true },
  run: (ctx, input) =>
    onFile(ctx, {
      action: 'clients.update',
      policy: clientPolicy.update,
      clientId: input.id,
      forUpdate: true,
      run: async (tx, file, actor) => ({
        id: input.id,
        revision: await updateClient(
          tx,
          ctx.casework.keyring,
          actor.orgId,
          input.id,
          input.revision,
          // Links to court records are changed by their own operations; groups the role may not see stay as stored.
          keepHiddenGroups(actor.role, file.record, { ...input.record, criminalCases: file.record.criminalCases }),
          input.status,
        ),
      }),
    }),
});
