/** Add a document to a client file: its metadata stripped, then sealed under a key of its own. */
import { z } from 'zod';
import { addDocument, DOCUMENT_LIMIT } from '../../casework/documents.ts';
import { refused } from '../../casework/refusal.ts';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { onFile } from './member.ts';
import { clientId, DocumentSummarySchema } from './schemas.ts';

export const UploadInput = z
  .object({
    id: clientId,
    name: z.string().trim().min(1).max(300),
    mediaType: z.string().trim().max(100).default('application/octet-stream'),
    contentBase64: z
      .string()
      .max(Math.ceil((DOCUMENT_LIMIT * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
  })
  .strict();

export const uploadDocumentOperation = defineOperation({
  name: 'clients.upload',
  summary: 'Add a document to a client file (JPEG/PNG/PDF metadata — EXIF, GPS, author — is removed first)',
  input: UploadInput,
  output: DocumentSummarySchema,
  policy: clientPolicy.upload,
  surfaces: { api: true, cli: true },
  run: (ctx, input) =>
    onFile(ctx, {
      action: 'clients.upload',
      policy: clientPolicy.upload,
      clientId: input.id,
      resource: (r) => ({ type: 'document', id: r.id }),
      run: (tx, _file, actor) => {
        const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
        if (!bytes.length) throw refused(ErrorCode.InputInvalid, 'document_empty', 'the document is empty', { where: 'contentBase64' });
        return addDocument(tx, ctx.casework.keyring, actor.orgId, input.id, actor.userId, { name: input.name, mediaType: input.mediaType, bytes });
      },
    }),
});
