/**
 * A worker's judgement on the items of a client's document checklist (src/casework/checklist.ts): an item is met
 * by named documents of the file and/or linked court records (their capture archived), not applicable (with the
 * reason), or reopened; with an optional note. One row per client, claim type and item; the claim type, the item,
 * the judgement and what it names are one ciphertext under the organisation's data key (AAD: organisation,
 * 'client_checklist_marks', 'body', id); who marked it and when stay in the clear, like a note's author. An edit
 * carries the revision it was made on (0: the item had no mark); an edit on an older one is refused. The writer
 * holds the client row's lock (src/operations/clients/member.ts, forUpdate), so two first marks of one item
 * cannot both be written.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Checklist } from '../guidance/schema.ts';
import { CLAIM_TYPES } from '../guidance/schema.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { Keyring } from './keyring.ts';
import type { CaseLink } from './record.ts';
import { refused } from './refusal.ts';

export const JUDGEMENTS = ['met', 'not_applicable', 'reopened'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

/** The most documents and court records one mark may name. */
export const MARK_LIMITS = { documents: 20, courtRecords: 10, reason: 500, note: 1000 } as const;

export const MarkBodySchema = z
  .object({
    claimType: z.enum(CLAIM_TYPES),
    itemId: z.string().min(1).max(64),
    judgement: z.enum(JUDGEMENTS),
    documentIds: z.array(z.string().uuid()).max(MARK_LIMITS.documents),
    linkIds: z.array(z.string().uuid()).max(MARK_LIMITS.courtRecords),
    reason: z.string().min(1).max(MARK_LIMITS.reason).optional(),
    note: z.string().min(1).max(MARK_LIMITS.note).optional(),
  })
  .strict();
export type MarkBody = z.infer<typeof MarkBodySchema>;

