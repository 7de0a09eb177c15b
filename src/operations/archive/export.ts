/**
 * Captures (all, or one case's) written as a WARC 1.1 file (request/response/metadata records, WARC-Payload-Digest) or
 * as a WACZ 1.1.1 package of that WARC (with its CDXJ index, pages list and hashed datapackage.json).
 */

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { exportWarc } from '../../courts/archive/export.ts';
import { exportWacz } from '../../courts/archive/wacz.ts';
import { caseHead } from '../../courts/cases/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { archivePolicy } from '../../policies/archive.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { id, text } from '../../shared/validation.ts';

export const ExportArchiveInput = z
  .object({
    out: text(4096, 1).describe('file to write (WARC, or WACZ)'),
    caseId: id.optional().describe('only the captures of this case'),
    format: z.enum(['warc', 'wacz']).optional().describe('warc or wacz (default: wacz when the file name ends in .wacz, else warc)'),
  })
  .strict();

export const ExportArchiveSchema = z.object({ file: z.string(), format: z.enum(['warc', 'wacz']), captures: z.number().int() });

export const exportArchiveOperation = defineOperation({
  name: 'archive.export',
  summary: 'Write captures as WARC 1.1 (request/response/metadata records, WARC-Payload-Digest) or as a WACZ 1.1.1 package',
  input: ExportArchiveInput,
  output: ExportArchiveSchema,
  policy: archivePolicy.export,
  surfaces: { api: "writes a file at a path of the machine it runs on; the API answers one case's WARC as a download (GET /api/v1/cases/:id/warc)", cli: true },
  async run(ctx, { out, caseId, format }) {
    if (caseId !== undefined) await caseHead(ctx.db, caseId);
    const folder = path.dirname(path.resolve(out));
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new OtkazError(ErrorCode.InputNotFound, 'no folder to write the export into', { where: folder });
    const chosen = format ?? (/\.wacz$/i.test(out) ? 'wacz' : 'warc');
    const selection = caseId !== undefined ? { caseId } : {};
    const captures = chosen === 'wacz' ? (await exportWacz(ctx.db, out, { ...selection, now: ctx.now() })).captures : await exportWarc(ctx.db, out, selection);
    return { file: out, format: chosen, captures };
  },
});
