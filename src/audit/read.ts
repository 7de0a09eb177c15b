/**
 * Reading the audit log: an organisation's entries, newest first, a page at a time (the keyset is the chain's seq);
 * and finding the organisation a caller names (its slug or id). Entries hold no field values (src/audit/log.ts).
 */
import type { Queryable } from '../db/database.ts';
import type { AuditOutcome } from './log.ts';

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: AuditOutcome;
  ip: string | null;
}

export interface AuditPage {
  entries: AuditRow[];
  /** The `before` of the next (older) page; null: this is the last. */
  next: number | null;
}

export interface AuditQuery {
  /** Only entries older than this seq. */
  readonly before?: number | undefined;
  readonly limit: number;
  /** Only this action (resource.verb). */
  readonly action?: string | undefined;
}

/** One chain's entries, newest first. */
export async function listAudit(db: Queryable, chain: string, query: AuditQuery): Promise<AuditPage> {
  const rows = await db.query<AuditRow>(
    `select seq, at, actor_id, actor_kind, action, resource_type, resource_id, outcome, ip
       from audit_log
      where chain = $1 and ($2::bigint is null or seq < $2) and ($3::text is null or action = $3)
      order by seq desc
      limit $4`,
    [chain, query.before ?? null, query.action ?? null, query.limit + 1],
  );
  const entries = rows.slice(0, query.limit).map((row) => ({ ...row, seq: Number(row.seq) }));
  const last = entries.at(-1);
  return { entries, next: rows.length > query.limit && last ? last.seq : null };
}

export interface OrganisationRef {
  id: string;
  slug: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation a caller names by slug or id; null when there is none. */
export async function findOrganisation(db: Queryable, ref: string): Promise<OrganisationRef | null> {
  const rows = UUID.test(ref)
    ? await db.query<OrganisationRef>('select id, slug from organisations where id = $1', [ref.toLowerCase()])
    : await db.query<OrganisationRef>('select id, slug from organisations where slug = $1', [ref]);
  return rows[0] ?? null;
}

/** The slugs of organisations by id (for naming chains; an id without a row is left out). */
export async function organisationSlugs(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<OrganisationRef>('select id, slug from organisations where id = any($1::uuid[])', [ids]);
  return new Map(rows.map((row) => [row.id, row.slug]));
}
