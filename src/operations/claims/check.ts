/**
 * Check published claims against every source: the verdict, why, and the figures behind it with their releases.
 * The API takes the claims in the request (at most LIMITS.claimsPerCheck); the command line reads a claims file
 * (`otkaz check FILE`, any number of claims) — two inputs, one check and one answer schema.
 */
import { z } from 'zod';
import { checkClaims, claimsRequestSchema } from '../../asylum/claims/check.ts';
import { loadClaims } from '../../asylum/claims/load.ts';
import { ensureSnapshot } from '../../asylum/snapshot.ts';
import { defineOperation } from '../../ops/operation.ts';
import { claimsPolicy } from '../../policies/statistics.ts';
import { text } from '../../shared/validation.ts';
import { CandidateSchema } from '../asylum/schemas.ts';

export const FigureSchema = CandidateSchema.extend({
  fromValue: z.number().nullable().optional().describe('change claims: the earlier value'),
  changePct: z.number().nullable().optional().describe('change claims: the change in %'),
  holds: z.boolean().nullable(),
  meant: z.boolean(),
  caveats: z.array(z.string()),
});

export const ClaimResultSchema = z.object({
  id: z.string(),
  statement: z.string(),
  published: z.object({ by: z.string(), date: z.string().optional(), url: z.string().optional(), note: z.string().optional() }).optional(),
  verdict: z.enum(['holds', 'holds_under_other_definition', 'does_not_hold', 'no_data']),
  reason: z.string(),
  figures: z.array(FigureSchema),
});
export type ClaimResultView = z.infer<typeof ClaimResultSchema>;

export const checkClaimsOperation = defineOperation({
  name: 'claims.check',
  summary: 'Check structured claims (as in the claims YAML, sent as JSON) against every source',
  input: claimsRequestSchema,
  output: z.array(ClaimResultSchema),
  policy: claimsPolicy.check,
  surfaces: { api: true, cli: 'the command line checks a claims file: otkaz check FILE (claims.check_file)' },
  run: (ctx, input) => checkClaims(ctx.db, input.claims, ctx.budget),
});

export const checkClaimsFileOperation = defineOperation({
  name: 'claims.check_file',
  summary: 'Check the claims of a YAML file against every source (the bundled statistics load on first use)',
  input: z.object({ file: text(4096).describe('claims YAML file, e.g. assets/claims/russian-asylum-claims.yaml') }).strict(),
  output: z.array(ClaimResultSchema),
  policy: claimsPolicy.check,
  surfaces: { api: "reads a file of the caller's machine; the API takes the claims in the request (claims.check)", cli: true },
  async run(ctx, { file }) {
    const claims = loadClaims(file);
    await ensureSnapshot(ctx.db);
    return checkClaims(ctx.db, claims, ctx.budget);
  },
});
