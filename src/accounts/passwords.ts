/**
 * Passwords: Argon2id (RFC 9106) through @node-rs/argon2, stored as PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`),
 * so a hash names its own parameters and old hashes keep verifying after the parameters change.
 *
 * Parameters (PASSWORD_PARAMS): 64 MiB of memory, 5 passes, 1 lane — above the RFC 9106 "second recommended" option
 * (64 MiB, t=3) and OWASP's minimums; measured at ≈ 125 ms per hash on the development machine (2 cores), inside
 * the 100–300 ms aim of issue #13. `npm run bench:argon2` measures it (BENCHMARKS.md). Only tests and the benchmark
 * pass other parameters (test fixtures through usePasswordParamsForTests); every production caller uses the defaults.
 */
import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { ErrorCode, OtkazError } from '../shared/errors.ts';

export interface PasswordParams {
  /** KiB */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

export const PASSWORD_PARAMS: PasswordParams = { memoryCost: 65_536, timeCost: 5, parallelism: 1 };

const ARGON2ID: Algorithm = 2;

/** The parameters of new hashes: PASSWORD_PARAMS unless a test fixture chose cheaper ones. */
let inForce: PasswordParams = PASSWORD_PARAMS;
/** The unknown-account dummy hash (verifyNothing), made when first needed. */
let dummy: Promise<string> | null = null;

/**
 * For test fixtures only: new hashes made in this process (accounts created, passwords changed, the unknown-account
 * dummy) use `params`, so that suites which sign in many times do not spend seconds in Argon2. No setting reaches it
 * and nothing in src/ calls it (test/shared/layering.test.ts checks); verification reads the parameters from the
 * hash, so it is unchanged. The tests of this module run without it.
 */
export function usePasswordParamsForTests(params: PasswordParams): void {
  inForce = params;
  dummy = null;
}

/** A password's bounds: long enough to resist guessing, short enough that hashing it is no denial of service. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export async function hashPassword(password: string, params: PasswordParams = inForce): Promise<string> {
  return hash(password, { ...params, algorithm: ARGON2ID });
}

/** Whether `password` matches the PHC string; a malformed stored hash is a refusal, never a crash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/**
 * The work of a verification without an account: an unknown e-mail costs the same time as a wrong password, so
 * timing does not tell which accounts exist.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(await dummy, password);
  return false;
}

/** A random one-time password (120 bits), shown once to whoever creates the account. */
export function oneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Checks a new password's length (the rest is the user's: no composition rules, per NIST SP 800-63B). */
export function checkNewPassword(password: string, current: string | null): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    throw new OtkazError(ErrorCode.InputInvalid, `the new password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters long`, { where: 'next' });
  if (current !== null && password === current)
    throw new OtkazError(ErrorCode.InputInvalid, 'the new password must differ from the current one', { where: 'next' });
}
