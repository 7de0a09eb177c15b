/** Trusted time stamps (RFC 3161) of the captures not yet stamped: one token per batch, over the batch's Merkle root. */
import { z } from 'zod';
import { DEFAULT_STAMP_BATCH, stampCaptures } from '../../courts/archive/stamp.ts';
import { defineOperation } from '../../ops/operation.ts';
import { archivePolicy } from '../../policies/archive.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { userAgent } from '../../shared/http.ts';

export const StampInput = z
  .object({
    batch: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_STAMP_BATCH).describe(`captures per token (default ${DEFAULT_STAMP_BATCH})`),
  })
  .strict();

export const StampReportSchema = z.object({
  tsaUrl: z.string(),
  captures: z.number().int(),
  batches: z.array(z.object({ timestampId: z.number().int(), captures: z.number().int(), root: z.string(), genTime: z.string(), serial: z.string() })),
});

export const stampArchiveOperation = defineOperation({
  name: 'archive.stamp',
  summary: 'Time-stamp the captures not yet stamped (RFC 3161): one token of the TSA over the Merkle root of each batch',
  input: StampInput,
  output: StampReportSchema,
  policy: archivePolicy.stamp,
  surfaces: { api: 'asks an outside service and writes a token per batch: a command for whoever holds the data folder (run it from cron)', cli: true },
  run(ctx, { batch }) {
    const { tsaUrl, crawlContact } = ctx.config;
    if (!tsaUrl) throw new OtkazError(ErrorCode.ConfigInvalid, 'no time-stamping authority configured', { where: 'OTKAZ_TSA_URL' });
    if (!crawlContact) throw new OtkazError(ErrorCode.ConfigInvalid, 'the TSA is told who asks: set the operator contact', { where: 'OTKAZ_CRAWL_CONTACT' });
    return stampCaptures(ctx.db, { tsaUrl, userAgent: userAgent('evidence archive time stamps', crawlContact), batchSize: batch, now: ctx.now });
  },
});
