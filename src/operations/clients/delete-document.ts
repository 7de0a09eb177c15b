/**
 * Delete a document from a client file: its sealed bytes, metadata and key go (src/casework/documents.ts). The
 * application steps that rested on it no longer name it; a checklist mark that named it is kept, and its item shows
 * to check again. The audit entry names the document by its random id only — never its name, type or sha256. The
 * workers of the file's organisation only (src/policies/clients.ts): stricter than adding a document.
 */
import { z } from 'zod';
import { forgetDocument } from '../../casework/applications.ts';
import { listMarks, marksNaming } from '../../casework/checklist-marks.ts';
import { deleteDocument } from '../../casework/documents.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const deleteDocumentOperation = defineOperation({
  name: 'clients.delete_document',
  summary:
    'Delete a document from a client file (its encrypted bytes and metadata; cannot be undone): application steps stop naming it, checklist items it met are to check again',
  input: z.object({ id: clientId, documentId: z.string().uuid('expected a document id') }).strict(),
  output: z.object({
    documentId: z.string(),
    applications: z.number().int().describe('applications whose steps named the document (each one revision on)'),
    marksToCheck: z.number().int().describe('checklist marks that named it: their items are to check again'),
  }),
  policy: clientPolicy.deleteDocument,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, documentId }) =>
    onFile(ctx, {
      action: 'clients.delete_document',
      policy: clientPolicy.deleteDocument,
      clientId: id,
      forUpdate: true,
      resource: () => ({ type: 'document', id: documentId }),
      run: async (tx, _file, actor) => {
        const keyring = ctx.casework.keyring;
        await deleteDocument(tx, actor.orgId, id, documentId);
        const applications = await forgetDocument(tx, keyring, actor.orgId, id, documentId, ctx.casework.now());
        const marksToCheck = marksNaming(await listMarks(tx, keyring, actor.orgId, id), { documentId });
        return { documentId, applications, marksToCheck };
      },
    }),
});
