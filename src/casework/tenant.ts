/**
 * The second wall (migration 010): a case-file transaction runs as the role otkaz_member with otkaz.org_id set to
 * the actor's organisation, so row-level security hides every other organisation's rows even from a query that
 * forgot its WHERE clause. Where the database would not let the installation create or take the role (a managed
 * PostgreSQL without CREATEROLE), the data layer's own scoping is the wall left, and `tenantWall` says so.
 */
import type { Queryable } from '../db/database.ts';

const usable = new WeakMap<object, Promise<boolean>>();

/**
 * Whether this database lets the session take the otkaz_member role (checked once per database, through `via` —
 * the open transaction, since the embedded engine has one connection and a query beside it would wait for it).
 */
export function tenantWall(db: Queryable, via: Queryable = db): Promise<boolean> {
  let known = usable.get(db);
  if (!known) {
    known = via
      .query<{ ok: boolean }>(
        "select exists (select 1 from pg_roles where rolname = 'otkaz_member') and pg_has_role(current_user, 'otkaz_member', 'member') as ok",
      )
      .then((rows) => rows[0]?.ok === true)
      .catch(() => false);
    usable.set(db, known);
  }
  return known;
}

/** Enters organisation `orgId`'s wall for the rest of the transaction `tx` (or switches to another organisation's). */
export async function enterTenant(db: Queryable, tx: Queryable, orgId: string): Promise<void> {
  // One statement: the organisation, and the role when the database has it (set_config('role', …, true) is SET LOCAL
  // ROLE, checked the same way).
  if (await tenantWall(db, tx)) await tx.query("select set_config('otkaz.org_id', $1, true), set_config('role', 'otkaz_member', true)", [orgId]);
  else await tx.query("select set_config('otkaz.org_id', $1, true)", [orgId]);
}
