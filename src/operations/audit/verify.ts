/**
 * Recompute the audit chains' MACs (src/audit/log.ts): every chain, or one organisation's. The command line exits
 * with status 4 (audit.broken) when a chain does not verify; a verification is itself an entry ('audit.verify').
 */
import { z } from 'zod';
import { CHAIN_PROBLEM_KINDS, chainOf, verifyAudit } from '../../audit/log.ts';
import { organisationSlugs } from '../../audit/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { auditPolicy } from '../../policies/audit.ts';
import { authorizeScope, orgRef, recordAudit, resolveScope } from './scope.ts';

export const VerifyAuditInput = z.object({ org: orgRef.optional() }).strict();

export const ChainReportSchema = z.object({
  chain: z.string().describe("'org:<id>' or 'system' (the installation's)"),
  org_id: z.string().nullable(),
  org_slug: z.string().nullable().describe('null: the installation’s chain, or an organisation no longer there'),
  entries: z.number().int(),
  ok: z.boolean(),
  problem: z
    .object({
      seq: z.number().int().describe('the first entry that does not verify (for a chain cut short: the first missing)'),
      kind: z.enum(CHAIN_PROBLEM_KINDS),
      reason: z.string(),
    })
    .nullable(),
});

export const AuditVerificationSchema = z.object({
  ok: z.boolean().describe('every chain verifies'),
  chains: z.array(ChainReportSchema),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

export const verifyAuditOperation = defineOperation({
  name: 'audit.verify',
  summary: 'Recompute the audit chains: a changed, removed, inserted or reordered entry is found (exit status 4 when a chain is broken)',
  input: VerifyAuditInput,
  output: AuditVerificationSchema,
  policy: auditPolicy.verify,
  surfaces: { api: true, cli: true },
  async run(ctx, { org }) {
    // The command line without --org: every chain; otherwise one organisation's (a member's: their own).
    const whole = org === undefined && ctx.actor.kind !== 'user';
    const scope = whole ? null : await resolveScope(ctx, org);
    if (scope) await authorizeScope(ctx, auditPolicy.verify, scope, 'audit.verify');
    const reports = await verifyAudit(ctx.db, ctx.casework.keyring, scope?.orgId ?? undefined);
    const orgIds = reports.map((r) => (r.chain.startsWith('org:') ? r.chain.slice(4) : null)).filter((id): id is string => id !== null);
    const slugs = await organisationSlugs(ctx.db, orgIds);
    const chains = reports.map((r) => {
      const orgId = r.chain.startsWith('org:') ? r.chain.slice(4) : null;
      return {
        chain: r.chain,
        org_id: orgId,
        org_slug: orgId ? (slugs.get(orgId) ?? null) : null,
        entries: r.entries,
        ok: r.ok,
        problem: r.problem ?? null,
      };
    });
    const ok = chains.every((c) => c.ok);
    await recordAudit(ctx, {
      orgId: scope?.orgId ?? null,
      action: 'audit.verify',
      resourceType: 'audit_chain',
      resourceId: scope ? chainOf(scope.orgId) : 'all',
      outcome: ok ? 'ok' : 'failed',
    });
    return { ok, chains };
  },
});
