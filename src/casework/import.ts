/**
 * Importing an organisation from its export archive (src/casework/archive.ts) into a server where it does not
 * exist. Decisions (docs/casework-export.md):
 *  - the organisation gets a NEW id and a NEW data key: every record, note and document is sealed afresh (the
 *    organisation's id is part of every ciphertext's associated data) and the blind indexes are rebuilt;
 *  - client files, notes and documents KEEP their ids, so links to them (referrals, references kept outside) survive;
 *  - the settings come along: sign-in requirements, retention, and whether it shares anonymised statistics;
 *  - members are re-created with new ids, without passwords, second factors or sessions: each must be given a new
 *    password before signing in;
 *  - a referral row is kept only where the other organisation exists on this server (matched by id);
 *  - all in the caller's one transaction: a bad archive, a taken slug, an e-mail or client id already in use
 *    imports nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { storeApplication } from './applications.ts';
import type { Entry, Manifest } from './archive.ts';
import { storeMark } from './checklist-marks.ts';
import { sealRecord, writeLookups } from './clients.ts';
import { storeDocument } from './documents.ts';
import type { Keyring } from './keyring.ts';
import { storeNote } from './notes.ts';

export interface ImportResult {
  orgId: string;
  slug: string;
  counts: Manifest['counts'];
  /** Referral rows left out: the other organisation is not on this server. */
  referralsSkipped: number;
  /** The organisation shares anonymised statistics here too (as it did where it was exported). */
  shareStatistics: boolean;
  members: Array<{ id: string; email: string; role: string }>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function importOrganisation(
  tx: Queryable,
  keyring: Keyring,
  archive: { manifest: Manifest; entries: readonly Entry[] },
  options: { slug?: string; where: string },
): Promise<ImportResult> {
  const { manifest, entries } = archive;
  const slug = options.slug ?? manifest.organisation.slug;
  if (!SLUG.test(slug)) throw new OtkazError(ErrorCode.Usage, 'a slug is 2–63 lower-case letters, digits and dashes', { where: '--slug' });
  const taken = await tx.query('select 1 from organisations where slug = $1', [slug]);
  if (taken.length)
    throw new OtkazError(
      ErrorCode.Conflict,
      `an organisation '${slug}' exists on this server (also an erased one keeps its slug): choose another with --slug`,
      {
        where: '--slug',
      },
    );
  const orgId = randomUUID();
  const o = manifest.organisation;
  await tx.query(
    `insert into organisations (id, slug, name, require_totp, require_passkey_for_admins, retention, share_statistics, synthetic, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [orgId, slug, o.name, o.requireTotp, o.requirePasskeyForAdmins, JSON.stringify(o.retention), o.shareStatistics, o.synthetic, o.createdAt],
  );
  await keyring.createOrgKey(tx, orgId);

  const userIds = new Map<string, string>();
  const members: ImportResult['members'] = [];
  const clientIds = new Set<string>();
  const user = (id: string | null): string | null => (id === null ? null : (userIds.get(id) ?? null));
  const of = <T extends Entry['type']>(type: T) => entries.filter((e): e is Extract<Entry, { type: T }> => e.type === type);

  for (const m of of('member')) {
    const used = await tx.query('select 1 from users where org_id = $1 and email = $2', [orgId, m.email.toLowerCase()]);
    if (used.length) throw new OtkazError(ErrorCode.Conflict, `the member e-mail ${m.email} is in the archive twice`, { where: options.where });
    const id = randomUUID();
    userIds.set(m.id, id);
    await tx.query(
      `insert into users (id, org_id, email, role, password_hash, must_change_password, created_at, disabled_at)
       values ($1, $2, $3, $4, null, true, $5, $6)`,
      [id, orgId, m.email.toLowerCase(), m.role, m.createdAt, m.disabledAt],
    );
    members.push({ id, email: m.email.toLowerCase(), role: m.role });
  }
  for (const c of of('client')) {
    const used = await tx.query('select 1 from clients where id = $1', [c.id]);
    if (used.length) throw new OtkazError(ErrorCode.Conflict, `client file ${c.id} exists on this server`, { where: options.where });
    clientIds.add(c.id);
    await tx.query(
      `insert into clients (id, org_id, status, record, revision, synthetic, created_by, created_at, updated_at, closed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        c.id,
        orgId,
        c.status,
        await sealRecord(tx, keyring, orgId, c.id, c.record),
        c.revision,
        c.synthetic,
        user(c.createdBy),
        c.createdAt,
        c.updatedAt,
        c.closedAt,
      ],
    );
    await writeLookups(tx, keyring, orgId, c.id, c.record);
  }
  const ofClient = (id: string, what: string) => {
    if (!clientIds.has(id))
      throw new OtkazError(ErrorCode.InputInvalid, `${what} belongs to client ${id}, which the archive does not hold`, { where: options.where });
    return id;
  };
  for (const n of of('note')) {
    await storeNote(tx, keyring, orgId, {
      id: n.id,
      clientId: ofClient(n.clientId, `note ${n.id}`),
      authorId: user(n.authorId),
      createdAt: n.createdAt,
      body: n.body,
    });
  }
  for (const a of of('application'))
    await storeApplication(tx, keyring, orgId, ofClient(a.clientId, `application ${a.id}`), {
      ...a.body,
      id: a.id,
      revision: a.revision,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    });
  const marked = new Set<string>();
  for (const m of of('checklist_mark')) {
    const key = `${m.clientId} ${m.body.claimType} ${m.body.itemId}`;
    if (marked.has(key))
      throw new OtkazError(ErrorCode.InputInvalid, `checklist item ${m.body.claimType}/${m.body.itemId} of client ${m.clientId} is marked twice`, {
        where: options.where,
      });
    marked.add(key);
    await storeMark(tx, keyring, orgId, ofClient(m.clientId, `checklist mark ${m.id}`), {
      ...m.body,
      id: m.id,
      revision: m.revision,
      markedBy: user(m.markedBy),
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    });
  }
  for (const d of of('document')) {
    const bytes = new Uint8Array(Buffer.from(d.contentBase64, 'base64'));
    try {
      await storeDocument(tx, keyring, orgId, {
        id: d.id,
        clientId: ofClient(d.clientId, `document ${d.id}`),
        uploadedBy: user(d.uploadedBy),
        uploadedAt: d.uploadedAt,
        meta: d.meta,
        bytes,
      });
    } catch (error) {
      if (error instanceof OtkazError && error.code === ErrorCode.CryptoInvalid)
        throw new OtkazError(ErrorCode.InputInvalid, error.message, { where: options.where });
      throw error;
    }
  }
  for (const s of of('share')) {
    const userId = user(s.userId);
    if (!userId) throw new OtkazError(ErrorCode.InputInvalid, `a share names member ${s.userId}, whom the archive does not hold`, { where: options.where });
    await tx.query('insert into client_shares (client_id, user_id, org_id, granted_by, granted_at) values ($1, $2, $3, $4, $5)', [
      ofClient(s.clientId, 'a share'),
      userId,
      orgId,
      user(s.grantedBy),
      s.grantedAt,
    ]);
  }
  let referralsSkipped = 0;
  for (const r of of('referral')) {
    const other = await tx.query('select 1 from organisations where id = $1 and erased_at is null', [r.otherOrgId]);
    if (!other.length) {
      referralsSkipped += 1;
      continue;
    }
    const otherClient = r.otherClientId
      ? (await tx.query('select 1 from clients where id = $1 and org_id = $2', [r.otherClientId, r.otherOrgId])).length
        ? r.otherClientId
        : null
      : null;
    const own = r.clientId && clientIds.has(r.clientId) ? r.clientId : null;
    const sent = r.direction === 'sent';
    await tx.query('insert into referrals (id, from_org, to_org, from_client, to_client, referred_by, referred_at) values ($1, $2, $3, $4, $5, $6, $7)', [
      randomUUID(),
      sent ? orgId : r.otherOrgId,
      sent ? r.otherOrgId : orgId,
      sent ? own : otherClient,
      sent ? otherClient : own,
      sent ? user(r.referredBy) : null,
      r.referredAt,
    ]);
  }
  return { orgId, slug, counts: manifest.counts, referralsSkipped, shareStatistics: o.shareStatistics, members };
}
