/**
 * Documents of a client file (scans, photos, decisions). Each file gets a key of its own: its bytes (after
 * metadata stripping, src/casework/strip.ts) and its metadata (name, media type, sha256, what was removed) are
 * sealed under that key; the file key is sealed under the organisation's data key. Erasing the organisation's data
 * key makes every document unreadable with it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { newKey } from '../crypto/aead.ts';
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { Keyring } from './keyring.ts';
import { refused } from './refusal.ts';
import { stripMetadata } from './strip.ts';

/** The largest document accepted, bytes. */
export const DOCUMENT_LIMIT = 10 * 1024 * 1024;

export const DocumentMetaSchema = z
  .object({
    name: z.string(),
    mediaType: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    metadata: z.enum(['stripped', 'not inspected']),
    removed: z.array(z.string()),
  })
  .strict();
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

export interface DocumentSummary extends DocumentMeta {
  id: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

const at = (orgId: string, id: string, column: string) => ({ scope: `org:${orgId}`, table: 'client_documents', column, row: id });

/** A file name as shown: no path, no control characters, at most 200 characters. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base.normalize('NFC')]
    // No control characters, and no bidirectional controls (U+202E would show "‮gpj.exe" as "exe.jpg").
    .filter((c) => (c.codePointAt(0) ?? 0) >= 0x20 && c !== '\u007f' && !/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/.test(c))
    .join('')
    .trim()
    .slice(0, 200);
  return clean || 'document';
}

export async function addDocument(
  tx: Queryable,
  keyring: Keyring,
  orgId: string,
  clientId: string,
  uploadedBy: string | null,
  file: { name: string; mediaType: string; bytes: Uint8Array },
): Promise<DocumentSummary> {
  if (file.bytes.length === 0) throw refused(ErrorCode.InputInvalid, 'document_empty', 'the document is empty', { where: 'content' });
  if (file.bytes.length > DOCUMENT_LIMIT)
    throw refused(ErrorCode.LimitExceeded, 'document_too_large', `a document may have at most ${DOCUMENT_LIMIT} bytes`, {
      where: 'content',
      values: { megabytes: DOCUMENT_LIMIT / 1024 / 1024 },
    });
  const stripped = await stripMetadata(file.bytes, file.mediaType);
  const id = randomUUID();
  const fileKey = newKey();
  const meta: DocumentMeta = {
    name: safeName(file.name),
    mediaType: stripped.mediaType,
    sha256: createHash('sha256').update(stripped.bytes).digest('hex'),
    size: stripped.bytes.length,
    metadata: stripped.status,
    removed: stripped.removed,
  };
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  const rows = await tx.query<{ uploaded_at: string }>(
    'insert into client_documents (id, org_id, client_id, uploaded_by, file_key, meta, content, size) values ($1, $2, $3, $4, $5, $6, $7, $8) returning uploaded_at',
    [
      id,
      orgId,
      clientId,
      uploadedBy,
      keyring.cipher.seal(key, version, at(orgId, id, 'file_key'), fileKey),
      keyring.cipher.sealText(fileKey, 1, at(orgId, id, 'meta'), JSON.stringify(meta)),
      keyring.cipher.seal(fileKey, 1, at(orgId, id, 'content'), stripped.bytes),
      stripped.bytes.length,
    ],
  );
  return { ...meta, id, uploadedBy, uploadedAt: rows[0]?.uploaded_at ?? new Date().toISOString() };
}

interface DocumentRow {
  id: string;
  uploaded_by: string | null;
  uploaded_at: string;
  file_key: Uint8Array;
  meta: Uint8Array;
}

async function fileKeyOf(db: Queryable, keyring: Keyring, orgId: string, row: Pick<DocumentRow, 'id' | 'file_key'>): Promise<Uint8Array> {
  const key = await keyring.orgKey(db, orgId, keyring.cipher.keyVersionOf(row.file_key));
  return keyring.cipher.open(key, at(orgId, row.id, 'file_key'), row.file_key);
}

function metaOf(keyring: Keyring, fileKey: Uint8Array, orgId: string, row: Pick<DocumentRow, 'id' | 'meta'>): DocumentMeta {
  const parsed = DocumentMetaSchema.safeParse(JSON.parse(keyring.cipher.openText(fileKey, at(orgId, row.id, 'meta'), row.meta)));
  if (!parsed.success) throw new OtkazError(ErrorCode.CryptoInvalid, `document ${row.id}: metadata does not match its schema`);
  return parsed.data;
}

export async function listDocuments(db: Queryable, keyring: Keyring, orgId: string, clientId: string): Promise<DocumentSummary[]> {
  const rows = await db.query<DocumentRow>(
    'select id, uploaded_by, uploaded_at, file_key, meta from client_documents where org_id = $1 and client_id = $2 order by uploaded_at, id',
    [orgId, clientId],
  );
  const out: DocumentSummary[] = [];
  for (const row of rows) {
    const meta = metaOf(keyring, await fileKeyOf(db, keyring, orgId, row), orgId, row);
    out.push({ ...meta, id: row.id, uploadedBy: row.uploaded_by, uploadedAt: row.uploaded_at });
  }
  return out;
}

export async function readDocument(
  db: Queryable,
  keyring: Keyring,
  orgId: string,
  clientId: string,
  id: string,
): Promise<{ meta: DocumentMeta; bytes: Uint8Array }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new OtkazError(ErrorCode.InputNotFound, 'no such document');
  const rows = await db.query<DocumentRow & { content: Uint8Array }>(
    'select id, uploaded_by, uploaded_at, file_key, meta, content from client_documents where org_id = $1 and client_id = $2 and id = $3',
    [orgId, clientId, id],
  );
  const row = rows[0];
  if (!row) throw new OtkazError(ErrorCode.InputNotFound, 'no such document');
  const fileKey = await fileKeyOf(db, keyring, orgId, row);
  const meta = metaOf(keyring, fileKey, orgId, row);
  const bytes = keyring.cipher.open(fileKey, at(orgId, row.id, 'content'), row.content);
  if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256)
    throw new OtkazError(ErrorCode.CryptoInvalid, `document ${id}: content does not match its sha256`);
  return { meta, bytes };
}

/**
 * Deletes one document of a client file: its row goes, and with it the sealed bytes, the sealed metadata and the
 * document's own key (wrapped by the organisation's data key) — nothing of it is left to open. What named it stays
 * as it was: a checklist mark naming it shows the item to check again (src/casework/checklist.ts); the steps of an
 * application are told apart (src/casework/applications.ts, forgetDocument).
 */
export async function deleteDocument(tx: Queryable, orgId: string, clientId: string, id: string): Promise<void> {
  const rows = /^[0-9a-f-]{36}$/i.test(id)
    ? await tx.query<{ id: string }>('delete from client_documents where org_id = $1 and client_id = $2 and id = $3 returning id', [orgId, clientId, id])
    : [];
  if (!rows[0]) throw refused(ErrorCode.InputNotFound, 'no_document', 'no such document in this client file', { where: 'documentId' });
}

/**
 * Stores a document whose bytes were already stripped (an import): a new file key, the metadata and bytes sealed
 * under it, the file key under the organisation's current data key. The bytes must match the metadata's sha256.
 */
export async function storeDocument(
  tx: Queryable,
  keyring: Keyring,
  orgId: string,
  doc: { id: string; clientId: string; uploadedBy: string | null; uploadedAt: string; meta: DocumentMeta; bytes: Uint8Array },
): Promise<void> {
  if (createHash('sha256').update(doc.bytes).digest('hex') !== doc.meta.sha256)
    throw new OtkazError(ErrorCode.CryptoInvalid, `document ${doc.id}: content does not match its sha256`);
  const fileKey = newKey();
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  await tx.query(
    'insert into client_documents (id, org_id, client_id, uploaded_by, uploaded_at, file_key, meta, content, size) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [
      doc.id,
      orgId,
      doc.clientId,
      doc.uploadedBy,
      doc.uploadedAt,
      keyring.cipher.seal(key, version, at(orgId, doc.id, 'file_key'), fileKey),
      keyring.cipher.sealText(fileKey, 1, at(orgId, doc.id, 'meta'), JSON.stringify(doc.meta)),
      keyring.cipher.seal(fileKey, 1, at(orgId, doc.id, 'content'), doc.bytes),
      doc.bytes.length,
    ],
  );
}

/** Re-seals every document's file key of the organisation under its current data key (key rotation); returns how many. */
export async function resealFileKeys(tx: Queryable, keyring: Keyring, orgId: string): Promise<number> {
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  const rows = await tx.query<{ id: string; file_key: Uint8Array }>('select id, file_key from client_documents where org_id = $1 for update', [orgId]);
  for (const row of rows) {
    const fileKey = await fileKeyOf(tx, keyring, orgId, row);
    await tx.query('update client_documents set file_key = $3 where org_id = $1 and id = $2', [
      orgId,
      row.id,
      keyring.cipher.seal(key, version, at(orgId, row.id, 'file_key'), fileKey),
    ]);
  }
  return rows.length;
}
