/**
 * Who is asking. Authentication turns a request's credentials into an actor once, before anything else; every
 * operation and policy sees that actor, never the token. Today:
 *  - anonymous: no token, or one that matches nothing (`presented` says which, so a refusal can say 401 or 403);
 *  - reader:    the read token (OTKAZ_READ_TOKEN);
 *  - operator:  the operator token (OTKAZ_OPERATOR_TOKEN);
 *  - local:     the command line, run by whoever holds the data folder (they can read the files anyway);
 *  - user:      a member of a legal-aid organisation, signed in with a session (src/accounts); `verified` once the
 *               second factor the organisation requires was given. Policies check the tenant in every rule.
 */
import { timingSafeEqual } from 'node:crypto';

import type { MemberRole } from '../shared/roles.ts';

export { MEMBER_ROLES, type MemberRole } from '../shared/roles.ts';

export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly orgId: string;
  readonly role: MemberRole;
  /** The session's id (the hash of its token, hex); the CLI's `--as` has none. */
  readonly sessionId: string | null;
  /** The second factor the organisation requires was given (or none is required). */
  readonly verified: boolean;
}

export type Actor =
  | { readonly kind: 'anonymous'; readonly presented: boolean }
  | { readonly kind: 'reader' }
  | { readonly kind: 'operator' }
  | { readonly kind: 'local' }
  | UserActor;
export type ActorKind = Actor['kind'];

/** The deployment's credentials and openings (src/config/config.ts). */
export interface AccessSettings {
  operatorToken?: string;
  readToken?: string;
  /** OTKAZ_PUBLIC_EVIDENCE: raw captures and WARC exports as open as reads. */
  publicEvidence?: boolean;
}

export const LOCAL: Actor = { kind: 'local' };
export const ANONYMOUS: Actor = { kind: 'anonymous', presented: false };

export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

export function sameToken(given: string | null, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The actor for a bearer token (or none). The operator token wins where both tokens are the same string. */
export function authenticate(token: string | null, settings: AccessSettings): Actor {
  if (sameToken(token, settings.operatorToken)) return { kind: 'operator' };
  if (sameToken(token, settings.readToken)) return { kind: 'reader' };
  return token ? { kind: 'anonymous', presented: true } : ANONYMOUS;
}

/**
 * The partition of the response cache an actor's answers live in. Answers are cached per kind of actor only while
 * every actor of that kind sees the same thing; an actor that sees data of its own (a user of an organisation,
 * later) gets its own partition, so no answer computed for one caller reaches another.
 */
export function cachePartition(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'reader':
      return 'reader';
    case 'operator':
      return 'operator';
    case 'local':
      return 'local';
    case 'user':
      return `user:${actor.userId}:${actor.sessionId ?? 'cli'}`;
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}
