/**
 * The document checklist of a claim type (assets/guidance/evidence.yaml), held against one client file: a
 * `court_record` item is met by a linked criminal case whose card capture is still archived under its sha256; a
 * `document` item lists the documents uploaded to the file (a worker judges which one fits — their content is not
 * read); `statement` and `other` items are for the worker to gather. A worker's judgement
 * (src/casework/checklist-marks.ts) comes first: met by the documents or court records it names — unless one of
 * them is gone since (a document deleted, a link removed, a capture no longer archived): then the item is to check
 * again, never silently met —, not applicable with its reason, or reopened (as if never marked). Pure functions.
 */
import type { LoadedKnowledgeBase } from '../guidance/load.ts';
import type { Checklist, ChecklistItemKind, ClaimType, Fact } from '../guidance/schema.ts';
import type { ChecklistMark, Judgement } from './checklist-marks.ts';
import type { DocumentSummary } from './documents.ts';
import type { CaseLink } from './record.ts';

export const ITEM_STATUSES = ['met', 'not_applicable', 'to_check', 'open'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface LinkedRecord {
  link: CaseLink;
  captureArchived: boolean;
}

/** Why something a mark names no longer proves the item. */
export type MissingReason = 'deleted' | 'unlinked' | 'capture_not_archived';

export interface MarkView {
  judgement: Judgement;
  /** The mark's revision: what the next change is made on. */
  revision: number;
  markedBy: string | null;
  markedByEmail: string | null;
  markedAt: string;
  reason?: string;
  note?: string;
  /** What the mark names that is still on the file. */
  documents: Array<{ id: string; name: string; sha256: string }>;
  courtRecords: Array<{ linkId: string; caseId: number; caseNumber: string | null; courtVnkod: string; captureSha256: string | null }>;
  /** What the mark names that is gone since: the item needs a check again. */
  missing: Array<{ kind: 'document' | 'court_record'; id: string; why: MissingReason }>;
  needsCheck: boolean;
}

export interface ChecklistItemView {
  id: string;
  kind: ChecklistItemKind;
  what: { en: string; ru: string };
  why: { en: string; ru: string };
  sources: Fact[];
  destinations: Array<{ country: string; note: { en: string; ru: string }; sources: Fact[] }>;
  /**
   * met: by a worker's judgement (naming documents or court records all still on the file), or by a linked court
   * record with an archived capture; not_applicable: a worker's judgement with its reason; to_check: candidates on
   * the file for a worker to judge, or a mark naming something gone since; open: nothing on the file yet.
   */
  status: ItemStatus;
  metBy: 'judgement' | 'court_record' | null;
  /** The worker's mark (null: never marked). */
  mark: MarkView | null;
  /** The revision a change of the item's mark is made on (0: never marked). */
  revision: number;
  courtRecords: Array<{
    linkId: string;
    caseId: number;
    caseNumber: string | null;
    courtVnkod: string;
    captureSha256: string | null;
    captureArchived: boolean;
  }>;
  documents: Array<{ id: string; name: string; sha256: string; uploadedAt: string }>;
}

export interface ChecklistView {
  claimType: ClaimType;
  title: { en: string; ru: string };
  summary: { en: string; ru: string };
  items: ChecklistItemView[];
  counts: Record<ItemStatus, number>;
}

function facts(kb: LoadedKnowledgeBase, ids: readonly string[]): Fact[] {
  return ids.flatMap((id) => {
    const fact = kb.factById.get(id);
    return fact ? [fact] : [];
  });
}

export function checklistFor(kb: LoadedKnowledgeBase, claimType: ClaimType): Checklist | undefined {
  return kb.checklists.find((c) => c.claim_type === claimType);
}

export function checklistView(
  kb: LoadedKnowledgeBase,
  checklist: Checklist,
  records: readonly LinkedRecord[],
  documents: readonly DocumentSummary[],
  marks: readonly ChecklistMark[] = [],
  emails: ReadonlyMap<string, string> = new Map(),
): ChecklistView {
  const items = checklist.items.map((item): ChecklistItemView => {
    const courtRecords =
      item.kind === 'court_record'
        ? records.map((r) => ({
            linkId: r.link.linkId,
            caseId: r.link.caseId,
            caseNumber: r.link.caseNumber,
            courtVnkod: r.link.courtVnkod,
            captureSha256: r.link.captureSha256,
            captureArchived: r.captureArchived,
          }))
        : [];
    const docs = item.kind === 'document' ? documents.map((d) => ({ id: d.id, name: d.name, sha256: d.sha256, uploadedAt: d.uploadedAt })) : [];
    const byRecord = courtRecords.some((r) => r.captureArchived && r.captureSha256);
    const found = marks.find((m) => m.claimType === checklist.claim_type && m.itemId === item.id);
    const mark = found ? markView(found, records, documents, emails) : null;
    const computed: ItemStatus = byRecord ? 'met' : courtRecords.length || docs.length ? 'to_check' : 'open';
    let status: ItemStatus = computed;
    let metBy: ChecklistItemView['metBy'] = byRecord ? 'court_record' : null;
    if (mark?.judgement === 'not_applicable') {
      status = 'not_applicable';
      metBy = null;
    } else if (mark?.judgement === 'met') {
      status = mark.needsCheck ? 'to_check' : 'met';
      metBy = mark.needsCheck ? null : 'judgement';
    }
    return {
      id: item.id,
      kind: item.kind,
      what: item.what,
      why: item.why,
      sources: facts(kb, item.facts),
      destinations: item.destinations.map((d) => ({ country: d.country, note: d.note, sources: facts(kb, d.facts) })),
      status,
      metBy,
      mark,
      revision: found?.revision ?? 0,
      courtRecords,
      documents: docs,
    };
  });
  const counts: Record<ItemStatus, number> = { met: 0, not_applicable: 0, to_check: 0, open: 0 };
  for (const item of items) counts[item.status] += 1;
  return { claimType: checklist.claim_type, title: checklist.title, summary: checklist.summary, items, counts };
}

/** A mark as shown: what it names that is still on the file, and what is gone since. */
function markView(mark: ChecklistMark, records: readonly LinkedRecord[], documents: readonly DocumentSummary[], emails: ReadonlyMap<string, string>): MarkView {
  const missing: MarkView['missing'] = [];
  const docs: MarkView['documents'] = [];
  for (const id of mark.documentIds) {
    const d = documents.find((x) => x.id === id);
    if (d) docs.push({ id: d.id, name: d.name, sha256: d.sha256 });
    else missing.push({ kind: 'document', id, why: 'deleted' });
  }
  const courtRecords: MarkView['courtRecords'] = [];
  for (const id of mark.linkIds) {
    const r = records.find((x) => x.link.linkId === id);
    if (!r) missing.push({ kind: 'court_record', id, why: 'unlinked' });
    else {
      if (!r.captureArchived || !r.link.captureSha256) missing.push({ kind: 'court_record', id, why: 'capture_not_archived' });
      courtRecords.push({
        linkId: r.link.linkId,
        caseId: r.link.caseId,
        caseNumber: r.link.caseNumber,
        courtVnkod: r.link.courtVnkod,
        captureSha256: r.link.captureSha256,
      });
    }
  }
  return {
    judgement: mark.judgement,
    revision: mark.revision,
    markedBy: mark.markedBy,
    markedByEmail: mark.markedBy ? (emails.get(mark.markedBy) ?? null) : null,
    markedAt: mark.updatedAt,
    ...(mark.reason ? { reason: mark.reason } : {}),
    ...(mark.note ? { note: mark.note } : {}),
    documents: docs,
    courtRecords,
    missing,
    needsCheck: mark.judgement === 'met' && missing.length > 0,
  };
}
