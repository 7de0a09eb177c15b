/**
 * Policies: each operation names one rule; a rule decides with the actor, the deployment's settings and, where it
 * matters, the loaded resource (Outline's `server/policies` style). Rules per resource live in src/policies/; the
 * route snapshot (test/api/routes.snapshot.txt) lists each route's rule, so a route without one fails CI.
 *
 * Every rule has a coarse access level too — what the HTTP layer needs before any work (whether an answer may be
 * kept by a shared cache, which OpenAPI security applies):
 *  - public:   anyone (health, the API description, the web app's shell);
 *  - read:     anyone, unless the deployment makes reads private (OTKAZ_READ_TOKEN): then the read or operator token;
 *  - evidence: raw captures and archive exports (full names): the read or operator token, unless the deployment
 *              sets OTKAZ_PUBLIC_EVIDENCE=true (then as open as reads);
 *  - operator: the operator token; without one configured, operations are off;
 *  - member:   a signed-in, verified member of an organisation (case files); the rule's condition then checks the
 *              organisation and role — deny by default.
 * The command line's local actor passes every level: it holds the data folder.
 */
import { type AccessSettings, type Actor, authenticate, type MemberRole } from './actor.ts';

export type Access = 'public' | 'read' | 'evidence' | 'operator' | 'member';
export const ACCESS_LEVELS: readonly Access[] = ['public', 'read', 'evidence', 'operator', 'member'];

export type Refusal = 'unauthorized' | 'forbidden' | 'operations_disabled';
export type Verdict = { allow: true } | { allow: false; reason: Refusal };

const ALLOW: Verdict = { allow: true };
/** Members who may see raw evidence (full names in court pages): those who work on cases, not volunteers or statistics. */
const EVIDENCE_ROLES: ReadonlySet<MemberRole> = new Set(['org_admin', 'lawyer', 'caseworker']);
const refuse = (actor: Actor, otherwise: Refusal = 'forbidden'): Verdict => ({
  allow: false,
  reason: actor.kind === 'anonymous' && !actor.presented ? 'unauthorized' : otherwise,
});

/** The decision of an access level alone. */
export function allowsLevel(access: Access, actor: Actor, settings: AccessSettings): Verdict {
  if (actor.kind === 'local' || access === 'public') return ALLOW;
  switch (access) {
    case 'read':
      if (!settings.readToken || actor.kind !== 'anonymous') return ALLOW;
      return refuse(actor);
    case 'evidence':
      if (settings.publicEvidence) return allowsLevel('read', actor, settings);
      if (actor.kind === 'user') return actor.verified && EVIDENCE_ROLES.has(actor.role) ? ALLOW : refuse(actor);
      return actor.kind === 'anonymous' ? refuse(actor) : ALLOW;
    case 'operator':
      if (!settings.operatorToken) return { allow: false, reason: 'operations_disabled' };
      return actor.kind === 'operator' ? ALLOW : refuse(actor);
    case 'member':
      return actor.kind === 'user' && actor.verified ? ALLOW : refuse(actor);
    default: {
      const unreachable: never = access;
      return unreachable;
    }
  }
}

export interface Rule<R = void> {
  /** resource.verb, as the route snapshot lists it. */
  readonly name: string;
  readonly access: Access;
  /** The rule's condition needs the loaded resource: at the edge only the level decides; the operation checks the rest. */
  readonly needsResource: boolean;
  /** The decision before any work (the HTTP pipeline): the level, and the condition when it needs no resource. */
  checkEdge(actor: Actor, settings: AccessSettings): Verdict;
  /** The level's decision, then the rule's own condition on the resource (absent: the level decides alone). */
  check(actor: Actor, settings: AccessSettings, resource: R): Verdict;
}

/** Any rule, whatever its resource (what routes and operations hold; the operation checks the resource itself). */
export type AnyRule = Rule<never>;

/** A rule of an access level, optionally narrowed by a condition on the actor (no resource needed). */
export function rule(name: string, access: Access, condition?: (actor: Actor) => boolean): Rule {
  const check = (actor: Actor, settings: AccessSettings): Verdict => {
    const level = allowsLevel(access, actor, settings);
    if (!level.allow || !condition || actor.kind === 'local') return level;
    return condition(actor) ? ALLOW : refuse(actor);
  };
  return { name, access, needsResource: false, checkEdge: check, check };
}

/**
 * A rule whose condition sees the loaded resource (a client file: its organisation, whom it is shared with). At
 * the edge only the level decides; the operation loads the resource and calls `authorize` with it. Deny by
 * default: the condition must say yes, and every condition checks the tenant itself.
 */
export function resourceRule<R>(name: string, access: Access, condition: (actor: Actor, resource: R) => boolean): Rule<R> {
  return {
    name,
    access,
    needsResource: true,
    checkEdge: (actor, settings) => allowsLevel(access, actor, settings),
    check(actor, settings, resource) {
      const level = allowsLevel(access, actor, settings);
      if (!level.allow || actor.kind === 'local') return level;
      return condition(actor, resource) ? ALLOW : refuse(actor);
    },
  };
}

/**
 * Whether answers under a level are for their caller only (a token is or may be needed): then no shared cache may
 * keep them (`Cache-Control: private, no-store`, `Vary: Authorization`).
 */
export function isPrivate(access: Access, settings: AccessSettings): boolean {
  switch (access) {
    case 'public':
      return false;
    case 'operator':
    case 'member':
      return true;
    case 'evidence':
      return !settings.publicEvidence || Boolean(settings.readToken);
    case 'read':
      return Boolean(settings.readToken);
    default: {
      const unreachable: never = access;
      return unreachable;
    }
  }
}

export type Role = 'anonymous' | 'reader' | 'operator';
export type Decision = { allow: true; role: Role } | { allow: false; reason: Refusal };

/** Authentication and a level's decision in one step, for a bearer token (kept for callers that have only a token). */
export function decide(access: Access, token: string | null, settings: AccessSettings): Decision {
  const actor = authenticate(token, settings);
  const verdict = allowsLevel(access, actor, settings);
  if (!verdict.allow) return verdict;
  return { allow: true, role: actor.kind === 'operator' ? 'operator' : actor.kind === 'reader' ? 'reader' : 'anonymous' };
}
