/**
 * Sign-in routes (src/operations/auth/): the adapter sets or clears the session cookie an operation asks for
 * (its token travels under a symbol key, never in the JSON) and fills the passkey ceremonies' `site` from the
 * request's host — never from the body.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { SESSION_COOKIE } from '../../accounts/sessions.ts';
import { loginOperation } from '../../operations/auth/login.ts';
import {
  passkeyLoginOptionsOperation,
  passkeyLoginVerifyOperation,
  passkeyRegisterOptionsOperation,
  passkeyRegisterVerifyOperation,
} from '../../operations/auth/passkey.ts';
import { changePasswordOperation } from '../../operations/auth/password.ts';
import { recoveryOperation } from '../../operations/auth/recovery.ts';
import { logoutOperation, sessionOperation } from '../../operations/auth/session.ts';
import { CLEAR_SESSION, SET_SESSION, type SessionCookie } from '../../operations/auth/state.ts';
import { confirmTotpOperation, enrolTotpOperation, totpOperation } from '../../operations/auth/totp.ts';
import type { Operation } from '../../ops/operation.ts';
import { requestContext } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import { SESSION_COOKIE_OPTIONS } from '../session-auth.ts';
import type { ZodApp } from '../types.ts';

function siteOf(ctx: RouteContext, request: FastifyRequest): { rpId: string; origin: string } {
  const scheme = ctx.config.https ? 'https' : request.protocol;
  // The origin as a browser states it: a default port is left out.
  return { rpId: request.hostname, origin: new URL(`${scheme}://${request.host}`).origin };
}

function bindAuth<In extends z.ZodObject, Out>(
  app: ZodApp,
  ctx: RouteContext,
  operation: Operation<In, Out>,
  binding: { method: 'GET' | 'POST'; url: string; site?: boolean },
): void {
  const body = binding.site ? operation.input.omit({ site: true }) : operation.input;
  const hasBody = binding.method === 'POST' && Object.keys(body.shape).length > 0;
  const schema = { summary: operation.summary, ...(hasBody ? { body } : {}), response: { 200: operation.output as z.ZodType } };
  app.route({
    method: binding.method,
    url: binding.url,
    config: { policy: operation.policy, operation: operation.name },
    schema,
    handler: async (request, reply) => {
      const input = { ...((hasBody ? request.body : {}) as Record<string, unknown>), ...(binding.site ? { site: siteOf(ctx, request) } : {}) };
      const result = await operation.run(requestContext(ctx, request), input as z.output<In>);
      const cookie = result as SessionCookie;
      const token = cookie[SET_SESSION];
      if (token !== undefined) reply.setCookie(SESSION_COOKIE, token, SESSION_COOKIE_OPTIONS);
      if (cookie[CLEAR_SESSION]) reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
      return result;
    },
  });
}

export function registerAuthRoutes(app: ZodApp, ctx: RouteContext): void {
  bindAuth(app, ctx, loginOperation, { method: 'POST', url: '/api/v1/auth/login' });
  bindAuth(app, ctx, sessionOperation, { method: 'GET', url: '/api/v1/auth/session' });
  bindAuth(app, ctx, logoutOperation, { method: 'POST', url: '/api/v1/auth/logout' });
  bindAuth(app, ctx, changePasswordOperation, { method: 'POST', url: '/api/v1/auth/password' });
  bindAuth(app, ctx, enrolTotpOperation, { method: 'POST', url: '/api/v1/auth/totp/enrol' });
  bindAuth(app, ctx, confirmTotpOperation, { method: 'POST', url: '/api/v1/auth/totp/confirm' });
  bindAuth(app, ctx, totpOperation, { method: 'POST', url: '/api/v1/auth/totp' });
  bindAuth(app, ctx, recoveryOperation, { method: 'POST', url: '/api/v1/auth/recovery' });
  bindAuth(app, ctx, passkeyRegisterOptionsOperation, { method: 'POST', url: '/api/v1/auth/passkey/register/options', site: true });
  bindAuth(app, ctx, passkeyRegisterVerifyOperation, { method: 'POST', url: '/api/v1/auth/passkey/register/verify', site: true });
  bindAuth(app, ctx, passkeyLoginOptionsOperation, { method: 'POST', url: '/api/v1/auth/passkey/login/options', site: true });
  bindAuth(app, ctx, passkeyLoginVerifyOperation, { method: 'POST', url: '/api/v1/auth/passkey/login/verify', site: true });
}
