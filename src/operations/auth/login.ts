/** Sign in with e-mail and password: a session (cookie) and the next step the organisation requires. */
import { z } from 'zod';
import { endSession } from '../../accounts/sessions.ts';
import { login } from '../../accounts/signin.ts';
import { defineOperation } from '../../ops/operation.ts';
import { authPolicy } from '../../policies/auth.ts';
import { authServices, NOT_CLI, SET_SESSION, type SignInAnswer, SignInStateSchema } from './state.ts';

export const loginOperation = defineOperation({
  name: 'auth.login',
  summary:
    'Sign in with e-mail and password (and the organisation’s slug when the e-mail is in several); sets the session cookie and says what comes next (second factor, new password)',
  input: z.object({ email: z.string().max(254), password: z.string().max(1024), organisation: z.string().max(100).optional() }).strict(),
  output: SignInStateSchema,
  policy: authPolicy.login,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, input): Promise<SignInAnswer> {
    const { state, token } = await login(ctx.db, authServices(ctx), input.email, input.password, input.organisation || undefined);
    // A sign-in over an existing session replaces it.
    if (ctx.actor.kind === 'user' && ctx.actor.sessionId) await endSession(ctx.db, ctx.actor.sessionId, ctx.casework.now());
    return { ...state, [SET_SESSION]: token };
  },
});
