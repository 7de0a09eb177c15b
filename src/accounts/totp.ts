/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s, ±1 step of clock drift) through otpauth. The secret is
 * stored only sealed under the installation's system key 'totp', bound to users.totp_secret.<user id>, so it
 * cannot be read from a copy of the database nor moved to another account.
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Keyring } from '../casework/keyring.ts';
import { openText, sealText } from '../crypto/aead.ts';
import type { Queryable } from '../db/database.ts';

const ISSUER = 'otkaz';
const binding = (userId: string) => ({ scope: 'system', table: 'users', column: 'totp_secret', row: userId });

function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** A new secret for the account, stored sealed (unconfirmed until a code of it is given). */
export async function enrolTotp(db: Queryable, keyring: Keyring, user: { id: string; email: string }): Promise<Enrolment> {
  const secret = new Secret({ size: 20 }).base32;
  const { version, key } = await keyring.systemKey(db, 'totp');
  await db.query('update users set totp_secret = $2, totp_confirmed_at = null where id = $1', [user.id, sealText(key, version, binding(user.id), secret)]);
  const uri = totpOf(secret, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/** Whether `code` is the account's current TOTP code (false when it has no secret). */
export async function checkTotp(
  db: Queryable,
  keyring: Keyring,
  user: { id: string; totp_secret: Uint8Array | null },
  code: string,
  now: Date,
): Promise<boolean> {
  if (!user.totp_secret || !/^\d{6}$/.test(code)) return false;
  const { key } = await keyring.systemKey(db, 'totp');
  const secret = openText(key, binding(user.id), user.totp_secret);
  const totp = totpOf(secret, user.id);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return false;
  // One use per time step: the step is claimed atomically, so a replayed code (or an older one) is refused.
  const step = Math.floor(now.getTime() / 1000 / totp.period) + delta;
  const claimed = await db.query('update users set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2) returning id', [
    user.id,
    step,
  ]);
  return claimed.length === 1;
}

export async function confirmTotp(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.query('update users set totp_confirmed_at = $2 where id = $1', [userId, now.toISOString()]);
}
