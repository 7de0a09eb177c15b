/**
 * Retention of client files: organisations.retention holds, per status, the days a file is kept after it reached
 * that status — e.g. {"closed": 365, "referred": 180}; a status not named is kept. A closed file's age counts from
 * clients.closed_at (else its last change), a referred file's from its last change (updated_at). `purgeExpired`
 * deletes the files past their time (notes, documents, lookups and shares go with them), one audit entry
 * 'clients.purge' per file in the organisation's chain. The server runs it once a day (`retentionSchedule`);
 * `otkaz org purge` runs it by hand.
 */
import { z } from 'zod';
import { type AuditOptions, appendAudit } from '../audit/log.ts';
import type { Database, Queryable } from '../db/database.ts';

export const RETAINED_STATUSES = ['closed', 'referred'] as const;
export type RetainedStatus = (typeof RETAINED_STATUSES)[number];
export const RetentionSchema = z.object({ closed: z.number().int().positive().optional(), referred: z.number().int().positive().optional() }).strict();
export type Retention = z.infer<typeof RetentionSchema>;

const DAY_MS = 86_400_000;

/** Sets the days per status (a status given as null is no longer purged); returns the stored setting. */
export async function setRetention(tx: Queryable, orgId: string, change: { [K in RetainedStatus]?: number | null }): Promise<Retention> {
  const rows = await tx.query<{ retention: Record<string, number> }>('select retention from organisations where id = $1 for update', [orgId]);
  const next: Record<string, number> = { ...(rows[0]?.retention ?? {}) };
  for (const status of RETAINED_STATUSES) {
    const days = change[status];
    if (days === null) delete next[status];
    else if (days !== undefined) next[status] = days;
  }
  await tx.query('update organisations set retention = $2 where id = $1', [orgId, JSON.stringify(next)]);
  return RetentionSchema.parse(next);
}

export interface ExpiredFile {
  orgId: string;
  clientId: string;
  status: RetainedStatus;
  /** When the file reached its status (closed_at, else updated_at). */
  since: string;
}

/** The files past their organisation's retention at `now` (none of an erased organisation: it has none left). */
export async function expiredFiles(db: Queryable, now: Date): Promise<ExpiredFile[]> {
  const orgs = await db.query<{ id: string; retention: Record<string, unknown> }>(
    "select id, retention from organisations where erased_at is null and retention <> '{}'::jsonb order by id",
  );
  const out: ExpiredFile[] = [];
  for (const org of orgs) {
    const retention = RetentionSchema.safeParse(org.retention);
    if (!retention.success) continue;
    for (const status of RETAINED_STATUSES) {
      const days = retention.data[status];
      if (days === undefined) continue;
      const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
      const since = status === 'closed' ? 'coalesce(closed_at, updated_at)' : 'updated_at';
      const rows = await db.query<{ id: string; since: string }>(
        `select id, ${since} as since from clients where org_id = $1 and status = $2 and ${since} < $3 order by ${since}, id`,
        [org.id, status, cutoff],
      );
      for (const row of rows) out.push({ orgId: org.id, clientId: row.id, status, since: row.since });
    }
  }
  return out;
}

/**
 * Deletes the files past their retention, each with its audit entry, in one transaction; with `dryRun` only lists
 * them. The keyring (for the audit key) comes with the audit options.
 */
export async function purgeExpired(db: Database, audit: AuditOptions, now: Date, options: { dryRun?: boolean } = {}): Promise<ExpiredFile[]> {
  if (options.dryRun) return expiredFiles(db, now);
  return db.transaction(async (tx) => {
    const expired = await expiredFiles(tx, now);
    for (const file of expired) {
      await tx.query('delete from clients where org_id = $1 and id = $2', [file.orgId, file.clientId]);
      await appendAudit(tx, audit, {
        orgId: file.orgId,
        actor: { kind: 'system' },
        action: 'clients.purge',
        resourceType: 'client',
        resourceId: file.clientId,
        outcome: 'ok',
        ip: null,
      });
    }
    return expired;
  });
}

/**
 * The daily run of the server: `tick()` purges when a day has passed (by the injected clock) since the last run
 * (or at the first tick). The server calls tick every hour; tests call it with the clock moved.
 */
export function retentionSchedule(run: (now: Date) => Promise<unknown>, now: () => Date, everyMs = DAY_MS): { tick(): Promise<boolean> } {
  let last: number | null = null;
  let running = false;
  return {
    async tick() {
      const at = now();
      if (running || (last !== null && at.getTime() - last < everyMs)) return false;
      running = true;
      try {
        await run(at);
        last = at.getTime();
        return true;
      } finally {
        running = false;
      }
    },
  };
}
