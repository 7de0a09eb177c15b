/** Who am I (the session's account and the step its sign-in is at), and sign-out. */
import { z } from 'zod';
import { logout, sessionState } from '../../accounts/signin.ts';
import { defineOperation } from '../../ops/operation.ts';
import { authPolicy } from '../../policies/auth.ts';
import { authServices, CLEAR_SESSION, callerSession, NOT_CLI, SignInStateSchema } from './state.ts';

export const sessionOperation = defineOperation({
  name: 'auth.session',
  summary: 'The signed-in account, its organisation, the sign-in’s next step and the CSRF token (401 without a session)',
  input: z.object({}).strict(),
  output: SignInStateSchema,
  policy: authPolicy.session,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx) {
    const session = await callerSession(ctx);
    return sessionState(ctx.db, session.actor.userId, session.factor, session.csrfToken);
  },
});

export const logoutOperation = defineOperation({
  name: 'auth.logout',
  summary: 'Sign out: the session ends and its cookie is removed',
  input: z.object({}).strict(),
  output: z.object({ signedOut: z.boolean() }),
  policy: authPolicy.logout,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx) {
    const session = await callerSession(ctx);
    await logout(ctx.db, authServices(ctx), { id: session.id, userId: session.actor.userId, orgId: session.actor.orgId });
    return { signedOut: true, [CLEAR_SESSION]: true as const };
  },
});
