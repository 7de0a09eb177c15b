/**
 * The tenant check every member rule makes: the actor is a member of the organisation the resource belongs to.
 * At the edge (the request pipeline, before anything is loaded) the level decides; the operation then checks the
 * rule with the loaded organisation (role and tenant) — src/ops/policy.ts resourceRule.
 */
import type { Actor, MemberRole } from '../ops/actor.ts';

/** The organisation a resource belongs to. */
export type Tenant = { readonly orgId: string };

export function memberOf(actor: Actor, tenant: Tenant, roles: readonly MemberRole[]): boolean {
  if (actor.kind !== 'user' || !actor.verified || !roles.includes(actor.role)) return false;
  return tenant.orgId === actor.orgId;
}
