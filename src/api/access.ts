/**
 * Access levels and the token decision, now defined with the actor and the policies (src/ops/actor.ts,
 * src/ops/policy.ts); re-exported here for the HTTP layer.
 */
export { type AccessSettings, bearer, sameToken } from '../ops/actor.ts';
export { ACCESS_LEVELS, type Access, type Decision, decide, isPrivate, type Role } from '../ops/policy.ts';
