/** One client file: the groups of the record the caller may see, the linked court records, notes and documents. */
import { z } from 'zod';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onFile } from './member.ts';
import { ClientFileSchema, clientId } from './schemas.ts';
import { fileView } from './view.ts';

export const showClientOperation = defineOperation({
  name: 'clients.show',
  summary: 'One client file with its linked court records (the card now, its capture and sha256, changes since), notes and documents',
  input: z.object({ id: clientId }).strict(),
  output: ClientFileSchema,
  policy: clientPolicy.read,
  surfaces: { api: true, cli: true },
  run: (ctx, { id }) =>
    onFile(ctx, { action: 'clients.read', policy: clientPolicy.read, clientId: id, run: (tx, file, actor) => fileView(ctx, tx, file, actor) }),
});
