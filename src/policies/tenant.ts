/**
 * The tenant check every member rule makes: the actor is a member of the organisation the resource belongs to.
 * A rule's condition runs twice: in the request pipeline before anything is loaded (`resource` undefined: the
 * role alone decides) and in the operation with the loaded organisation (role and tenant).
 */
import type { Actor, MemberRole } from '../ops/actor.ts';

/**
 * The organisation a resource belongs to; nothing (void): not loaded yet. (void, so that a rule of a tenant is
 * a Rule the request pipeline can call without a resource.)
 */
// biome-ignore lint/suspicious/noConfusingVoidType: the pipeline calls every rule with no resource (Rule<void>)
export type Tenant = { readonly orgId: string } | void;

export function memberOf(actor: Actor, tenant: Tenant, roles: readonly MemberRole[]): boolean {
  if (actor.kind !== 'user' || !roles.includes(actor.role)) return false;
  return !tenant || tenant.orgId === actor.orgId;
}
