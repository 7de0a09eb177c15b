/** Add a note or timeline entry to a client file. */
import { z } from 'zod';
import { addNote, NoteBodySchema } from '../../casework/notes.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const addNoteOperation = defineOperation({
  name: 'clients.note',
  summary: 'Add a note or a timeline entry (call, meeting, hearing, decision, …) to a client file',
  input: NoteBodySchema.extend({ id: clientId }),
  output: z.object({ id: z.string() }),
  policy: clientPolicy.note,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, ...body }) =>
    onFile(ctx, {
      action: 'clients.note',
      policy: clientPolicy.note,
      clientId: id,
      resource: (r) => ({ type: 'note', id: r.id }),
      run: async (tx, _file, actor) => ({ id: await addNote(tx, ctx.casework.keyring, actor.orgId, id, actor.userId, body) }),
    }),
});
