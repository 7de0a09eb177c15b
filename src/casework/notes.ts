/**
 * Notes and the timeline of a client file: each entry's kind, date and text sealed together under the
 * organisation's data key (AAD: organisation, 'client_notes', 'body', note id). Entries are added, never edited.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { isoDate } from '../shared/validation.ts';
import type { Keyring } from './keyring.ts';

export const NOTE_KINDS = ['note', 'call', 'meeting', 'hearing', 'document', 'decision', 'other'] as const;

export const NoteBodySchema = z
  .object({
    kind: z.enum(NOTE_KINDS).default('note'),
    text: z.string().trim().min(1).max(20000),
    occurredOn: isoDate.optional().describe('when it happened, if not when it was written'),
  })
  .strict();
export type NoteBody = z.infer<typeof NoteBodySchema>;

export interface Note extends NoteBody {
  id: string;
  authorId: string | null;
  createdAt: string;
}

const binding = (orgId: string, id: string) => ({ scope: `org:${orgId}`, table: 'client_notes', column: 'body', row: id });

export async function addNote(tx: Queryable, keyring: Keyring, orgId: string, clientId: string, authorId: string | null, body: NoteBody): Promise<string> {
  const id = randomUUID();
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  await tx.query('insert into client_notes (id, org_id, client_id, author_id, body) values ($1, $2, $3, $4, $5)', [
    id,
    orgId,
    clientId,
    authorId,
    keyring.cipher.sealText(key, version, binding(orgId, id), JSON.stringify(body)),
  ]);
  return id;
}

export async function listNotes(db: Queryable, keyring: Keyring, orgId: string, clientId: string): Promise<Note[]> {
  const rows = await db.query<{ id: string; author_id: string | null; created_at: string; body: Uint8Array }>(
    'select id, author_id, created_at, body from client_notes where org_id = $1 and client_id = $2 order by created_at, id',
    [orgId, clientId],
  );
  const notes: Note[] = [];
  for (const row of rows) {
    const key = await keyring.orgKey(db, orgId, keyring.cipher.keyVersionOf(row.body));
    const parsed = NoteBodySchema.safeParse(JSON.parse(keyring.cipher.openText(key, binding(orgId, row.id), row.body)));
    if (!parsed.success) throw new OtkazError(ErrorCode.CryptoInvalid, `note ${row.id} does not match its schema after decryption`);
    notes.push({ ...parsed.data, id: row.id, authorId: row.author_id, createdAt: row.created_at });
  }
  return notes;
}

/** Stores a note as it was (an import): its id, author and time kept, the body sealed under the current data key. */
export async function storeNote(
  tx: Queryable,
  keyring: Keyring,
  orgId: string,
  note: { id: string; clientId: string; authorId: string | null; createdAt: string; body: NoteBody },
): Promise<void> {
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  await tx.query('insert into client_notes (id, org_id, client_id, author_id, created_at, body) values ($1, $2, $3, $4, $5, $6)', [
    note.id,
    orgId,
    note.clientId,
    note.authorId,
    note.createdAt,
    keyring.cipher.sealText(key, version, binding(orgId, note.id), JSON.stringify(note.body)),
  ]);
}

/** Re-seals every note of the organisation under its current data key (key rotation); returns how many. */
export async function resealNotes(tx: Queryable, keyring: Keyring, orgId: string): Promise<number> {
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  const rows = await tx.query<{ id: string; body: Uint8Array }>('select id, body from client_notes where org_id = $1 for update', [orgId]);
  for (const row of rows) {
    const old = await keyring.orgKey(tx, orgId, keyring.cipher.keyVersionOf(row.body));
    const text = keyring.cipher.openText(old, binding(orgId, row.id), row.body);
    await tx.query('update client_notes set body = $3 where org_id = $1 and id = $2', [
      orgId,
      row.id,
      keyring.cipher.sealText(key, version, binding(orgId, row.id), text),
    ]);
  }
  return rows.length;
}
