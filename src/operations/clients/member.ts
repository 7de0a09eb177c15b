/**
 * The request pipeline of a case-file operation, after authentication and validation: one transaction, inside the
 * organisation's row-level-security wall (src/casework/tenant.ts), that loads the file (scoped to the actor's
 * organisation in its WHERE clause as well), authorises with the loaded resource, runs the command, and
 * appends the audit entry — all or nothing. A refusal (another organisation's file, a volunteer's unshared file,
 * a role without the right) is audited too, in a transaction of its own, and then reported.
 */
import type { AuditAction } from '../../audit/actions.ts';
import { type AuditActor, appendAudit } from '../../audit/log.ts';
import { type ClientFile, loadClient } from '../../casework/clients.ts';
import { enterTenant } from '../../casework/tenant.ts';
import type { Queryable } from '../../db/database.ts';
import type { UserActor } from '../../ops/actor.ts';
import { authorize, type OperationContext } from '../../ops/operation.ts';
import type { Rule } from '../../ops/policy.ts';
import type { ClientResource, OrgResource } from '../../policies/clients.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';

/** The member an operation acts for; the command line names one with --as. */
export function memberOf(ctx: OperationContext): UserActor {
  if (ctx.actor.kind === 'user') return ctx.actor;
  if (ctx.actor.kind === 'local') throw new OtkazError(ErrorCode.Usage, 'case files are read and written as a member: name one with --as EMAIL');
  throw new OtkazError(ErrorCode.AccessDenied, 'case files are for signed-in members of an organisation');
}

/**
 * The actor as the audit log keeps it: a member signed in with a session, or the command line acting for a member
 * (`--as`: whoever holds the data folder and the KEK — the log says so, never that the member did it himself).
 */
export function auditActorOf(actor: UserActor): AuditActor {
  return { kind: actor.sessionId ? 'user' : 'cli_as_member', userId: actor.userId };
}

/**
 * A refusal, in the actor's organisation's chain; and, where the file belongs to another organisation, in that
 * organisation's chain too (its administrators see that someone probed their file; nothing of it is told the caller).
 */
async function auditRefusal(ctx: OperationContext, actor: UserActor, action: AuditAction, resourceType: string, resourceId: string | undefined): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const event = { actor: auditActorOf(actor), action, resourceType, ...(resourceId ? { resourceId } : {}), outcome: 'refused' as const, ip: ctx.casework.ip };
    await appendAudit(tx, ctx.casework.audit, { ...event, orgId: actor.orgId });
    if (resourceType === 'client' && resourceId && /^[0-9a-f-]{36}$/i.test(resourceId)) {
      const owner = await tx.query<{ org_id: string }>('select org_id from clients where id = $1', [resourceId]);
      const orgId = owner[0]?.org_id;
      if (orgId && orgId !== actor.orgId) await appendAudit(tx, ctx.casework.audit, { ...event, orgId });
    }
  });
}

const isRefusal = (error: unknown) => error instanceof OtkazError && (error.code === ErrorCode.AccessDenied || error.code === ErrorCode.InputNotFound);

export interface FileStep<T> {
  readonly action: AuditAction;
  readonly policy: Rule<ClientResource>;
  readonly clientId: string;
  readonly forUpdate?: boolean;
  /** What the audit entry names (default: the client file). */
  readonly resource?: (result: T) => { type: string; id: string };
  run(tx: Queryable, file: ClientFile, actor: UserActor): Promise<T>;
}

/** Runs one step on one client file: load (tenant-scoped) → authorise → command → audit, in one transaction. */
export async function onFile<T>(ctx: OperationContext, step: FileStep<T>): Promise<T> {
  const actor = memberOf(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      await enterTenant(ctx.db, tx, actor.orgId);
      const file = await loadClient(tx, ctx.casework.keyring, actor.orgId, step.clientId, { forUpdate: step.forUpdate ?? false });
      authorize(ctx, step.policy, { orgId: file.row.org_id, sharedWith: file.sharedWith });
      const result = await step.run(tx, file, actor);
      const resource = step.resource?.(result) ?? { type: 'client', id: step.clientId };
      await appendAudit(tx, ctx.casework.audit, {
        orgId: actor.orgId,
        actor: auditActorOf(actor),
        action: step.action,
        resourceType: resource.type,
        resourceId: resource.id,
        outcome: 'ok',
        ip: ctx.casework.ip,
      });
      return result;
    });
  } catch (error) {
    if (isRefusal(error)) await auditRefusal(ctx, actor, step.action, 'client', step.clientId);
    throw error;
  }
}

export interface OrgStep<T> {
  readonly action: AuditAction;
  readonly policy: Rule<OrgResource>;
  readonly resource?: (result: T) => { type: string; id: string } | null;
  run(tx: Queryable, actor: UserActor): Promise<T>;
}

/** Runs one step on the actor's organisation's set of files (list, create, search, figures). */
export async function onOrganisation<T>(ctx: OperationContext, step: OrgStep<T>): Promise<T> {
  const actor = memberOf(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      await enterTenant(ctx.db, tx, actor.orgId);
      authorize(ctx, step.policy, { orgId: actor.orgId });
      const result = await step.run(tx, actor);
      const resource = step.resource?.(result) ?? null;
      await appendAudit(tx, ctx.casework.audit, {
        orgId: actor.orgId,
        actor: auditActorOf(actor),
        action: step.action,
        resourceType: resource?.type ?? 'organisation',
        resourceId: resource?.id ?? actor.orgId,
        outcome: 'ok',
        ip: ctx.casework.ip,
      });
      return result;
    });
  } catch (error) {
    if (isRefusal(error)) await auditRefusal(ctx, actor, step.action, 'organisation', actor.orgId);
    throw error;
  }
}
