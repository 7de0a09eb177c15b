/** A capture's trusted time stamps: each token (a .tsr, base64), the Merkle root it covers and the capture's proof. */
import { z } from 'zod';
import { captureStamps } from '../../courts/archive/stamp.ts';
import { defineOperation } from '../../ops/operation.ts';
import { archivePolicy } from '../../policies/archive.ts';
import { CaptureInput } from './schemas.ts';

export const CaptureStampsSchema = z.object({
  captureId: z.number().int(),
  sha256: z.string(),
  stamps: z.array(
    z.object({
      timestampId: z.number().int(),
      tsaUrl: z.string(),
      root: z.string().describe('the Merkle root the token covers: its SHA-256 message imprint (openssl ts -verify -digest)'),
      leaves: z.number().int(),
      leafIndex: z.number().int(),
      proof: z.array(z.string()).describe('the audit path (RFC 6962): sibling hashes from the leaf up'),
      genTime: z.string(),
      serial: z.string(),
      policy: z.string(),
      response: z.string().describe('the TimeStampResp as received (a .tsr file), base64'),
    }),
  ),
});

export const captureStampsOperation = defineOperation({
  name: 'captures.stamps',
  summary: "A capture's trusted time stamps (RFC 3161): token, stamped Merkle root and the capture's proof, to verify offline",
  input: CaptureInput,
  output: CaptureStampsSchema,
  policy: archivePolicy.verifyStamp,
  surfaces: { api: true, cli: '`archive verify-stamp <id>` shows and checks them' },
  run: (ctx, { id }) => captureStamps(ctx.db, id),
});
