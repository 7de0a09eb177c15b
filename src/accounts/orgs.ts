/**
 * Organisations: created on the command line only (no default organisation, no sign-up), each with its first
 * data key in the same transaction — an organisation never exists without the key its data is sealed with.
 */
import { randomUUID } from 'node:crypto';
import { type AuditActor, type AuditOptions, appendAudit } from '../audit/log.ts';
import type { Keyring } from '../casework/keyring.ts';
import type { Database, Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  require_totp: boolean;
  require_passkey_for_admins: boolean;
  /** The organisation's clients are counted in anonymised statistics releases (docs/disclosure.md); off by default. */
  share_statistics: boolean;
}

const COLUMNS = 'id, slug, name, require_totp, require_passkey_for_admins, share_statistics';

/** A slug from a name: lower-case Latin letters, digits and dashes; null when the name has too few of them. */
export function slugOf(name: string): string | null {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return SLUG_PATTERN.test(slug) ? slug : null;
}

export interface NewOrganisation {
  readonly name: string;
  readonly slug?: string | undefined;
  readonly requireTotp: boolean;
}

export async function createOrganisation(
  db: Database,
  services: { keyring: Keyring; audit: AuditOptions; now: () => Date },
  actor: AuditActor,
  input: NewOrganisation,
): Promise<Organisation> {
  const slug = input.slug ?? slugOf(input.name);
  if (!slug) throw new OtkazError(ErrorCode.Usage, 'the name gives no slug of Latin letters and digits: give one', { where: '--slug' });
  if (!SLUG_PATTERN.test(slug))
    throw new OtkazError(ErrorCode.Usage, 'a slug is 2–63 lower-case Latin letters, digits and dashes, starting with a letter or digit', { where: '--slug' });
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const taken = await tx.query('select 1 from organisations where slug = $1', [slug]);
    if (taken.length) throw new OtkazError(ErrorCode.Conflict, `an organisation with slug ${slug} exists already`, { where: '--slug' });
    await tx.query('insert into organisations (id, slug, name, require_totp, created_at) values ($1, $2, $3, $4, $5)', [
      id,
      slug,
      input.name,
      input.requireTotp,
      services.now().toISOString(),
    ]);
    await services.keyring.createOrgKey(tx, id);
    await appendAudit(tx, services.audit, { orgId: id, actor, action: 'org.create', resourceType: 'organisation', resourceId: id, outcome: 'ok' });
    return { id, slug, name: input.name, require_totp: input.requireTotp, require_passkey_for_admins: false, share_statistics: false };
  });
}

/** The organisation named by its slug or id; a coded error naming the reference's flag when there is none. */
export async function findOrganisation(db: Queryable, ref: string, where = '--org'): Promise<Organisation> {
  const rows = UUID.test(ref)
    ? await db.query<Organisation>(`select ${COLUMNS} from organisations where id = $1 and erased_at is null`, [ref.toLowerCase()])
    : await db.query<Organisation>(`select ${COLUMNS} from organisations where slug = $1 and erased_at is null`, [ref]);
  const org = rows[0];
  if (!org) throw new OtkazError(ErrorCode.InputNotFound, 'no such organisation (give its slug or id)', { where });
  return org;
}

export async function organisationById(db: Queryable, id: string): Promise<Organisation> {
  return findOrganisation(db, id, 'organisation');
}

export interface OrgSettings {
  readonly requireTotp?: boolean | undefined;
  readonly requirePasskeyForAdmins?: boolean | undefined;
  /** Count this organisation's clients in anonymised statistics releases (audited as org.share_statistics). */
  readonly shareStatistics?: boolean | undefined;
}

/**
 * Changes an organisation's sign-in requirements and whether it shares statistics (each change one entry of the
 * organisation's audit chain: org.settings, org.share_statistics).
 */
export async function updateSettings(
  db: Database,
  audit: AuditOptions,
  actor: AuditActor,
  orgId: string,
  settings: OrgSettings,
  ip: string | null = null,
): Promise<Organisation> {
  return db.transaction(async (tx) => {
    await tx.query(
      `update organisations set require_totp = coalesce($2, require_totp), require_passkey_for_admins = coalesce($3, require_passkey_for_admins),
              share_statistics = coalesce($4, share_statistics)
       where id = $1`,
      [orgId, settings.requireTotp ?? null, settings.requirePasskeyForAdmins ?? null, settings.shareStatistics ?? null],
    );
    const signIn = settings.requireTotp !== undefined || settings.requirePasskeyForAdmins !== undefined || settings.shareStatistics === undefined;
    if (signIn) await appendAudit(tx, audit, { orgId, actor, action: 'org.settings', resourceType: 'organisation', resourceId: orgId, outcome: 'ok', ip });
    if (settings.shareStatistics !== undefined)
      await appendAudit(tx, audit, { orgId, actor, action: 'org.share_statistics', resourceType: 'organisation', resourceId: orgId, outcome: 'ok', ip });
    return organisationById(tx, orgId);
  });
}
