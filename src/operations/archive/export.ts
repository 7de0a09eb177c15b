/** Captures (all, or one case's) written as a WARC 1.1 file (request/response/metadata records, WARC-Payload-Digest). */

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { exportWarc } from '../../courts/archive/export.ts';
import { caseHead } from '../../courts/cases/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { archivePolicy } from '../../policies/archive.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { id, text } from '../../shared/validation.ts';

export const ExportArchiveInput = z
  .object({ out: text(4096, 1).describe('WARC file to write'), caseId: id.optional().describe('only the captures of this case') })
  .strict();

export const ExportArchiveSchema = z.object({ file: z.string(), captures: z.number().int() });

export const exportArchiveOperation = defineOperation({
  name: 'archive.export',
  summary: 'Write captures as WARC 1.1 (request/response/metadata records, WARC-Payload-Digest)',
  input: ExportArchiveInput,
  output: ExportArchiveSchema,
  policy: archivePolicy.export,
  surfaces: { api: "writes a file at a path of the machine it runs on; the API answers one case's WARC as a download (GET /api/v1/cases/:id/warc)", cli: true },
  async run(ctx, { out, caseId }) {
    if (caseId !== undefined) await caseHead(ctx.db, caseId);
    const folder = path.dirname(path.resolve(out));
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new OtkazError(ErrorCode.InputNotFound, 'no folder to write the WARC into', { where: folder });
    const captures = await exportWarc(ctx.db, out, caseId !== undefined ? { caseId } : {});
    return { file: out, captures };
  },
});
