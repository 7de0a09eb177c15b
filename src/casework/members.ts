/** Members as the case files see them: who a user is (for `--as` on the command line), who may be shared with. */
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { MemberRole } from '../shared/roles.ts';

export interface Member {
  id: string;
  orgId: string;
  email: string;
  role: MemberRole;
  disabled: boolean;
}

/**
 * A member by e-mail or id; a disabled or unknown account is refused. An e-mail is unique within an organisation
 * only: when it is in several, `orgId` says which (`--org`).
 */
export async function memberByLogin(db: Queryable, login: string, orgId?: string): Promise<Member> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(login);
  const params = orgId === undefined ? [login] : [login, orgId];
  const rows = await db.query<{ id: string; org_id: string; email: string; role: MemberRole; disabled_at: string | null }>(
    `select id, org_id, email, role, disabled_at from users where ${byId ? 'id = $1' : 'email = lower($1)'}${orgId === undefined ? '' : ' and org_id = $2'}`,
    params,
  );
  if (rows.length > 1) throw new OtkazError(ErrorCode.Usage, 'this e-mail has accounts in several organisations: name one with --org', { where: '--as' });
  const row = rows[0];
  if (!row)
    throw new OtkazError(ErrorCode.InputNotFound, orgId === undefined ? 'no such member' : 'no such member in the organisation named by --org', {
      where: '--as',
    });
  if (row.disabled_at) throw new OtkazError(ErrorCode.AuthLocked, 'this account is disabled', { where: '--as' });
  return { id: row.id, orgId: row.org_id, email: row.email, role: row.role, disabled: false };
}

/** An organisation by slug or id. */
export async function organisationId(db: Queryable, ref: string, where = '--org'): Promise<{ id: string; slug: string; name: string }> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const rows = await db.query<{ id: string; slug: string; name: string }>(
    `select id, slug, name from organisations where ${byId ? 'id = $1' : 'slug = $1'} and erased_at is null`,
    [ref],
  );
  const row = rows[0];
  if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no organisation '${ref}'`, { where });
  return row;
}

/** The e-mails of an organisation's members by id (who marked a checklist item, wrote a note…); unknown ids left out. */
export async function memberEmails(db: Queryable, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db.query<{ id: string; email: string }>('select id, email from users where org_id = $1 and id = any($2::uuid[])', [orgId, wanted]);
  return new Map(rows.map((r) => [r.id, r.email]));
}
