/**
 * A capture's redacted rendering (not the evidence): the parsed page with persons' names reduced to initials, the
 * sha256 of the original bytes, URL and retrieval time. The API answers it as JSON or, with format=html, as a page.
 */
import { z } from 'zod';
import { captureWithBody } from '../../courts/archive/read.ts';
import { REDACTED_NOTICE, redactedCapture } from '../../courts/archive/redacted.ts';
import { defineOperation } from '../../ops/operation.ts';
import { capturePolicy } from '../../policies/cases.ts';
import { CaptureInput, CaptureMetaSchema } from './schemas.ts';

export const RedactedCaptureSchema = z.object({
  redacted: z.literal(true),
  notice: z.string().describe(REDACTED_NOTICE.en),
  capture: CaptureMetaSchema,
  page: z.unknown().describe('the parsed page as the redactor passed it'),
});

export const redactedCaptureOperation = defineOperation({
  name: 'captures.redacted',
  summary:
    "A capture's redacted rendering (not the evidence): the parsed page with persons' names reduced to initials, the sha256 of the original bytes, URL and retrieval time; JSON, or an HTML page with format=html",
  input: CaptureInput,
  output: RedactedCaptureSchema,
  policy: capturePolicy.read,
  surfaces: { api: true, cli: '`parse <file>` prints a saved page parsed, names reduced to initials by default' },
  async run(ctx, { id }) {
    const { meta, body } = await captureWithBody(ctx.db, id);
    return redactedCapture(meta, body);
  },
});
