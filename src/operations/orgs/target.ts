/** The organisation an administrative operation acts on, authorised for the actor (the tenant check). */
import { findOrganisation, type Organisation, organisationById } from '../../accounts/orgs.ts';
import { auditActionOf } from '../../audit/actions.ts';
import { type AuditActor, appendAudit } from '../../audit/log.ts';
import { authorize, type OperationContext } from '../../ops/operation.ts';
import type { Rule } from '../../ops/policy.ts';
import type { Tenant } from '../../policies/tenant.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';

/** `ref` (slug or id) if given, else the actor's own organisation; refused unless the rule allows it for that tenant. */
export async function targetOrganisation(ctx: OperationContext, rule: Rule<Tenant>, ref: string | undefined): Promise<Organisation> {
  let org: Organisation;
  if (ref !== undefined) org = await findOrganisation(ctx.db, ref);
  else if (ctx.actor.kind === 'user') org = await organisationById(ctx.db, ctx.actor.orgId);
  else throw new OtkazError(ErrorCode.Usage, 'name the organisation (its slug or id)', { where: '--org' });
  if (!rule.check(ctx.actor, ctx.config, { orgId: org.id }).allow) {
    // A refused access is audited in the caller's own organisation's chain (never in the other's).
    await ctx.db.transaction((tx) =>
      appendAudit(tx, ctx.casework.audit, {
        orgId: ctx.actor.kind === 'user' ? ctx.actor.orgId : null,
        actor: auditActor(ctx),
        action: auditActionOf(rule.name),
        resourceType: 'organisation',
        resourceId: org.id,
        outcome: 'refused',
        ip: ctx.casework.ip,
      }),
    );
  }
  authorize(ctx, rule, { orgId: org.id });
  return org;
}

/** The actor as the audit log keeps it. */
export function auditActor(ctx: OperationContext): AuditActor {
  return ctx.actor.kind === 'user' ? { kind: 'user', userId: ctx.actor.userId } : { kind: ctx.actor.kind };
}
