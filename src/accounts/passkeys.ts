/**
 * Passkeys (WebAuthn) through @simplewebauthn/server: registration and assertion ceremonies with a challenge kept
 * server-side per account and purpose (webauthn_challenges, valid CHALLENGE_MS, used once). The relying party is
 * the site the request came to (its host name), the expected origin that site's.
 */
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Queryable } from '../db/database.ts';

export const CHALLENGE_MS = 5 * 60_000;

/** The site the ceremony belongs to: the request's host name and its origin. */
export interface Site {
  readonly rpId: string;
  readonly origin: string;
}

interface CredentialRow {
  id: string;
  public_key: Uint8Array;
  counter: number;
  transports: string[];
}

async function credentialsOf(db: Queryable, userId: string): Promise<CredentialRow[]> {
  return db.query<CredentialRow>('select id, public_key, counter, transports from webauthn_credentials where user_id = $1', [userId]);
}

export async function hasPasskey(db: Queryable, userId: string): Promise<boolean> {
  return (await db.query('select 1 from webauthn_credentials where user_id = $1 limit 1', [userId])).length > 0;
}

async function keepChallenge(db: Queryable, userId: string, purpose: 'register' | 'authenticate', challenge: string, now: Date): Promise<void> {
  await db.query(
    `insert into webauthn_challenges (user_id, purpose, challenge, created_at) values ($1, $2, $3, $4)
     on conflict (user_id, purpose) do update set challenge = excluded.challenge, created_at = excluded.created_at`,
    [userId, purpose, challenge, now.toISOString()],
  );
}

/** The pending challenge, removed as it is read (a ceremony gets one try); null when none or expired. */
async function takeChallenge(db: Queryable, userId: string, purpose: 'register' | 'authenticate', now: Date): Promise<string | null> {
  const rows = await db.query<{ challenge: string; created_at: string }>(
    'delete from webauthn_challenges where user_id = $1 and purpose = $2 returning challenge, created_at',
    [userId, purpose],
  );
  const row = rows[0];
  if (!row || now.getTime() - new Date(row.created_at).getTime() > CHALLENGE_MS) return null;
  return row.challenge;
}

export async function registrationOptions(
  db: Queryable,
  user: { id: string; email: string },
  site: Site,
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await credentialsOf(db, user.id);
  const options = await generateRegistrationOptions({
    rpName: 'otkaz',
    rpID: site.rpId,
    userName: user.email,
    userID: new Uint8Array(Buffer.from(user.id, 'utf8')),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
  await keepChallenge(db, user.id, 'register', options.challenge, now);
  return options;
}

/** Verifies a registration and stores the credential; false when it does not verify. */
export async function verifyRegistration(db: Queryable, userId: string, response: RegistrationResponseJSON, site: Site, now: Date): Promise<boolean> {
  const expected = await takeChallenge(db, userId, 'register', now);
  if (!expected) return false;
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: expected,
      expectedOrigin: site.origin,
      expectedRPID: site.rpId,
      requireUserVerification: true,
    });
  } catch {
    return false;
  }
  if (!verification.verified) return false;
  const { credential } = verification.registrationInfo;
  await db.query('insert into webauthn_credentials (id, user_id, public_key, counter, transports, created_at) values ($1, $2, $3, $4, $5, $6)', [
    credential.id,
    userId,
    credential.publicKey,
    credential.counter,
    credential.transports ?? [],
    now.toISOString(),
  ]);
  return true;
}

export async function authenticationOptions(db: Queryable, userId: string, site: Site, now: Date): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const credentials = await credentialsOf(db, userId);
  const options = await generateAuthenticationOptions({
    rpID: site.rpId,
    allowCredentials: credentials.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportName[] })),
    userVerification: 'required',
  });
  await keepChallenge(db, userId, 'authenticate', options.challenge, now);
  return options;
}

type AuthenticatorTransportName = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';

/** Verifies an assertion by one of the account's credentials (and moves its signature counter); false otherwise. */
export async function verifyAuthentication(db: Queryable, userId: string, response: AuthenticationResponseJSON, site: Site, now: Date): Promise<boolean> {
  const expected = await takeChallenge(db, userId, 'authenticate', now);
  if (!expected) return false;
  const credential = (await credentialsOf(db, userId)).find((c) => c.id === response.id);
  if (!credential) return false;
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: expected,
      expectedOrigin: site.origin,
      expectedRPID: site.rpId,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(credential.public_key),
        counter: Number(credential.counter),
        transports: credential.transports as AuthenticatorTransportName[],
      },
      requireUserVerification: true,
    });
  } catch {
    return false;
  }
  if (!verification.verified) return false;
  await db.query('update webauthn_credentials set counter = $2, last_used_at = $3 where id = $1', [
    credential.id,
    verification.authenticationInfo.newCounter,
    now.toISOString(),
  ]);
  return true;
}
