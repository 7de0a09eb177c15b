/**
 * The sign-in steps: password (→ a session with factor 'password'), then what the organisation requires
 * (src/accounts/factors.ts): a changed one-time password, TOTP enrolment or a TOTP code, a recovery code, or a
 * passkey. Each attempt is rate-limited per address (src/accounts/rate-limit.ts), counts toward the account's
 * lock-out when it fails (src/accounts/lockout.ts), and is audited whatever its outcome (src/accounts/attempts.ts).
 * At the password step an unknown account, a wrong password and a locked account get the same answer (status,
 * code, text) and cost the same time (one Argon2id verification each): neither whether an e-mail has an account
 * nor whether it is locked is told to someone without its password — a lock that answered differently would tell
 * who exists, and one that answered differently to the right password would undo itself. A disabled account is
 * told so only to the right password. Past the password step (second factor, password change) the caller has
 * shown the password, and a lock is named.
 */
import type { AuditAction } from '../audit/actions.ts';
import type { AuditOptions } from '../audit/log.ts';
import type { Keyring } from '../casework/keyring.ts';
import type { Database } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { auditAttempt } from './attempts.ts';
import { type FactorFacts, type Next, nextStep } from './factors.ts';
import { isLocked, LOCKOUT, recordFailure, resetFailures } from './lockout.ts';
import { type Organisation, organisationById } from './orgs.ts';
import { checkNewPassword, hashPassword, verifyNothing, verifyPassword } from './passwords.ts';
import { limiterFor } from './rate-limit.ts';
import { createSession, endSession, type Factor } from './sessions.ts';
import { type Credentials, credentialsByEmail, credentialsById, setPasswordHash } from './users.ts';

export interface AuthServices {
  readonly keyring: Keyring;
  readonly audit: AuditOptions;
  readonly now: () => Date;
  readonly ip: string | null;
}

const FAILED = `wrong e-mail or password (an account waits ${LOCKOUT.lockMs / 60_000} minutes after ${LOCKOUT.maxFailures} failed attempts; if your e-mail is in several organisations, give the organisation too)`;

/** Where a sign-in stands, as the client is told. */
export interface SignInState {
  next: Next;
  csrfToken: string;
  user: { id: string; email: string; role: string; org: { id: string; slug: string; name: string } };
}

/** A sign-in state with a new session: the route sets its token as the cookie. */
export interface NewSession {
  state: SignInState;
  token: string;
}

function facts(user: Credentials, org: Organisation, hasTotp = user.totp_confirmed_at !== null): FactorFacts {
  return {
    role: user.role,
    mustChangePassword: user.must_change_password,
    totpConfirmed: hasTotp,
    requireTotp: org.require_totp,
    requirePasskeyForAdmins: org.require_passkey_for_admins,
  };
}

function stateOf(user: Credentials, org: Organisation, factor: Factor, csrfToken: string): SignInState {
  return {
    next: nextStep(facts(user, org), factor),
    csrfToken,
    user: { id: user.id, email: user.email, role: user.role, org: { id: org.id, slug: org.slug, name: org.name } },
  };
}

/** Refuses an attempt over the address's rate limit (audited as refused). */
async function throttle(db: Database, services: AuthServices, action: AuditAction, user: Credentials | null): Promise<void> {
  const address = services.ip ?? 'local';
  const limiter = limiterFor(db);
  if (limiter.take(address, services.now())) return;
  await auditAttempt(db, services.audit, { action, outcome: 'refused', user, ip: services.ip });
  throw new OtkazError(ErrorCode.AuthThrottled, `too many sign-in attempts from this address; try again in ${limiter.retryAfter(address, services.now())} s`);
}

/** Refuses a disabled or locked account (audited as refused). */
async function refuseBlocked(db: Database, services: AuthServices, action: AuditAction, user: Credentials): Promise<void> {
  if (user.disabled_at === null && !isLocked(user, services.now())) return;
  await auditAttempt(db, services.audit, { action, outcome: 'refused', user, ip: services.ip });
  throw user.disabled_at !== null
    ? new OtkazError(ErrorCode.AuthLocked, 'this account is disabled; ask an administrator of your organisation')
    : new OtkazError(ErrorCode.AuthLocked, `this account is locked after ${LOCKOUT.maxFailures} failed attempts; try again later`);
}

/** A failed attempt of a known account: counted toward its lock-out, audited, refused. */
async function fail(db: Database, services: AuthServices, action: AuditAction, user: Credentials, message: string): Promise<never> {
  const locked = await recordFailure(db, user.id, services.now());
  await auditAttempt(db, services.audit, { action, outcome: 'failed', user, ip: services.ip });
  if (locked) throw new OtkazError(ErrorCode.AuthLocked, `this account is now locked after ${LOCKOUT.maxFailures} failed attempts; try again later`);
  throw new OtkazError(ErrorCode.AuthFailed, message);
}

