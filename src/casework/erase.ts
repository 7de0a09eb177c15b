/**
 * Crypto-erasure of an organisation: its data keys are deleted first (every ciphertext of it, also copies taken
 * before — backups, a copied data folder — can no longer be opened with anything this installation holds), then its
 * client files (with their notes, documents, lookups and shares); its members are disabled and their sessions ended;
 * the organisation's row stays, marked erased_at (its slug stays taken, its audit chain stays verifiable).
 */
import type { Queryable } from '../db/database.ts';
import type { Keyring } from './keyring.ts';

export interface EraseResult {
  keys: number;
  clients: number;
  members: number;
  sessions: number;
}

export async function eraseOrganisation(tx: Queryable, keyring: Keyring, orgId: string, now: Date): Promise<EraseResult> {
  const keys = await keyring.eraseOrgKeys(tx, orgId);
  const clients = await tx.query('delete from clients where org_id = $1 returning id', [orgId]);
  await tx.query('delete from deadline_reminders where org_id = $1', [orgId]);
  const sessions = await tx.query('update sessions set ended_at = $2 where org_id = $1 and ended_at is null returning user_id', [orgId, now.toISOString()]);
  const members = await tx.query(
    'update users set disabled_at = coalesce(disabled_at, $2), sessions_valid_after = $2, totp_secret = null where org_id = $1 returning id',
    [orgId, now.toISOString()],
  );
  await tx.query('update organisations set erased_at = $2 where id = $1', [orgId, now.toISOString()]);
  return { keys, clients: clients.length, members: members.length, sessions: sessions.length };
}
