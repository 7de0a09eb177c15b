/**
 * Making an anonymised statistics release from the case files of the organisations that share statistics
 * (organisations.share_statistics, set by their administrators): each organisation's files are read in a
 * transaction of its own, inside its wall, and that read is an entry of its audit chain ('statistics.release');
 * the unit records are pooled, counted and suppressed (src/disclosure), and the release is entered in the ledger,
 * which refuses a year released before (docs/disclosure.md, "Differencing").
 */
import { type AuditActor, type AuditOptions, appendAudit } from '../audit/log.ts';
import type { Database } from '../db/database.ts';
import { solver } from '../disclosure/intervals.ts';
import { buildRelease, type Release, type UnitRecord } from '../disclosure/release.ts';
import type { ProcedureCatalogue } from '../procedures/load.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { Keyring } from './keyring.ts';
import { type FileUnit, oncePerPerson, releaseDestinations, unitRecords } from './statistics.ts';
import { enterTenant } from './tenant.ts';

export interface ReleaseOptions {
  from: number;
  to: number;
  k: number;
  protection: number;
  includeSynthetic: boolean;
}

export interface ReleaseServices {
  keyring: Keyring;
  audit: AuditOptions;
  now: () => Date;
  ip?: string | null;
}

/** Years already released, of those asked for. */
async function releasedYears(db: Database, years: string[]): Promise<Array<{ year: string; sha256: string }>> {
  return db.query<{ year: string; sha256: string }>('select year, sha256 from stat_disclosure_years where year = any($1::text[]) order by year', [years]);
}

export async function makeRelease(
  db: Database,
  catalogue: ProcedureCatalogue,
  services: ReleaseServices,
  actor: AuditActor,
  options: ReleaseOptions,
): Promise<{ release: Release; primary: number; complementary: number }> {
  const now = services.now();
  const lastComplete = now.getUTCFullYear() - 1;
  if (options.to < options.from)
    throw new OtkazError(ErrorCode.InputInvalid, `the period ends (${options.to}) before it starts (${options.from})`, { where: 'to' });
  if (options.to > lastComplete)
    throw new OtkazError(ErrorCode.InputInvalid, `only complete calendar years are released: ${options.to} has not ended (the last is ${lastComplete})`, {
      where: 'to',
    });
  if (options.protection < 1 || options.protection > options.k * 10)
    throw new OtkazError(ErrorCode.InputInvalid, 'the protection level is a width from 1 to 10 × k', { where: 'protection' });
  const years: string[] = [];
  for (let y = options.from; y <= options.to; y += 1) years.push(String(y));
  const before = await releasedYears(db, years);
  if (before.length)
    throw new OtkazError(
      ErrorCode.Conflict,
      `already released: ${before.map((b) => `${b.year} (release ${b.sha256.slice(0, 12)})`).join(', ')}; each year is released once, so that two releases cannot be subtracted (docs/disclosure.md)`,
      { where: 'from' },
    );
  const orgs = await db.query<{ id: string; slug: string; name: string; synthetic: boolean }>(
    `select id, slug, name, synthetic from organisations where share_statistics and erased_at is null ${options.includeSynthetic ? '' : 'and not synthetic'} order by slug`,
  );
  if (!orgs.length)
    throw new OtkazError(
      ErrorCode.InputInvalid,
      "no organisation shares statistics: an organisation's administrator turns on 'share statistics' in its settings",
      { where: 'organisations' },
    );
  const found: FileUnit[] = [];
  for (const org of orgs) {
    const own = await db.transaction(async (tx) => {
      await enterTenant(db, tx, org.id);
      const found = await unitRecords(tx, services.keyring, catalogue, org.id);
      await appendAudit(tx, services.audit, {
        orgId: org.id,
        actor,
        action: 'statistics.release',
        resourceType: 'organisation',
        resourceId: org.id,
        outcome: 'ok',
        ip: services.ip ?? null,
      });
      return found;
    });
    found.push(...own);
  }
  // A referred client has a file (and a unit record) in each organisation he was referred through: counted once.
  // The referral rows hold ids only; the installation reads them outside the walls, as it reads the organisations.
  const referrals = await db.query<{ from: string; to: string; at: string }>(
    `select from_client as "from", to_client as "to", to_char(referred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at
       from referrals where from_client is not null and to_client is not null`,
  );
  const records: UnitRecord[] = oncePerPerson(found, referrals).filter((r) => years.includes(r.year));
  const made = buildRelease(
    {
      records,
      years,
      destinations: releaseDestinations(catalogue),
      organisations: orgs,
      k: options.k,
      protection: options.protection,
      generatedAt: now,
      synthetic: orgs.some((o) => o.synthetic),
    },
    await solver(),
  );
  const { release } = made;
  await db.transaction(async (tx) => {
    const clash = await tx.query<{ year: string }>('select year from stat_disclosure_years where year = any($1::text[]) for update', [years]);
    if (clash.length)
      throw new OtkazError(ErrorCode.Conflict, `released meanwhile: ${clash.map((c) => c.year).join(', ')}`, {
        where: 'from',
      });
    await tx.query(
      `insert into stat_disclosures (sha256, generated_at, period_from, period_to, organisations, k, protection, method, withheld, synthetic)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        release.sha256,
        release.generatedAt,
        release.period.from,
        release.period.to,
        orgs.map((o) => o.slug),
        release.method.k,
        release.method.protection,
        release.method.version,
        release.withheld,
        release.synthetic,
      ],
    );
    for (const year of years) await tx.query('insert into stat_disclosure_years (year, sha256) values ($1, $2)', [year, release.sha256]);
  });
  return made;
}
