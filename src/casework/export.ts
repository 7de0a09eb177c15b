/**
 * Exporting an organisation: every client record, note and document (with its bytes, decrypted), application and
 * checklist mark, the shares and referral rows, the organisation's settings (sign-in, retention, whether it shares
 * anonymised statistics) and its members — never password hashes, TOTP secrets, recovery codes,
 * passkeys or sessions — as the entries of one archive (src/casework/archive.ts, docs/casework-export.md).
 */
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { listApplications } from './applications.ts';
import type { Entry, Manifest } from './archive.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive.ts';
import { listMarks } from './checklist-marks.ts';
import { type ClientRow, openRecord } from './clients.ts';
import { listDocuments, readDocument } from './documents.ts';
import type { Keyring } from './keyring.ts';
import { listNotes } from './notes.ts';

export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  require_totp: boolean;
  require_passkey_for_admins: boolean;
  retention: Record<string, number>;
  /** Counted in anonymised statistics releases (docs/disclosure.md); its administrators' choice, off by default. */
  share_statistics: boolean;
  synthetic: boolean;
  created_at: string;
}

/** Reads the whole organisation into archive entries (call inside a transaction, so the copy is consistent). */
export async function collectOrganisation(db: Queryable, keyring: Keyring, org: OrganisationRow, now: Date): Promise<{ manifest: Manifest; entries: Entry[] }> {
  const entries: Entry[] = [];
  const members = await db.query<{ id: string; email: string; role: string; created_at: string; disabled_at: string | null }>(
    'select id, email, role, created_at, disabled_at from users where org_id = $1 order by created_at, id',
    [org.id],
  );
  for (const m of members) {
    entries.push({
      type: 'member',
      id: m.id,
      email: m.email,
      role: m.role as Extract<Entry, { type: 'member' }>['role'],
      createdAt: m.created_at,
      disabledAt: m.disabled_at,
    });
  }
  const clients = await db.query<ClientRow>(
    'select id, org_id, status, record, revision, synthetic, created_by, created_at, updated_at, closed_at from clients where org_id = $1 order by created_at, id',
    [org.id],
  );
  const notes: Entry[] = [];
  const applications: Entry[] = [];
  const marks: Entry[] = [];
  const documents: Entry[] = [];
  for (const c of clients) {
    entries.push({
      type: 'client',
      id: c.id,
      status: c.status,
      revision: c.revision,
      synthetic: c.synthetic,
      createdBy: c.created_by,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      closedAt: c.closed_at,
      record: await openRecord(db, keyring, org.id, c.id, c.record),
    });
    for (const n of await listNotes(db, keyring, org.id, c.id)) {
      const body = { kind: n.kind, text: n.text, ...(n.occurredOn ? { occurredOn: n.occurredOn } : {}) };
      notes.push({ type: 'note', id: n.id, clientId: c.id, authorId: n.authorId, createdAt: n.createdAt, body });
    }
    for (const { id, revision, createdAt, updatedAt, ...body } of await listApplications(db, keyring, org.id, c.id))
      applications.push({ type: 'application', id, clientId: c.id, revision, createdAt, updatedAt, body });
    for (const { id, revision, markedBy, createdAt, updatedAt, ...body } of await listMarks(db, keyring, org.id, c.id))
      marks.push({ type: 'checklist_mark', id, clientId: c.id, markedBy, revision, createdAt, updatedAt, body });
    for (const d of await listDocuments(db, keyring, org.id, c.id)) {
      const { meta, bytes } = await readDocument(db, keyring, org.id, c.id, d.id);
      documents.push({
        type: 'document',
        id: d.id,
        clientId: c.id,
        uploadedBy: d.uploadedBy,
        uploadedAt: d.uploadedAt,
        meta,
        contentBase64: Buffer.from(bytes).toString('base64'),
      });
    }
  }
  entries.push(...notes, ...documents, ...applications, ...marks);
  const shares = await db.query<{ client_id: string; user_id: string; granted_by: string | null; granted_at: string }>(
    'select client_id, user_id, granted_by, granted_at from client_shares where org_id = $1 order by granted_at, client_id, user_id',
    [org.id],
  );
  for (const s of shares) entries.push({ type: 'share', clientId: s.client_id, userId: s.user_id, grantedBy: s.granted_by, grantedAt: s.granted_at });
  const referrals = await db.query<{
    id: string;
    from_org: string;
    to_org: string;
    from_client: string | null;
    to_client: string | null;
    referred_by: string | null;
    referred_at: string;
    other_slug: string | null;
  }>(
    `select r.id, r.from_org, r.to_org, r.from_client, r.to_client, r.referred_by, r.referred_at, o.slug as other_slug
       from referrals r left join organisations o on o.id = case when r.from_org = $1 then r.to_org else r.from_org end
      where r.from_org = $1 or r.to_org = $1 order by r.referred_at, r.id`,
    [org.id],
  );
  for (const r of referrals) {
    const sent = r.from_org === org.id;
    entries.push({
      type: 'referral',
      id: r.id,
      direction: sent ? 'sent' : 'received',
      otherOrgId: sent ? r.to_org : r.from_org,
      otherOrgSlug: r.other_slug,
      clientId: sent ? r.from_client : r.to_client,
      otherClientId: sent ? r.to_client : r.from_client,
      referredBy: r.referred_by,
      referredAt: r.referred_at,
    });
  }
  const count = (type: Entry['type']) => entries.filter((e) => e.type === type).length;
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now.toISOString(),
    organisation: {
      id: org.id,
      slug: org.slug,
      name: org.name,
      requireTotp: org.require_totp,
      requirePasskeyForAdmins: org.require_passkey_for_admins,
      retention: org.retention,
      shareStatistics: org.share_statistics,
      synthetic: org.synthetic,
      createdAt: org.created_at,
    },
    counts: {
      members: count('member'),
      clients: count('client'),
      notes: count('note'),
      applications: count('application'),
      checklistMarks: count('checklist_mark'),
      documents: count('document'),
      shares: count('share'),
      referrals: count('referral'),
    },
  };
  return { manifest, entries };
}

/** The organisation's row (also an erased one, for the command line), by slug or id. */
export async function organisationRow(db: Queryable, ref: string, where: string): Promise<OrganisationRow & { erased_at: string | null }> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const rows = await db.query<OrganisationRow & { erased_at: string | null }>(
    `select id, slug, name, require_totp, require_passkey_for_admins, retention, share_statistics, synthetic, created_at, erased_at from organisations where ${byId ? 'id = $1' : 'slug = $1'}`,
    [ref],
  );
  const row = rows[0];
  if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no organisation '${ref}'`, { where });
  if (row.erased_at) throw new OtkazError(ErrorCode.InputNotFound, `the organisation '${row.slug}' was erased on ${row.erased_at}`, { where });
  return row;
}
