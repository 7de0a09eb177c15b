/**
 * The organisation export archive (docs/casework-export.md): one file encrypted with age (age-encryption), holding
 * JSON lines — the first a versioned manifest, then one entry per line (members, client records, notes, documents
 * with their bytes, applications, checklist marks, shares, referrals). The plaintext exists only in memory; the archive is authenticated by age as
 * a whole, so a changed or cut-short file does not decrypt.
 */

import { Decrypter, Encrypter } from 'age-encryption';
import { z } from 'zod';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { StoredApplicationSchema } from './applications.ts';
import { MarkBodySchema } from './checklist-marks.ts';
import { DocumentMetaSchema } from './documents.ts';
import { NoteBodySchema } from './notes.ts';
import { ClientRecordSchema } from './record.ts';

export const ARCHIVE_FORMAT = 'otkaz-org-export';
export const ARCHIVE_VERSION = 1;

const uuid = z.string().uuid();
const instant = z.string().min(1);

export const ManifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(ARCHIVE_VERSION),
    exportedAt: instant,
    organisation: z
      .object({
        id: uuid,
        slug: z.string(),
        name: z.string(),
        requireTotp: z.boolean(),
        requirePasskeyForAdmins: z.boolean(),
        retention: z.record(z.string(), z.number().int().positive()),
        shareStatistics: z
          .boolean()
          .default(false)
          .describe('counted in anonymised statistics releases; absent in archives made before it was exported: not shared'),
        synthetic: z.boolean(),
        createdAt: instant,
      })
      .strict(),
    counts: z
      .object({
        members: z.number().int().min(0),
        clients: z.number().int().min(0),
        notes: z.number().int().min(0),
        applications: z.number().int().min(0).default(0).describe('absent in archives made before applications existed'),
        checklistMarks: z.number().int().min(0).default(0).describe('absent in archives made before checklist marks existed'),
        documents: z.number().int().min(0),
        shares: z.number().int().min(0),
        referrals: z.number().int().min(0),
      })
      .strict(),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

export const EntrySchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('member'),
      id: uuid,
      email: z.string().min(3).max(320),
      role: z.enum(['org_admin', 'lawyer', 'caseworker', 'volunteer', 'statistics']),
      createdAt: instant,
      disabledAt: instant.nullable(),
    })
    .strict(),
  z
    .object({
      type: z.literal('client'),
      id: uuid,
      status: z.enum(['open', 'closed', 'referred']),
      revision: z.number().int().positive(),
      synthetic: z.boolean(),
      createdBy: uuid.nullable(),
      createdAt: instant,
      updatedAt: instant,
      closedAt: instant.nullable(),
      record: ClientRecordSchema,
    })
    .strict(),
  z.object({ type: z.literal('note'), id: uuid, clientId: uuid, authorId: uuid.nullable(), createdAt: instant, body: NoteBodySchema }).strict(),
  z
    .object({
      type: z.literal('application'),
      id: uuid,
      clientId: uuid,
      revision: z.number().int().positive(),
      createdAt: instant,
      updatedAt: instant,
      body: StoredApplicationSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('checklist_mark'),
      id: uuid,
      clientId: uuid,
      markedBy: uuid.nullable(),
      revision: z.number().int().positive(),
      createdAt: instant,
      updatedAt: instant,
      body: MarkBodySchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('document'),
      id: uuid,
      clientId: uuid,
      uploadedBy: uuid.nullable(),
      uploadedAt: instant,
      meta: DocumentMetaSchema,
      contentBase64: z.string(),
    })
    .strict(),
  z.object({ type: z.literal('share'), clientId: uuid, userId: uuid, grantedBy: uuid.nullable(), grantedAt: instant }).strict(),
  z
    .object({
      type: z.literal('referral'),
      id: uuid,
      direction: z.enum(['sent', 'received']),
      otherOrgId: uuid,
      otherOrgSlug: z.string().nullable(),
      clientId: uuid.nullable(),
      otherClientId: uuid.nullable(),
      referredBy: uuid.nullable(),
      referredAt: instant,
    })
    .strict(),
]);
export type Entry = z.infer<typeof EntrySchema>;

/** How the archive is encrypted: a passphrase (age's scrypt recipient) or an age X25519 recipient (age1…). */
export type ArchiveLock = { passphrase: string; scryptLogN?: number } | { recipient: string };
/** What opens it: the passphrase, or the age identity (AGE-SECRET-KEY-1…). */
export type ArchiveKey = { passphrase: string } | { identity: string };

