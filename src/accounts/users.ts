/**
 * Members of an organisation. An account is created with a random one-time password (shown once to its creator,
 * stored only as an Argon2id hash) that must be changed at first sign-in; there are no default accounts.
 * Disabling an account or changing its password ends every session of it (sessions_valid_after, and each open
 * session is marked ended).
 */
import { randomUUID } from 'node:crypto';
import { type AuditActor, type AuditOptions, appendAudit } from '../audit/log.ts';
import type { Database, Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { hashPassword, oneTimePassword } from './passwords.ts';
import { endUserSessions } from './sessions.ts';

export interface User {
  id: string;
  org_id: string;
  email: string;
  role: string;
  must_change_password: boolean;
  totp_confirmed_at: string | null;
  disabled_at: string | null;
  created_at: string;
}

/** What sign-in reads of an account (never sent to a client as such). */
export interface Credentials extends User {
  password_hash: string | null;
  totp_secret: Uint8Array | null;
  failed_logins: number;
  locked_until: string | null;
  sessions_valid_after: string;
}

const PUBLIC = 'id, org_id, email, role, must_change_password, totp_confirmed_at, disabled_at, created_at';

export async function createUser(
  db: Database,
  audit: AuditOptions,
  actor: AuditActor,
  input: { orgId: string; email: string; role: string; now: Date; ip?: string | null },
): Promise<{ user: User; oneTimePassword: string }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const user = await db.transaction(async (tx) => {
    // Unique within the organisation only: whether the e-mail has an account in another organisation is not
    // this organisation's business (migration 012).
    const taken = await tx.query('select 1 from users where org_id = $1 and email = $2', [input.orgId, input.email]);
    if (taken.length) throw new OtkazError(ErrorCode.Conflict, 'this organisation has an account with this e-mail already', { where: 'email' });
    const at = input.now.toISOString();
    const rows = await tx.query<User>(
      `insert into users (id, org_id, email, role, password_hash, must_change_password, sessions_valid_after, created_at)
       values ($1, $2, $3, $4, $5, true, $6, $6) returning ${PUBLIC}`,
      [id, input.orgId, input.email, input.role, passwordHash, at],
    );
    await appendAudit(tx, audit, {
      orgId: input.orgId,
      actor,
      action: 'user.create',
      resourceType: 'user',
      resourceId: id,
      outcome: 'ok',
      ip: input.ip ?? null,
    });
    return rows[0];
  });
  if (!user) throw new Error('internal error: the new account was not returned');
  return { user, oneTimePassword: password };
}

export async function listUsers(db: Queryable, orgId: string): Promise<User[]> {
  return db.query<User>(`select ${PUBLIC} from users where org_id = $1 order by email`, [orgId]);
}

export async function userById(db: Queryable, id: string): Promise<User | null> {
  const rows = await db.query<User>(`select ${PUBLIC} from users where id = $1`, [id]);
  return rows[0] ?? null;
}

/**
 * The account with this e-mail in the organisation given by slug, or — without one — the only account with this
 * e-mail on the server. An e-mail in several organisations without an organisation finds none (the caller answers
 * as for an unknown account).
 */
export async function credentialsByEmail(db: Queryable, email: string, orgSlug?: string): Promise<Credentials | null> {
  const rows =
    orgSlug === undefined
      ? await db.query<Credentials>('select * from users where email = $1 limit 2', [email])
      : await db.query<Credentials>('select u.* from users u join organisations o on o.id = u.org_id where u.email = $1 and o.slug = $2', [email, orgSlug]);
  return rows.length === 1 ? (rows[0] ?? null) : null;
}

export async function credentialsById(db: Queryable, id: string): Promise<Credentials | null> {
  const rows = await db.query<Credentials>('select * from users where id = $1', [id]);
  return rows[0] ?? null;
}

/** Disables an account of the organisation and ends its sessions; a user of another organisation is "not found". */
export async function disableUser(
  db: Database,
  audit: AuditOptions,
  actor: AuditActor,
  orgId: string,
  userId: string,
  now: Date,
  ip: string | null = null,
): Promise<User> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<User>(
      `update users set disabled_at = coalesce(disabled_at, $3), sessions_valid_after = $3 where id = $1 and org_id = $2 returning ${PUBLIC}`,
      [userId, orgId, now.toISOString()],
    );
    const user = rows[0];
    if (!user) throw new OtkazError(ErrorCode.InputNotFound, 'no such user in this organisation', { where: 'id' });
    await endUserSessions(tx, userId, now);
    await appendAudit(tx, audit, { orgId, actor, action: 'user.disable', resourceType: 'user', resourceId: userId, outcome: 'ok', ip });
    return user;
  });
}

/**
 * Gives an account a new one-time password (a forgotten password, a member imported from an export): the old one
 * stops working, every session ends, a lock-out is lifted, and the first sign-in must change it.
 */
export async function resetPassword(
  db: Database,
  audit: AuditOptions,
  actor: AuditActor,
  orgId: string,
  userId: string,
  now: Date,
  ip: string | null = null,
): Promise<{ user: User; oneTimePassword: string }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const user = await db.transaction(async (tx) => {
    const rows = await tx.query<User>(
      `update users set password_hash = $3, must_change_password = true, sessions_valid_after = $4, failed_logins = 0, locked_until = null
        where id = $1 and org_id = $2 and disabled_at is null returning ${PUBLIC}`,
      [userId, orgId, passwordHash, now.toISOString()],
    );
    const row = rows[0];
    if (!row) throw new OtkazError(ErrorCode.InputNotFound, 'no such active user in this organisation', { where: 'id' });
    await endUserSessions(tx, userId, now);
    await appendAudit(tx, audit, { orgId, actor, action: 'user.reset_password', resourceType: 'user', resourceId: userId, outcome: 'ok', ip });
    return row;
  });
  return { user, oneTimePassword: password };
}

/** Sets a new password hash, clears the must-change flag and ends every session of the account. */
export async function setPasswordHash(tx: Queryable, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.query('update users set password_hash = $2, must_change_password = false, sessions_valid_after = $3 where id = $1', [
    userId,
    passwordHash,
    now.toISOString(),
  ]);
  await endUserSessions(tx, userId, now);
}

/** The languages a member can read the app, and its e-mails, in. */
export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** The member's language (reminder e-mails, calendar entries); 'en' until the member picks one in the app. */
export async function memberLocale(db: Queryable, orgId: string, userId: string): Promise<Locale> {
  const rows = await db.query<{ locale: Locale }>('select locale from users where org_id = $1 and id = $2', [orgId, userId]);
  return rows[0]?.locale ?? 'en';
}

export async function setMemberLocale(db: Queryable, orgId: string, userId: string, locale: Locale): Promise<void> {
  await db.query('update users set locale = $3 where org_id = $1 and id = $2', [orgId, userId, locale]);
}
