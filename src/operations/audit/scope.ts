/**
 * What the audit operations share: the organisation a caller names (`--org`, `?org=`), the scope it resolves to,
 * the tenant check with that scope (a refusal is itself an audit entry), and recording an entry of the actor.
 */

import { z } from 'zod';
import type { AuditAction } from '../../audit/actions.ts';
import { type AuditEvent, appendAudit } from '../../audit/log.ts';
import { findOrganisation } from '../../audit/read.ts';
import { authorize, type OperationContext } from '../../ops/operation.ts';
import type { AuditRule, AuditScope } from '../../policies/audit.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';

/** An organisation named by its slug or its id. */
export const orgRef = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,62}$/, 'expected an organisation’s slug or id')
  .describe('the organisation, by slug or id (a member: their own only)');

/**
 * The scope asked for: the organisation named, else the actor's own (a member's) or the installation's (the
 * command line). A member naming an organisation that does not exist is refused as for another organisation's,
 * so that members cannot probe which organisations there are.
 */
export async function resolveScope(ctx: OperationContext, org: string | undefined): Promise<AuditScope> {
  if (org === undefined) return { orgId: ctx.actor.kind === 'user' ? ctx.actor.orgId : null };
  const found = await findOrganisation(ctx.db, org);
  if (found) return { orgId: found.id };
  if (ctx.actor.kind === 'user') return { orgId: null };
  throw new OtkazError(ErrorCode.InputNotFound, `no organisation ${org} (give its slug or id)`);
}

/** Records one entry of the context's actor, in a transaction of its own. */
export async function recordAudit(ctx: OperationContext, event: Omit<AuditEvent, 'actor' | 'ip'>): Promise<void> {
  await ctx.db.transaction((tx) => appendAudit(tx, ctx.casework.audit, { ...event, actor: ctx.actor, ip: ctx.casework.ip }));
}

/** The rule's decision with the scope; a refusal is recorded in the actor's organisation's chain, then thrown. */
export async function authorizeScope(ctx: OperationContext, rule: AuditRule, scope: AuditScope, action: AuditAction): Promise<void> {
  if (!rule.check(ctx.actor, ctx.config, scope).allow) {
    await recordAudit(ctx, {
      orgId: ctx.actor.kind === 'user' ? ctx.actor.orgId : null,
      action,
      resourceType: 'audit_chain',
      ...(scope.orgId ? { resourceId: scope.orgId } : {}),
      outcome: 'refused',
    });
  }
  authorize(ctx, rule, scope);
}
