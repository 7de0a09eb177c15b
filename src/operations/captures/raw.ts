/** The page exactly as captured (bytes): evidence, it holds full names. */
import { z } from 'zod';
import { rawCapture } from '../../courts/archive/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { capturePolicy } from '../../policies/cases.ts';
import { CaptureInput } from './schemas.ts';

export const RawCaptureSchema = z.object({ body: z.instanceof(Uint8Array), content_type: z.string().nullable(), sha256: z.string() });

export const rawCaptureOperation = defineOperation({
  name: 'captures.raw',
  summary: 'The page exactly as captured (bytes; sandboxed, never run)',
  input: CaptureInput,
  output: RawCaptureSchema,
  policy: capturePolicy.evidence,
  surfaces: { api: true, cli: '`archive export --out <file>` writes the captured bytes as WARC records' },
  run: (ctx, { id }) => rawCapture(ctx.db, id),
});
