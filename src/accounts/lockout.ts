/**
 * Account lock-out: after LOCKOUT.maxFailures failed attempts in a row (password or second factor) the account is
 * locked for LOCKOUT.lockMs; a success resets the count. Kept in the users row, so it holds across processes.
 */
import type { Queryable } from '../db/database.ts';

export const LOCKOUT = { maxFailures: 5, lockMs: 15 * 60_000 } as const;

export function isLocked(user: { locked_until: string | null }, now: Date): boolean {
  return user.locked_until !== null && new Date(user.locked_until).getTime() > now.getTime();
}

/** Counts a failure; returns whether the account is now locked. A lock that ran out starts a new count. */
export async function recordFailure(db: Queryable, userId: string, now: Date): Promise<boolean> {
  const rows = await db.query<{ failed_logins: number; locked_until: string | null }>(
    `update users set
       failed_logins = case when locked_until is not null and locked_until <= $2 then 1 else failed_logins + 1 end,
       locked_until = case
         when locked_until is not null and locked_until <= $2 then null
         when failed_logins + 1 >= $3 then $4::timestamptz
         else locked_until end
     where id = $1 returning failed_logins, locked_until`,
    [userId, now.toISOString(), LOCKOUT.maxFailures, new Date(now.getTime() + LOCKOUT.lockMs).toISOString()],
  );
  const row = rows[0];
  return row ? isLocked(row, now) : false;
}

export async function resetFailures(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set failed_logins = 0, locked_until = null where id = $1', [userId]);
}
