/** TOTP: enrol (a new secret, as text, URI and QR code), confirm it with a first code (→ recovery codes), sign in with a code. */
import { z } from 'zod';
import { newRecoveryCodes } from '../../accounts/recovery.ts';
import { secondFactor } from '../../accounts/signin.ts';
import { checkTotp, confirmTotp, enrolTotp } from '../../accounts/totp.ts';
import { credentialsById } from '../../accounts/users.ts';
import { defineOperation } from '../../ops/operation.ts';
import { authPolicy } from '../../policies/auth.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { authServices, callerSession, NOT_CLI, SET_SESSION, SignInStateSchema, withNewSession } from './state.ts';

const CodeInput = z.object({ code: z.string().trim().max(64).describe('the code the authenticator app shows') }).strict();

export const enrolTotpOperation = defineOperation({
  name: 'auth.totp_enrol',
  summary: 'Start TOTP enrolment: a new secret (text, otpauth URI and QR code as SVG), confirmed by the first code',
  input: z.object({}).strict(),
  output: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }),
  policy: authPolicy.enrol,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx) {
    const session = await callerSession(ctx);
    const user = await credentialsById(ctx.db, session.actor.userId);
    if (!user) throw new OtkazError(ErrorCode.AuthRequired, 'the session’s account is gone');
    if (user.must_change_password) throw new OtkazError(ErrorCode.AccessDenied, 'change the one-time password first (POST /api/v1/auth/password)');
    if (user.totp_confirmed_at !== null) throw new OtkazError(ErrorCode.Conflict, 'TOTP is enrolled already for this account');
    return enrolTotp(ctx.db, ctx.casework.keyring, user);
  },
});

export const confirmTotpOperation = defineOperation({
  name: 'auth.totp_confirm',
  summary: 'Confirm TOTP enrolment with a first code: the second factor is given, and ten single-use recovery codes are shown once',
  input: CodeInput,
  output: SignInStateSchema.extend({ recoveryCodes: z.array(z.string()).describe('shown once; each works once instead of a TOTP code') }),
  policy: authPolicy.secondFactor,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, { code }) {
    const session = await callerSession(ctx);
    let recoveryCodes: string[] = [];
    const { token, ...state } = await secondFactor(ctx.db, authServices(ctx), session, 'auth.totp_confirm', 'totp', async (user) => {
      if (user.totp_confirmed_at !== null) throw new OtkazError(ErrorCode.Conflict, 'TOTP is confirmed already for this account');
      if (user.must_change_password) throw new OtkazError(ErrorCode.AccessDenied, 'change the one-time password first (POST /api/v1/auth/password)');
      if (!(await checkTotp(ctx.db, ctx.casework.keyring, user, code, ctx.casework.now()))) return false;
      await ctx.db.transaction(async (tx) => {
        await confirmTotp(tx, user.id, ctx.casework.now());
        recoveryCodes = await newRecoveryCodes(tx, user.id);
      });
      return true;
    });
    return { ...state, recoveryCodes, [SET_SESSION]: token };
  },
});

export const totpOperation = defineOperation({
  name: 'auth.totp',
  summary: 'Give the TOTP code as the second factor',
  input: CodeInput,
  output: SignInStateSchema,
  policy: authPolicy.secondFactor,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, { code }) {
    const session = await callerSession(ctx);
    return withNewSession(
      secondFactor(ctx.db, authServices(ctx), session, 'auth.totp', 'totp', async (user) =>
        user.totp_confirmed_at !== null ? checkTotp(ctx.db, ctx.casework.keyring, user, code, ctx.casework.now()) : false,
      ),
    );
  },
});
