/** A capture's metadata: URL (as the public may see it), retrieval time, HTTP status, sha256, kind. */
import { captureInfo } from '../../courts/archive/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { capturePolicy } from '../../policies/cases.ts';
import { CaptureInfoSchema, CaptureInput } from './schemas.ts';

export const showCaptureOperation = defineOperation({
  name: 'captures.show',
  summary: 'A capture: URL, retrieval time, HTTP status, sha256, kind',
  input: CaptureInput,
  output: CaptureInfoSchema,
  policy: capturePolicy.read,
  surfaces: { api: true, cli: '`archive list` lists the captures with their metadata' },
  run: (ctx, { id }) => captureInfo(ctx.db, id),
});
