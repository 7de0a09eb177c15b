/** A recovery code instead of the TOTP code (each code works once). */
import { z } from 'zod';
import { useRecoveryCode } from '../../accounts/recovery.ts';
import { secondFactor } from '../../accounts/signin.ts';
import { defineOperation } from '../../ops/operation.ts';
import { authPolicy } from '../../policies/auth.ts';
import { authServices, callerSession, NOT_CLI, SignInStateSchema, withNewSession } from './state.ts';

export const recoveryOperation = defineOperation({
  name: 'auth.recovery',
  summary: 'Give a single-use recovery code instead of the TOTP code',
  input: z.object({ code: z.string().trim().max(64).describe('one of the recovery codes shown at TOTP enrolment') }).strict(),
  output: SignInStateSchema,
  policy: authPolicy.secondFactor,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, { code }) {
    const session = await callerSession(ctx);
    return withNewSession(
      secondFactor(ctx.db, authServices(ctx), session, 'auth.recovery', 'recovery', (user) =>
        user.totp_confirmed_at !== null ? useRecoveryCode(ctx.db, user.id, code, ctx.casework.now()) : Promise.resolve(false),
      ),
    );
  },
});
