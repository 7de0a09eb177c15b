/**
 * The authentication step for members (src/accounts): a request carrying the `otkaz_session` cookie of a live
 * session gets a UserActor — verified once the second factor its organisation requires was given (an unverified
 * one reaches only the sign-in routes, whose rules accept it). Bearer tokens keep working as before and win over
 * a cookie. On top of SameSite=Strict, every request that changes something under a session must carry the
 * session's CSRF token in `x-csrf-token`. Answers to a request with a session, and every sign-in and member
 * route's, are `Cache-Control: no-store`.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isVerified } from '../accounts/factors.ts';
import { resolveSession, SESSION_COOKIE } from '../accounts/sessions.ts';
import { sameText } from '../accounts/tokens.ts';
import { MEMBER_ROLES, type MemberRole } from '../ops/actor.ts';
import type { Verdict } from '../ops/policy.ts';
import { ErrorCode } from '../shared/errors.ts';
import type { AppContext } from './context.ts';
import { type Problem, problem, statusOfDomain } from './problem.ts';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The cookie parser (before the authentication hook, which reads it). */
export async function registerSessionCookies(app: FastifyInstance): Promise<void> {
  await app.register(cookie, { hook: 'onRequest' });
}

/** How the session cookie is set: never readable by scripts, never sent over plain HTTP nor from another site. */
export const SESSION_COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' } as const;

const isMemberRole = (role: string): role is MemberRole => (MEMBER_ROLES as readonly string[]).includes(role);

/**
 * Turns the session cookie into the request's actor (after the bearer token was looked at). Answers the request
 * itself — with 403 auth.csrf — when a state change under a session lacks the session's CSRF token.
 */
export async function authenticateSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  const access = request.routeOptions.config.access;
  if (token !== undefined || request.url.startsWith('/api/v1/auth/') || access === 'member') reply.header('cache-control', 'private, no-store');
  if (token === undefined || request.actor.kind === 'operator' || request.actor.kind === 'reader') return undefined;
  reply.header('vary', 'Authorization, Cookie');
  const session = await resolveSession(ctx.db, token, (ctx.now ?? (() => new Date()))());
  if (!session || !isMemberRole(session.role)) return undefined;
  if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config.readOnlyPost) {
    const given = request.headers[CSRF_HEADER];
    if (typeof given !== 'string' || !sameText(given, session.csrfToken)) {
      const p = problem(
        ErrorCode.CsrfInvalid,
        statusOfDomain(ErrorCode.CsrfInvalid),
        'CSRF token missing or wrong',
        `a request that changes something under a session must carry the session's token in the ${CSRF_HEADER} header (GET /api/v1/auth/session gives it)`,
        request.routeOptions.url,
      );
      return reply.code(p.status).type('application/problem+json').send(p);
    }
  }
  request.actor = {
    kind: 'user',
    userId: session.userId,
    orgId: session.orgId,
    role: session.role,
    sessionId: session.id,
    verified: isVerified(session, session.factor),
  };
  return undefined;
}

/** The refusal of a member or sign-in route, in its own words (null: another route's, the pipeline words it). */
export function sessionRefusal(request: FastifyRequest, verdict: Verdict & { allow: false }): Problem | null {
  const { access, policy } = request.routeOptions.config;
  if (access !== 'member' && !policy?.name.startsWith('auth.')) return null;
  const route = request.routeOptions.url;
  if (request.actor.kind !== 'user')
    return problem(
      ErrorCode.AuthRequired,
      statusOfDomain(ErrorCode.AuthRequired),
      'sign-in required',
      'sign in first (POST /api/v1/auth/login); a session ends after 30 min idle or 12 h',
      route,
    );
  if (!request.actor.verified && verdict.reason !== 'operations_disabled')
    return problem(
      ErrorCode.AccessDenied,
      statusOfDomain(ErrorCode.AccessDenied),
      'sign-in not complete',
      'finish signing in first: change the one-time password, or give the second factor your organisation requires (GET /api/v1/auth/session says which)',
      route,
    );
  return problem(ErrorCode.AccessDenied, statusOfDomain(ErrorCode.AccessDenied), 'forbidden', 'your role may not do that', route);
}
