/**
 * Saved court pages (.html, folders), WARC and WACZ files into the evidence archive and the case store; a record that
 * fails is kept with its failure (file, byte offset, code) and the others still go in.
 */
import { z } from 'zod';
import { ingestFiles } from '../../courts/ingest-files.ts';
import { defineOperation } from '../../ops/operation.ts';
import { archivePolicy } from '../../policies/archive.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { isoDate, text } from '../../shared/validation.ts';

export const IngestInput = z
  .object({
    paths: z.array(text(4096, 1)).min(1).describe('files (.html, .warc, .warc.gz, .wacz) and folders'),
    url: text(16_384, 1).optional().describe('URL of the page (single file only): gives the court and the case ids'),
    retrievedAt: z
      .union([z.iso.datetime({ offset: true, local: true }), isoDate])
      .optional()
      .describe('when the page was retrieved (single file only)'),
    synthetic: z.boolean().optional().describe('mark these pages as synthetic (demo) data'),
  })
  .strict();

const failure = z.object({
  stage: z.enum(['read', 'archive', 'parse', 'store']),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  sqlstate: z.string().nullable(),
  reason: z.string(),
});

export const RecordOutcomeSchema = z.object({
  file: z.string(),
  offset: z.number().int().nullable(),
  captureId: z.number().int().nullable(),
  sha256: z.string().nullable(),
  newCapture: z.boolean(),
  kind: z.string().nullable(),
  courtVnkod: z.string().nullable(),
  cases: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), unidentified: z.number().int() }),
  warnings: z.array(z.string()),
  failure: failure.nullable(),
});

export type RecordOutcome = z.infer<typeof RecordOutcomeSchema>;

export const ingestOperation = defineOperation({
  name: 'archive.ingest',
  summary: 'take saved court pages (.html, folders), WARC or WACZ files into the evidence archive and the case store',
  input: IngestInput,
  output: z.array(RecordOutcomeSchema),
  policy: archivePolicy.ingest,
  surfaces: {
    api: "reads files from the server's own disk and runs as long as they take: a command, not a request (the crawler ingests what it fetches)",
    cli: true,
  },
  run: (ctx, input) =>
    ingestFiles(ctx.db, ctx.directory, ctx.personKey, input.paths, {
      ...(input.url ? { url: input.url } : {}),
      ...(input.retrievedAt ? { retrievedAt: input.retrievedAt } : {}),
      ...(input.synthetic ? { synthetic: true } : {}),
    }),
});
