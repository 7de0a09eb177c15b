/**
 * Passkeys (WebAuthn): register one (an administrator whose organisation requires it, at first sign-in; any
 * verified member later), and sign in with one as the second factor. The relying party is the request's host:
 * the API adapter fills `site` from the request, never from the body.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { requirement } from '../../accounts/factors.ts';
import { organisationById } from '../../accounts/orgs.ts';
import { authenticationOptions, hasPasskey, registrationOptions, verifyAuthentication, verifyRegistration } from '../../accounts/passkeys.ts';
import { secondFactor } from '../../accounts/signin.ts';
import { credentialsById } from '../../accounts/users.ts';
import { defineOperation, type OperationContext } from '../../ops/operation.ts';
import { authPolicy } from '../../policies/auth.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { authServices, callerSession, NOT_CLI, SignInStateSchema, withNewSession } from './state.ts';

export const SiteSchema = z.object({ rpId: z.string(), origin: z.string() }).describe('the request’s site (filled by the server)');
const OptionsSchema = z.object({ options: z.record(z.string(), z.unknown()).describe('for navigator.credentials (@simplewebauthn/browser)') });
const CredentialSchema = z
  .looseObject({ id: z.string().max(1024), rawId: z.string().max(1024), type: z.literal('public-key'), response: z.looseObject({}) })
  .describe('the credential as @simplewebauthn/browser returns it');

const SiteInput = z.object({ site: SiteSchema }).strict();
const CredentialInput = z.object({ site: SiteSchema, response: CredentialSchema }).strict();

/** Who may register a passkey: a verified member, or one whose organisation requires it and who has none yet. */
async function mayRegister(ctx: OperationContext): Promise<{ id: string; email: string }> {
  const session = await callerSession(ctx);
  const user = await credentialsById(ctx.db, session.actor.userId);
  if (!user) throw new OtkazError(ErrorCode.AuthRequired, 'the session’s account is gone');
  if (session.actor.verified) return user;
  const org = await organisationById(ctx.db, user.org_id);
  const required = requirement({
    role: user.role,
    mustChangePassword: user.must_change_password,
    totpConfirmed: user.totp_confirmed_at !== null,
    requireTotp: org.require_totp,
    requirePasskeyForAdmins: org.require_passkey_for_admins,
  });
  if (user.must_change_password) throw new OtkazError(ErrorCode.AccessDenied, 'change the one-time password first (POST /api/v1/auth/password)');
  if (required !== 'passkey' || (await hasPasskey(ctx.db, user.id)))
    throw new OtkazError(ErrorCode.AccessDenied, 'give the second factor first, then register a passkey');
  return user;
}

export const passkeyRegisterOptionsOperation = defineOperation({
  name: 'auth.passkey_register_options',
  summary: 'Options to create a passkey for this account (the challenge is kept 5 minutes)',
  input: SiteInput,
  output: OptionsSchema,
  policy: authPolicy.enrol,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, { site }) {
    const user = await mayRegister(ctx);
    return { options: { ...(await registrationOptions(ctx.db, user, site, ctx.casework.now())) } };
  },
});

export const passkeyRegisterVerifyOperation = defineOperation({
  name: 'auth.passkey_register_verify',
  summary: 'Store the new passkey (verified against the challenge, the site and its origin); it counts as the second factor',
  input: CredentialInput,
  output: SignInStateSchema,
  policy: authPolicy.enrol,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, { site, response }) {
    const user = await mayRegister(ctx);
    const session = await callerSession(ctx);
    return withNewSession(
      secondFactor(ctx.db, authServices(ctx), session, 'auth.passkey_register', 'passkey', () =>
        verifyRegistration(ctx.db, user.id, response as unknown as RegistrationResponseJSON, site, ctx.casework.now()),
      ),
    );
  },
});

export const passkeyLoginOptionsOperation = defineOperation({
  name: 'auth.passkey_login_options',
  summary: 'Options to sign in with one of this account’s passkeys (the challenge is kept 5 minutes)',
  input: SiteInput,
  output: OptionsSchema,
  policy: authPolicy.secondFactor,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, { site }) {
    const session = await callerSession(ctx);
    if (!(await hasPasskey(ctx.db, session.actor.userId))) throw new OtkazError(ErrorCode.InputNotFound, 'this account has no passkey');
    return { options: { ...(await authenticationOptions(ctx.db, session.actor.userId, site, ctx.casework.now())) } };
  },
});

export const passkeyLoginVerifyOperation = defineOperation({
  name: 'auth.passkey_login_verify',
  summary: 'Give a passkey assertion as the second factor',
  input: CredentialInput,
  output: SignInStateSchema,
  policy: authPolicy.secondFactor,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, { site, response }) {
    const session = await callerSession(ctx);
    return withNewSession(
      secondFactor(ctx.db, authServices(ctx), session, 'auth.passkey', 'passkey', () =>
        verifyAuthentication(ctx.db, session.actor.userId, response as unknown as AuthenticationResponseJSON, site, ctx.casework.now()),
      ),
    );
  },
});
