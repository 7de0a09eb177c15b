/**
 * Every authentication attempt — ok, failed or refused — is one audit entry, appended in its own transaction so
 * that it stays when the attempt itself fails. The entry names the account by its id when known, never the
 * e-mail typed or anything of the password or code.
 */
import type { AuditAction } from '../audit/actions.ts';
import { type AuditOptions, type AuditOutcome, appendAudit } from '../audit/log.ts';
import type { Database } from '../db/database.ts';

export async function auditAttempt(
  db: Database,
  audit: AuditOptions,
  attempt: { action: AuditAction; outcome: AuditOutcome; user: { id: string; org_id: string } | null; ip: string | null },
): Promise<void> {
  const { user } = attempt;
  await db.transaction((tx) =>
    appendAudit(tx, audit, {
      orgId: user?.org_id ?? null,
      actor: user ? { kind: 'user', userId: user.id } : { kind: 'anonymous' },
      action: attempt.action,
      ...(user ? { resourceType: 'user', resourceId: user.id } : {}),
      outcome: attempt.outcome,
      ip: attempt.ip,
    }),
  );
}
