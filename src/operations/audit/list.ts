/** An organisation's audit entries, newest first, a page at a time; reading them is itself an entry ('audit.read'). */
import { z } from 'zod';
import { chainOf } from '../../audit/log.ts';
import { listAudit } from '../../audit/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { auditPolicy } from '../../policies/audit.ts';
import { authorizeScope, orgRef, recordAudit, resolveScope } from './scope.ts';

export const ListAuditInput = z
  .object({
    org: orgRef.optional(),
    before: z.coerce.number().int().positive().optional().describe('only entries older than this seq (the `next` of the page before)'),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('how many, newest first'),
    action: z
      .string()
      .regex(/^[a-z_]+\.[a-z_]+$/, 'expected an action, resource.verb (e.g. clients.read)')
      .optional()
      .describe('only this action'),
  })
  .strict();

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor_id: z.string().nullable().describe("the member's user id; null for the command line and the installation"),
  actor_kind: z.string(),
  action: z.string(),
  resource_type: z.string().nullable(),
  resource_id: z.string().nullable(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  ip: z.string().nullable(),
});

export const AuditPageSchema = z.object({
  chain: z.string(),
  entries: z.array(AuditEntrySchema),
  next: z.number().int().nullable().describe('the `before` of the next (older) page; null: none'),
});

export const listAuditOperation = defineOperation({
  name: 'audit.list',
  summary: "The organisation's audit log, newest first: who did what to which record, when, from where, the outcome (never a field's value)",
  input: ListAuditInput,
  output: AuditPageSchema,
  policy: auditPolicy.list,
  surfaces: { api: true, cli: true },
  async run(ctx, { org, before, limit, action }) {
    const scope = await resolveScope(ctx, org);
    await authorizeScope(ctx, auditPolicy.list, scope, 'audit.read');
    const chain = chainOf(scope.orgId);
    const page = await listAudit(ctx.db, chain, { before, limit, action });
    await recordAudit(ctx, { orgId: scope.orgId, action: 'audit.read', resourceType: 'audit_chain', resourceId: chain, outcome: 'ok' });
    return { chain, ...page };
  },
});
