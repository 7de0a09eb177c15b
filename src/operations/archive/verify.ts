/** Re-hash every stored capture and report any body that no longer matches its sha256. */
import { z } from 'zod';
import { verifyArchive } from '../../courts/archive/store.ts';
import { defineOperation } from '../../ops/operation.ts';
import { archivePolicy } from '../../policies/archive.ts';

export const VerifyReportSchema = z.object({
  checked: z.number().int(),
  mismatches: z.array(z.object({ sha256: z.string(), actual: z.string(), captures: z.array(z.number().int()) })),
});

export const verifyArchiveOperation = defineOperation({
  name: 'archive.verify',
  summary: 're-hash every stored capture and report any mismatch (exit status 4 when one is found)',
  input: z.object({}).strict(),
  output: VerifyReportSchema,
  policy: archivePolicy.verify,
  surfaces: { api: 'reads every stored body, as long as the archive is large: a command for whoever holds the data folder, not a request', cli: true },
  run: (ctx) => verifyArchive(ctx.db),
});
