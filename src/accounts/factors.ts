/**
 * Which second factor an account must give, and what a sign-in does next. The organisation decides:
 *  - an org admin of an organisation with require_passkey_for_admins: a passkey (WebAuthn);
 *  - otherwise, where the organisation requires TOTP (the default) or the member enrolled it: a TOTP code (or a
 *    single-use recovery code instead); a passkey satisfies this too;
 *  - otherwise the password alone.
 * A session is verified once its factor satisfies the requirement and the one-time password has been changed;
 * an unverified session reaches only the sign-in routes.
 */
import type { Factor } from './sessions.ts';

export type Requirement = 'none' | 'totp' | 'passkey';
export type Next = 'change_password' | 'enrol_totp' | 'totp' | 'passkey' | 'done';

export interface FactorFacts {
  role: string;
  mustChangePassword: boolean;
  totpConfirmed: boolean;
  requireTotp: boolean;
  requirePasskeyForAdmins: boolean;
}

export function requirement(facts: FactorFacts): Requirement {
  if (facts.role === 'org_admin' && facts.requirePasskeyForAdmins) return 'passkey';
  if (facts.requireTotp || facts.totpConfirmed) return 'totp';
  return 'none';
}

export function satisfies(required: Requirement, factor: Factor): boolean {
  switch (required) {
    case 'none':
      return true;
    case 'totp':
      return factor === 'totp' || factor === 'recovery' || factor === 'passkey';
    case 'passkey':
      return factor === 'passkey';
    default: {
      const unreachable: never = required;
      return unreachable;
    }
  }
}

export function isVerified(facts: FactorFacts, factor: Factor): boolean {
  return !facts.mustChangePassword && satisfies(requirement(facts), factor);
}

/** The next step of a sign-in whose session has `factor`. */
export function nextStep(facts: FactorFacts, factor: Factor): Next {
  if (facts.mustChangePassword) return 'change_password';
  const required = requirement(facts);
  if (satisfies(required, factor)) return 'done';
  if (required === 'passkey') return 'passkey';
  return facts.totpConfirmed ? 'totp' : 'enrol_totp';
}