export interface ChecklistMark extends MarkBody {
  id: string;
  revision: number;
  markedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a worker asks for; checked against the checklist and the file by `markItem`. */
export interface MarkRequest {
  claimType: MarkBody['claimType'];
  itemId: string;
  judgement: Judgement;
  documentIds?: readonly string[];
  linkIds?: readonly string[];
  reason?: string;
  note?: string;
  /** The mark's revision the change was made on: 0 when the item had no mark. */
  revision: number;
}

/** A linked court record as the checklist holds it (src/casework/checklist.ts: LinkedRecord). */
interface RecordOnFile {
  link: CaseLink;
  captureArchived: boolean;
}

const binding = (orgId: string, id: string) => ({ scope: `org:${orgId}`, table: 'client_checklist_marks', column: 'body', row: id });

interface MarkRow {
  id: string;
  body: Uint8Array;
  revision: number;
  marked_by: string | null;
  created_at: string;
  updated_at: string;
}

async function open(db: Queryable, keyring: Keyring, orgId: string, row: MarkRow): Promise<ChecklistMark> {
  const key = await keyring.orgKey(db, orgId, keyring.cipher.keyVersionOf(row.body));
  const parsed = MarkBodySchema.safeParse(JSON.parse(keyring.cipher.openText(key, binding(orgId, row.id), row.body)));
  if (!parsed.success) throw new OtkazError(ErrorCode.CryptoInvalid, `checklist mark ${row.id} does not match its schema after decryption`);
  return { ...parsed.data, id: row.id, revision: row.revision, markedBy: row.marked_by, createdAt: row.created_at, updatedAt: row.updated_at };
}

async function seal(tx: Queryable, keyring: Keyring, orgId: string, id: string, body: MarkBody): Promise<Uint8Array> {
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  return keyring.cipher.sealText(key, version, binding(orgId, id), JSON.stringify(MarkBodySchema.parse(body)));
}

/** Every mark of a client file (all claim types), oldest first. */
export async function listMarks(db: Queryable, keyring: Keyring, orgId: string, clientId: string): Promise<ChecklistMark[]> {
  const rows = await db.query<MarkRow>(
    'select id, body, revision, marked_by, created_at, updated_at from client_checklist_marks where org_id = $1 and client_id = $2 order by created_at, id',
    [orgId, clientId],
  );
  const out: ChecklistMark[] = [];
  for (const row of rows) out.push(await open(db, keyring, orgId, row));
  return out;
}

/**
 * How many marks name a document or a court-record link: once it is gone (deleted, unlinked) they stay as they were,
 * and the view shows their items to check again (src/casework/checklist.ts) — a judgement is never silently kept.
 */
export function marksNaming(marks: readonly ChecklistMark[], named: { documentId: string } | { linkId: string }): number {
  return marks.filter((m) => ('documentId' in named ? m.documentIds.includes(named.documentId) : m.linkIds.includes(named.linkId))).length;
}

const invalid = (message: string, where: string) => new OtkazError(ErrorCode.InputInvalid, message, { where });
const trimmed = (value: string | undefined) => {
  const t = value?.trim();
  return t ? t : undefined;
};

/** Checks a request against the checklist, the file's documents and its linked records; returns the body to store. */
async function checkedBody(
  tx: Queryable,
  target: { orgId: string; clientId: string; checklist: Checklist; records: readonly RecordOnFile[] },
  request: MarkRequest,
  current: ChecklistMark | undefined,
): Promise<MarkBody> {
  if (!target.checklist.items.some((i) => i.id === request.itemId))
    throw refused(
      ErrorCode.InputInvalid,
      'checklist_no_item',
      `the ${request.claimType} checklist has no item ${request.itemId} (${target.checklist.items.map((i) => i.id).join(', ')})`,
      {
        where: 'itemId',
      },
    );
  const documentIds = [...new Set(request.documentIds ?? [])];
  const linkIds = [...new Set(request.linkIds ?? [])];
  const reason = trimmed(request.reason);
  const note = trimmed(request.note);
  if (reason && reason.length > MARK_LIMITS.reason) throw invalid(`a reason has at most ${MARK_LIMITS.reason} characters`, 'reason');
  if (note && note.length > MARK_LIMITS.note) throw invalid(`a note has at most ${MARK_LIMITS.note} characters`, 'note');
  if (documentIds.length > MARK_LIMITS.documents) throw invalid(`a mark names at most ${MARK_LIMITS.documents} documents`, 'documentIds');
  if (linkIds.length > MARK_LIMITS.courtRecords) throw invalid(`a mark names at most ${MARK_LIMITS.courtRecords} court records`, 'linkIds');
  const base = { claimType: request.claimType, itemId: request.itemId, ...(note ? { note } : {}) };
  if (request.judgement === 'met') {
    if (reason) throw invalid('a reason is given for "not applicable"; a met item names its documents or court records', 'reason');
    if (!documentIds.length && !linkIds.length)
      throw refused(
        ErrorCode.InputInvalid,
        'checklist_needs_evidence',
        'name the documents (documentIds) or linked court records (linkIds) that meet the item',
        {
          where: 'documentIds',
        },
      );
    if (documentIds.length) {
      const rows = await tx.query<{ id: string }>('select id from client_documents where org_id = $1 and client_id = $2 and id = any($3::uuid[])', [
        target.orgId,
        target.clientId,
        documentIds,
      ]);
      const found = new Set(rows.map((r) => r.id));
      documentIds.forEach((id, i) => {
        if (!found.has(id)) throw refused(ErrorCode.InputInvalid, 'no_document', `no document ${id} in this client file`, { where: `documentIds.${i}` });
      });
    }
    linkIds.forEach((id, i) => {
      const record = target.records.find((r) => r.link.linkId === id);
      if (!record) throw refused(ErrorCode.InputInvalid, 'no_link', `no linked court record ${id} in this client file`, { where: `linkIds.${i}` });
      if (!record.captureArchived || !record.link.captureSha256)
        throw invalid(`the capture of court record ${id} is not in the archive: upload the record as a document instead`, `linkIds.${i}`);
    });
    return { ...base, judgement: 'met', documentIds, linkIds };
  }
  if (documentIds.length) throw invalid(`documents are named only when the item is met, not ${request.judgement}`, 'documentIds');
  if (linkIds.length) throw invalid(`court records are named only when the item is met, not ${request.judgement}`, 'linkIds');
  if (request.judgement === 'not_applicable') {
    if (!reason) throw refused(ErrorCode.InputInvalid, 'checklist_needs_reason', 'say why the item does not apply (reason)', { where: 'reason' });
    return { ...base, judgement: 'not_applicable', documentIds: [], linkIds: [], reason };
  }
  if (reason) throw invalid('a reason is given for "not applicable" only', 'reason');
  if (!current || current.judgement === 'reopened')
    throw refused(ErrorCode.InputInvalid, 'checklist_nothing_to_reopen', 'the item has no mark to reopen', { where: 'judgement' });
  return { ...base, judgement: 'reopened', documentIds: [], linkIds: [] };
}

/**
 * Records a worker's judgement on one item of a file's checklist, if `revision` is still the item's (0: no mark
 * yet). Call with the client row locked.
 */
export async function markItem(
  tx: Queryable,
  keyring: Keyring,
  target: { orgId: string; clientId: string; checklist: Checklist; records: readonly RecordOnFile[]; markedBy: string | null },
  request: MarkRequest,
  now: Date,
): Promise<{ id: string; revision: number }> {
  const marks = await listMarks(tx, keyring, target.orgId, target.clientId);
  const current = marks.find((m) => m.claimType === request.claimType && m.itemId === request.itemId);
  const stored = current?.revision ?? 0;
  if (stored !== request.revision)
    throw refused(
      ErrorCode.Conflict,
      'checklist_item_changed',
      `the item was changed by someone else (now revision ${stored}); reload the checklist and make your change again`,
      { where: 'revision' },
    );
  const body = await checkedBody(tx, target, request, current);
  if (!current) {
    const id = randomUUID();
    await tx.query('insert into client_checklist_marks (id, org_id, client_id, body, marked_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)', [
      id,
      target.orgId,
      target.clientId,
      await seal(tx, keyring, target.orgId, id, body),
      target.markedBy,
      now.toISOString(),
    ]);
    return { id, revision: 1 };
  }
  const updated = await tx.query<{ revision: number }>(
    `update client_checklist_marks set body = $4, revision = revision + 1, marked_by = $5, updated_at = $6
      where org_id = $1 and client_id = $2 and id = $3 and revision = $7 returning revision`,
    [target.orgId, target.clientId, current.id, await seal(tx, keyring, target.orgId, current.id, body), target.markedBy, now.toISOString(), stored],
  );
  const revision = updated[0]?.revision;
  if (revision === undefined)
    throw refused(ErrorCode.Conflict, 'checklist_item_changed', 'the item was changed by someone else; reload the checklist and make your change again', {
      where: 'revision',
    });
  return { id: current.id, revision };
}

/** Stores a mark as it was (an import): id, revision, author and times kept, sealed under the current data key. */
export async function storeMark(tx: Queryable, keyring: Keyring, orgId: string, clientId: string, mark: ChecklistMark): Promise<void> {
  const { id, revision, markedBy, createdAt, updatedAt, ...body } = mark;
  await tx.query(
    'insert into client_checklist_marks (id, org_id, client_id, body, revision, marked_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [id, orgId, clientId, await seal(tx, keyring, orgId, id, body), revision, markedBy, createdAt, updatedAt],
  );
}

/** Re-seals every mark of the organisation under its current data key (key rotation); returns how many. */
export async function resealMarks(tx: Queryable, keyring: Keyring, orgId: string): Promise<number> {
  const { version, key } = await keyring.currentOrgKey(tx, orgId);
  const rows = await tx.query<{ id: string; body: Uint8Array }>('select id, body from client_checklist_marks where org_id = $1 for update', [orgId]);
  for (const row of rows) {
    const old = await keyring.orgKey(tx, orgId, keyring.cipher.keyVersionOf(row.body));
    const plain = keyring.cipher.openText(old, binding(orgId, row.id), row.body);
    await tx.query('update client_checklist_marks set body = $3 where org_id = $1 and id = $2', [
      orgId,
      row.id,
      keyring.cipher.sealText(key, version, binding(orgId, row.id), plain),
    ]);
  }
  return rows.length;
}