/** age's scrypt work factor (log2 N) for a passphrase archive: age's own default, what every production export uses. */
export const ARCHIVE_SCRYPT_LOG_N = 18;

/** The work factor of archives sealed without one given: ARCHIVE_SCRYPT_LOG_N unless a test fixture chose less. */
let scryptInForce = ARCHIVE_SCRYPT_LOG_N;

/**
 * For test fixtures only: passphrase archives sealed in this process without a work factor of their own use
 * `logN`, so that suites exporting and importing through the command line do not spend seconds in scrypt. No setting
 * reaches it and nothing in src/ calls it (test/shared/layering.test.ts checks); opening reads the work factor from
 * the archive, so it is unchanged.
 */
export function useScryptWorkFactorForTests(logN: number): void {
  scryptInForce = logN;
}

export function serialiseArchive(manifest: Manifest, entries: readonly Entry[]): Uint8Array {
  const lines = [JSON.stringify(manifest), ...entries.map((e) => JSON.stringify(e))];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

export async function sealArchive(plaintext: Uint8Array, lock: ArchiveLock): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  if ('passphrase' in lock) {
    if (lock.passphrase.length < 8)
      throw new OtkazError(ErrorCode.Usage, 'the export passphrase must have at least 8 characters', { where: 'OTKAZ_EXPORT_PASSPHRASE' });
    encrypter.setPassphrase(lock.passphrase);
    encrypter.setScryptWorkFactor(lock.scryptLogN ?? scryptInForce);
  } else {
    if (!/^age1[0-9a-z]+$/.test(lock.recipient)) throw new OtkazError(ErrorCode.Usage, 'an age recipient looks like age1…', { where: '--recipient' });
    try {
      encrypter.addRecipient(lock.recipient);
    } catch (cause) {
      throw new OtkazError(ErrorCode.Usage, 'not a valid age recipient', { where: '--recipient', cause });
    }
  }
  return encrypter.encrypt(plaintext);
}

/** Decrypts and parses an archive; anything wrong (key, tampering, format) is a coded error naming `where`. */
export async function openArchive(sealed: Uint8Array, key: ArchiveKey, where: string): Promise<{ manifest: Manifest; entries: Entry[] }> {
  const decrypter = new Decrypter();
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase);
  else {
    try {
      decrypter.addIdentity(key.identity);
    } catch (cause) {
      throw new OtkazError(ErrorCode.Usage, 'not a valid age identity', { where: '--identity', cause });
    }
  }
  let text: string;
  try {
    text = await decrypter.decrypt(sealed, 'text');
  } catch (cause) {
    throw new OtkazError(ErrorCode.CryptoInvalid, 'the archive does not decrypt: wrong passphrase or identity, or the file was changed or cut short', {
      where,
      cause,
    });
  }
  const lines = text.split('\n').filter((line) => line.length > 0);
  const parseLine = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new OtkazError(ErrorCode.InputInvalid, `line ${n} of the archive is not JSON`, { where });
    }
  };
  const manifest = ManifestSchema.safeParse(parseLine(lines[0] ?? '', 1));
  if (!manifest.success)
    throw new OtkazError(ErrorCode.InputInvalid, `not an ${ARCHIVE_FORMAT} archive of version ${ARCHIVE_VERSION}: ${manifest.error.issues[0]?.message}`, {
      where,
    });
  const entries: Entry[] = [];
  for (let i = 1; i < lines.length; i++) {
    const parsed = EntrySchema.safeParse(parseLine(lines[i] ?? '', i + 1));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new OtkazError(ErrorCode.InputInvalid, `line ${i + 1} of the archive: ${issue?.path.join('.') || 'entry'}: ${issue?.message}`, { where });
    }
    entries.push(parsed.data);
  }
  const counted = { members: 0, clients: 0, notes: 0, applications: 0, checklistMarks: 0, documents: 0, shares: 0, referrals: 0 };
  const plural = {
    member: 'members',
    client: 'clients',
    note: 'notes',
    application: 'applications',
    checklist_mark: 'checklistMarks',
    document: 'documents',
    share: 'shares',
    referral: 'referrals',
  } as const;
  for (const entry of entries) counted[plural[entry.type]] += 1;
  for (const [kind, n] of Object.entries(counted) as Array<[keyof typeof counted, number]>) {
    if (manifest.data.counts[kind] !== n)
      throw new OtkazError(ErrorCode.InputInvalid, `the manifest counts ${manifest.data.counts[kind]} ${kind}, the archive holds ${n}`, { where });
  }
  return { manifest: manifest.data, entries };
}
