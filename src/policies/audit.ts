/**
 * Who may read the audit log and verify its chains: an organisation's admins, their own organisation's chain only
 * (the tenant check is in the rule: the scope asked for must be the actor's organisation); the command line's local
 * actor (who holds the data folder and the key-encryption key) any chain, or all of them.
 *
 * The request pipeline decides before any work, without a scope (the role alone); each operation then resolves the
 * scope it was asked for and decides again with it (src/operations/audit/scope.ts).
 */
import { resourceRule } from '../ops/policy.ts';

/** The chain asked for: an organisation's, or (null) the installation's own — no member's. */
export interface AuditScope {
  readonly orgId: string | null;
}

function isScope(value: unknown): value is AuditScope {
  return typeof value === 'object' && value !== null && 'orgId' in value && (typeof value.orgId === 'string' || value.orgId === null);
}

/**
 * A rule for an organisation's admins, for their own organisation's chain. At the edge (the request pipeline,
 * before any work) the level decides alone; the operation decides with the scope it resolved.
 */
const adminOfOwnOrganisation = (name: string) =>
  resourceRule<AuditScope>(name, 'member', (actor, scope) => {
    if (actor.kind !== 'user' || actor.role !== 'org_admin' || !actor.verified) return false;
    return isScope(scope) && scope.orgId === actor.orgId;
  });

export const auditPolicy = {
  /** The entries of a chain, newest first. */
  list: adminOfOwnOrganisation('audit.list'),
  /** Recompute a chain's MACs. */
  verify: adminOfOwnOrganisation('audit.verify'),
} as const;

export type AuditRule = (typeof auditPolicy)[keyof typeof auditPolicy];
