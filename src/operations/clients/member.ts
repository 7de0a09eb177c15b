/**
 * The request pipeline of a case-file operation, after authentication and validation: one transaction, inside the
 * organisation's row-level-security wall (src/casework/tenant.ts), that loads the file (scoped to the actor's
 * organisation in its WHERE clause as well), authorises with the loaded resource, runs the command, and
 * appends the audit entry — all or nothing. A refusal (another organisation's file, a volunteer's unshared file,
 * a role without the right) is audited too, in a transaction of its own, and then reported.
 */
import { appendAudit } from '../../audit/log.ts';
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

async function auditRefusal(ctx: OperationContext, actor: UserActor, action: string, resourceType: string, resourceId: string | undefined): Promise<void> {
  await ctx.db.transaction((tx) =>
    appendAudit(tx, ctx.casework.audit, {
      orgId: actor.orgId,
      actor,
      action,
      resourceType,
      ...(resourceId ? { resourceId } : {}),
      outcome: 'refused',
      ip: ctx.casework.ip,
    }),
  );
}

const isRefusal = (error: unknown) => error instanceof OtkazError && (error.code === ErrorCode.AccessDenied || error.code === ErrorCode.InputNotFound);

export interface FileStep<T> {
  readonly action: string;
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
        actor,
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
  readonly action: string;
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
        actor,
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
