/** Change the password (the one-time password at first sign-in, or one's own later): every other session ends. */
import { z } from 'zod';
import { changePassword } from '../../accounts/signin.ts';
import { defineOperation } from '../../ops/operation.ts';
import { authPolicy } from '../../policies/auth.ts';
import { authServices, callerSession, NOT_CLI, SET_SESSION, type SignInAnswer, SignInStateSchema } from './state.ts';

export const changePasswordOperation = defineOperation({
  name: 'auth.password',
  summary: 'Change the password (12–256 characters); ends every session of the account and gives this one a new session',
  input: z.object({ current: z.string().max(1024), next: z.string().max(1024) }).strict(),
  output: SignInStateSchema,
  policy: authPolicy.password,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, input): Promise<SignInAnswer> {
    const session = await callerSession(ctx);
    const { state, token } = await changePassword(
      ctx.db,
      authServices(ctx),
      { id: session.id, userId: session.actor.userId, factor: session.factor, verified: session.actor.verified },
      input.current,
      input.next,
    );
    return { ...state, [SET_SESSION]: token };
  },
});