export async function login(db: Database, services: AuthServices, email: string, password: string, orgSlug?: string): Promise<NewSession> {
  const action = 'auth.login';
  const user = await credentialsByEmail(db, email.trim().toLowerCase(), orgSlug?.trim().toLowerCase());
  await throttle(db, services, action, user);
  if (!user || user.password_hash === null) {
    await verifyNothing(password);
    await auditAttempt(db, services.audit, { action, outcome: 'failed', user: null, ip: services.ip });
    throw new OtkazError(ErrorCode.AuthFailed, FAILED);
  }
  if (isLocked(user, services.now())) {
    await verifyNothing(password);
    await auditAttempt(db, services.audit, { action, outcome: 'refused', user, ip: services.ip });
    throw new OtkazError(ErrorCode.AuthFailed, FAILED);
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    await recordFailure(db, user.id, services.now());
    await auditAttempt(db, services.audit, { action, outcome: 'failed', user, ip: services.ip });
    throw new OtkazError(ErrorCode.AuthFailed, FAILED);
  }
  await refuseBlocked(db, services, action, user);
  const org = await organisationById(db, user.org_id);
  const session = await createSession(db, user, 'password', services.now());
  await resetFailures(db, user.id);
  await auditAttempt(db, services.audit, { action, outcome: 'ok', user, ip: services.ip });
  return { state: stateOf(user, org, 'password', session.csrfToken), token: session.token };
}

/** The state of an existing session (GET /api/v1/auth/session, and after a second factor). */
export async function sessionState(db: Database, userId: string, factor: Factor, csrfToken: string): Promise<SignInState> {
  const user = await credentialsById(db, userId);
  if (!user) throw new OtkazError(ErrorCode.AuthRequired, 'the session’s account is gone');
  return stateOf(user, await organisationById(db, user.org_id), factor, csrfToken);
}

/**
 * Changes the password (the current one is asked again) and ends every session of the account; the caller gets
 * a new session with the factor it had, so it carries on where it was.
 */
export async function changePassword(
  db: Database,
  services: AuthServices,
  session: { id: string; userId: string; factor: Factor; verified: boolean },
  current: string,
  next: string,
): Promise<NewSession> {
  const action = 'auth.password';
  const user = await credentialsById(db, session.userId);
  if (!user || user.password_hash === null) throw new OtkazError(ErrorCode.AuthRequired, 'the session’s account is gone');
  await throttle(db, services, action, user);
  await refuseBlocked(db, services, action, user);
  // Without the second factor only a one-time password may be changed: the password alone must not let anyone
  // shut the account's owner out.
  if (!session.verified && !user.must_change_password) {
    await auditAttempt(db, services.audit, { action, outcome: 'refused', user, ip: services.ip });
    throw new OtkazError(ErrorCode.AccessDenied, 'give the second factor first (POST /api/v1/auth/totp or a passkey)');
  }
  if (!(await verifyPassword(user.password_hash, current))) return fail(db, services, action, user, 'the current password is wrong');
  checkNewPassword(next, current);
  const hash = await hashPassword(next);
  const now = services.now();
  const created = await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, hash, now);
    return createSession(tx, user, session.factor, now);
  });
  await resetFailures(db, user.id);
  await auditAttempt(db, services.audit, { action, outcome: 'ok', user, ip: services.ip });
  const changed = { ...user, must_change_password: false };
  return { state: stateOf(changed, await organisationById(db, user.org_id), session.factor, created.csrfToken), token: created.token };
}

/**
 * A second-factor attempt on the session: `check` says whether the factor was given. Rate-limited, lock-out
 * counted, audited; on success the session's factor becomes `factor`.
 */
export async function secondFactor(
  db: Database,
  services: AuthServices,
  session: { id: string; userId: string; csrfToken: string },
  action: AuditAction,
  factor: Factor,
  check: (user: Credentials) => Promise<boolean>,
): Promise<SignInState & { token: string }> {
  const user = await credentialsById(db, session.userId);
  if (!user) throw new OtkazError(ErrorCode.AuthRequired, 'the session’s account is gone');
  await throttle(db, services, action, user);
  await refuseBlocked(db, services, action, user);
  if (!(await check(user))) return fail(db, services, action, user, 'the code or key was not accepted');
  // A new session token once the factor is given (the half-signed-in token, which may have been seen, ends here).
  const created = await db.transaction(async (tx) => {
    await endSession(tx, session.id, services.now());
    return createSession(tx, user, factor, services.now(), session.csrfToken);
  });
  await resetFailures(db, user.id);
  await auditAttempt(db, services.audit, { action, outcome: 'ok', user, ip: services.ip });
  return { ...(await sessionState(db, user.id, factor, created.csrfToken)), token: created.token };
}

export async function logout(db: Database, services: AuthServices, session: { id: string; userId: string; orgId: string }): Promise<void> {
  await endSession(db, session.id, services.now());
  await auditAttempt(db, services.audit, { action: 'auth.logout', outcome: 'ok', user: { id: session.userId, org_id: session.orgId }, ip: services.ip });
}
