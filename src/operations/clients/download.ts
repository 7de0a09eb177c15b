/** One document of a client file, decrypted (every download is audited). */
import { z } from 'zod';
import { readDocument } from '../../casework/documents.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { onFile } from './member.ts';
import { clientId } from './schemas.ts';

export const downloadDocumentOperation = defineOperation({
  name: 'clients.download',
  summary: 'Download one document of a client file (as stored: after metadata stripping)',
  input: z.object({ id: clientId, documentId: z.string().uuid('expected a document id') }).strict(),
  output: z.object({ name: z.string(), mediaType: z.string(), sha256: z.string(), bytes: z.instanceof(Uint8Array) }),
  policy: clientPolicy.download,
  surfaces: { api: true, cli: true },
  run: (ctx, { id, documentId }) =>
    onFile(ctx, {
      action: 'clients.download',
      policy: clientPolicy.download,
      clientId: id,
      resource: () => ({ type: 'document', id: documentId }),
      run: async (tx, _file, actor) => {
        const { meta, bytes } = await readDocument(tx, ctx.casework.keyring, actor.orgId, id, documentId);
        return { name: meta.name, mediaType: meta.mediaType, sha256: meta.sha256, bytes };
      },
    }),
});
