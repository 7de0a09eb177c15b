/**
 * Server-side sessions. The cookie carries a random 256-bit token; the sessions row keeps only its sha256 (a copy
 * of the database opens no session), the session's CSRF token, the factor given so far, and its times. A session
 * ends at sign-out, after SESSION_LIMITS.idleMs without a request, SESSION_LIMITS.absoluteMs after sign-in, and
 * when its account is disabled or its password changes (sessions_valid_after, and the rows are marked ended).
 * Every check takes the clock as an argument: tests move time instead of sleeping.
 */
import type { Queryable } from '../db/database.ts';
import { randomToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'otkaz_session';
export const SESSION_LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 } as const;

export type Factor = 'password' | 'totp' | 'recovery' | 'passkey';

/** A live session with what the request pipeline needs of its account and organisation. */
export interface LiveSession {
  /** hex of the token's sha256: the session's id (never the token) */
  id: string;
  userId: string;
  orgId: string;
  role: string;
  csrfToken: string;
  factor: Factor;
  mustChangePassword: boolean;
  totpConfirmed: boolean;
  requireTotp: boolean;
  requirePasskeyForAdmins: boolean;
}

export async function createSession(
  db: Queryable,
  user: { id: string; org_id: string },
  factor: Factor,
  now: Date,
  /** Kept from the session this one replaces (the page holding it carries on). */
  keepCsrfToken?: string,
): Promise<{ token: string; csrfToken: string; id: string }> {
  const token = randomToken();
  const csrfToken = keepCsrfToken ?? randomToken();
  const hash = sha256(token);
  const at = now.toISOString();
  await db.query('insert into sessions (token_hash, user_id, org_id, csrf_token, factor, created_at, last_seen_at) values ($1, $2, $3, $4, $5, $6, $6)', [
    hash,
    user.id,
    user.org_id,
    csrfToken,
    factor,
    at,
  ]);
  return { token, csrfToken, id: hash.toString('hex') };
}

interface SessionRow {
  user_id: string;
  org_id: string;
  role: string;
  csrf_token: string;
  factor: Factor;
  must_change_password: boolean;
  totp_confirmed_at: string | null;
  require_totp: boolean;
  require_passkey_for_admins: boolean;
}

/** A session's last-seen time is written at most this often (each request reads it; few write it). */
export const TOUCH_MS = 30_000;

/**
 * The live session of a cookie token, its last-seen time moved to `now` when it is more than TOUCH_MS old; null
 * when there is none (unknown, ended, timed out, account disabled or its sessions voided, organisation erased) — an
 * expired one is ended here. The idle time-out therefore counts from a moment at most TOUCH_MS before the last
 * request: a session may end up to 30 s early, never late.
 */
export async function resolveSession(db: Queryable, token: string, now: Date): Promise<LiveSession | null> {
  const hash = sha256(token);
  const at = now.toISOString();
  const idleSince = new Date(now.getTime() - SESSION_LIMITS.idleMs).toISOString();
  const createdSince = new Date(now.getTime() - SESSION_LIMITS.absoluteMs).toISOString();
  const rows = await db.query<SessionRow & { last_seen_at: string }>(
    `select s.user_id, s.org_id, u.role, s.csrf_token, s.factor, u.must_change_password, u.totp_confirmed_at,
            o.require_totp, o.require_passkey_for_admins, s.last_seen_at
       from sessions s join users u on u.id = s.user_id join organisations o on o.id = s.org_id
      where s.token_hash = $1
        and s.ended_at is null and s.last_seen_at > $2 and s.created_at > $3
        and s.created_at >= u.sessions_valid_after and u.disabled_at is null and o.erased_at is null`,
    [hash, idleSince, createdSince],
  );
  const row = rows[0];
  if (!row) {
    await db.query('update sessions set ended_at = $2 where token_hash = $1 and ended_at is null', [hash, at]);
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_MS)
    await db.query('update sessions set last_seen_at = $2 where token_hash = $1 and last_seen_at < $2', [hash, at]);
  return {
    id: hash.toString('hex'),
    userId: row.user_id,
    orgId: row.org_id,
    role: row.role,
    csrfToken: row.csrf_token,
    factor: row.factor,
    mustChangePassword: row.must_change_password,
    totpConfirmed: row.totp_confirmed_at !== null,
    requireTotp: row.require_totp,
    requirePasskeyForAdmins: row.require_passkey_for_admins,
  };
}

/** An open session by its id (the actor's sessionId): its CSRF token and factor. */
export async function sessionById(db: Queryable, sessionId: string): Promise<{ csrfToken: string; factor: Factor } | null> {
  const rows = await db.query<{ csrf_token: string; factor: Factor }>('select csrf_token, factor from sessions where token_hash = $1 and ended_at is null', [
    Buffer.from(sessionId, 'hex'),
  ]);
  const row = rows[0];
  return row ? { csrfToken: row.csrf_token, factor: row.factor } : null;
}

export async function setFactor(db: Queryable, sessionId: string, factor: Factor): Promise<void> {
  await db.query('update sessions set factor = $2 where token_hash = $1 and ended_at is null', [Buffer.from(sessionId, 'hex'), factor]);
}

export async function endSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query('update sessions set ended_at = $2 where token_hash = $1 and ended_at is null', [Buffer.from(sessionId, 'hex'), now.toISOString()]);
}

export async function endUserSessions(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.query('update sessions set ended_at = $2 where user_id = $1 and ended_at is null', [userId, now.toISOString()]);
}
