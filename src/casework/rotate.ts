/**
 * Rotating an organisation's data key: a new key version; every ciphertext of the organisation under the data key
 * (client records, notes, applications, checklist marks, documents' file keys) opened with its version and sealed under the new one; the blind
 * indexes, whose key derives from the data key, rebuilt; then the older versions deleted. All in the caller's one
 * transaction. Documents' bytes stay sealed under their own file keys (only the wrapping of those keys changes).
 */
import type { Queryable } from '../db/database.ts';
import { resealApplications } from './applications.ts';
import { resealMarks } from './checklist-marks.ts';
import { resealClients } from './clients.ts';
import { resealFileKeys } from './documents.ts';
import type { Keyring } from './keyring.ts';
import { resealNotes } from './notes.ts';

export interface RotationResult {
  version: number;
  clients: number;
  notes: number;
  applications: number;
  checklistMarks: number;
  documents: number;
  /** Older key versions deleted. */
  dropped: number;
}

export async function rotateOrgKey(tx: Queryable, keyring: Keyring, orgId: string): Promise<RotationResult> {
  const before = await tx.query<{ n: number }>('select count(*)::int as n from org_keys where org_id = $1', [orgId]);
  const { version } = await keyring.createOrgKey(tx, orgId);
  const clients = await resealClients(tx, keyring, orgId);
  const notes = await resealNotes(tx, keyring, orgId);
  const applications = await resealApplications(tx, keyring, orgId);
  const checklistMarks = await resealMarks(tx, keyring, orgId);
  const documents = await resealFileKeys(tx, keyring, orgId);
  await keyring.dropOlderKeys(tx, orgId, version);
  return { version, clients, notes, applications, checklistMarks, documents, dropped: before[0]?.n ?? 0 };
}
