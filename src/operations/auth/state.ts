/**
 * What the sign-in operations share: the answer's shape, the session the caller holds, and the cookie the API
 * adapter sets or clears. The session token travels under a symbol key, which no serializer writes: it reaches the
 * cookie and nothing else.
 */
import { z } from 'zod';
import { sessionById } from '../../accounts/sessions.ts';
import type { AuthServices, SignInState } from '../../accounts/signin.ts';
import type { UserActor } from '../../ops/actor.ts';
import type { OperationContext } from '../../ops/operation.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';

/** The new session token to set as the cookie (login, password change). */
export const SET_SESSION: unique symbol = Symbol('otkaz.setSession');
/** The cookie is to be removed (logout). */
export const CLEAR_SESSION: unique symbol = Symbol('otkaz.clearSession');

export interface SessionCookie {
  readonly [SET_SESSION]?: string;
  readonly [CLEAR_SESSION]?: true;
}

export const SignInStateSchema = z.object({
  next: z.enum(['change_password', 'enrol_totp', 'totp', 'passkey', 'done']).describe('the sign-in’s next step; done: signed in'),
  csrfToken: z.string().describe('send it as the x-csrf-token header of every request that changes something'),
  user: z.object({
    id: z.string(),
    email: z.string(),
    role: z.string(),
    org: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  }),
});

export type SignInAnswer = SignInState & SessionCookie;

/** A second factor's answer: the new session token (src/accounts/signin.ts secondFactor) goes into the cookie, never the body. */
export async function withNewSession<T extends { token: string }>(answer: Promise<T>): Promise<Omit<T, 'token'> & SessionCookie> {
  const { token, ...state } = await answer;
  return { ...state, [SET_SESSION]: token };
}

/** The caller's session (the route's policy has made sure there is one). */
export async function callerSession(
  ctx: OperationContext,
): Promise<{ actor: UserActor; id: string; userId: string; csrfToken: string; factor: 'password' | 'totp' | 'recovery' | 'passkey' }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.sessionId === null) throw new OtkazError(ErrorCode.AuthRequired, 'sign in first (POST /api/v1/auth/login)');
  const session = await sessionById(ctx.db, actor.sessionId);
  if (!session) throw new OtkazError(ErrorCode.AuthRequired, 'the session ended: sign in again');
  return { actor, id: actor.sessionId, userId: actor.userId, ...session };
}

export function authServices(ctx: OperationContext): AuthServices {
  return ctx.casework;
}

export const NOT_CLI = 'sign-in is the browser’s: it sets a session cookie';
