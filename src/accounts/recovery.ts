/**
 * Recovery codes: ten random codes of 80 bits each (xxxx-xxxx-xxxx-xxxx, Crockford-like base32), shown once when
 * TOTP is confirmed, stored only as sha256 (their entropy makes a slow hash unnecessary), each usable once.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { sha256 } from './tokens.ts';

export const RECOVERY_CODES = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function newCode(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return out.replace(/(.{4})(?=.)/g, '$1-');
}

/** The typed code as stored: lower case, without spaces or dashes (i, l → 1; o → 0). */
export function normaliseCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
}

const digest = (code: string) => sha256(`otkaz-recovery:${normaliseCode(code)}`).toString('hex');

/** Replaces the account's recovery codes with new ones; returns them (the only time they exist in plaintext). */
export async function newRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, newCode);
  await db.query('delete from recovery_codes where user_id = $1', [userId]);
  for (const code of codes) await db.query('insert into recovery_codes (user_id, code_hash) values ($1, $2)', [userId, digest(code)]);
  return codes;
}

/** Uses a code: true once for each stored code, false for an unknown or used one. */
export async function useRecoveryCode(db: Queryable, userId: string, code: string, now: Date): Promise<boolean> {
  const rows = await db.query('update recovery_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning user_id', [
    userId,
    digest(code),
    now.toISOString(),
  ]);
  return rows.length === 1;
}
