/** Verifies a capture's time stamps offline: body → sha256 (leaf) → audit path → root → token's imprint and signature. */
import { z } from 'zod';
import { verifyCaptureStamp } from '../../courts/archive/stamp.ts';
import { defineOperation } from '../../ops/operation.ts';
import { archivePolicy } from '../../policies/archive.ts';
import { id, text } from '../../shared/validation.ts';

export const VerifyStampInput = z
  .object({
    id: id.describe('the capture id'),
    ca: text(4096, 1).optional().describe("the TSA's CA certificate file, PEM (default: OTKAZ_TSA_CA_FILE)"),
  })
  .strict();

export const VerifyStampSchema = z.object({
  captureId: z.number().int(),
  sha256: z.string(),
  bodyMatchesHash: z.boolean(),
  stamps: z.array(
    z.object({
      timestampId: z.number().int(),
      genTime: z.string(),
      tsaUrl: z.string(),
      root: z.string(),
      proofLeadsToRoot: z.boolean(),
      tokenCoversRoot: z.boolean(),
      signature: z.enum(['verified', 'failed', 'not_checked']),
      signatureDetail: z.string(),
    }),
  ),
  verified: z.boolean(),
});

export const verifyStampOperation = defineOperation({
  name: 'archive.verify_stamp',
  summary: "Verify a capture's time stamps offline: its proof leads to the stamped root, the token covers the root, its signature verifies",
  input: VerifyStampInput,
  output: VerifyStampSchema,
  policy: archivePolicy.verifyStamp,
  surfaces: {
    api: 'runs openssl with a CA file of the machine it runs on: a command; the API gives each stamp to verify anywhere (GET /api/v1/captures/:id/stamps)',
    cli: true,
  },
  run: (ctx, { id: captureId, ca }) => verifyCaptureStamp(ctx.db, captureId, ca ?? ctx.config.tsaCaFile ?? null),
});
