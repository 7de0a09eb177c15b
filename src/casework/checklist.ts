/**
 * The document checklist of a claim type (assets/guidance/evidence.yaml), held against one client file: a
 * `court_record` item is met by a linked criminal case whose card capture is still archived under its sha256; a
 * `document` item lists the documents uploaded to the file (a worker judges which one fits — their content is not
 * read); `statement` and `other` items are for the worker to gather. Pure functions.
 */
import type { LoadedKnowledgeBase } from '../guidance/load.ts';
import type { Checklist, ChecklistItemKind, ClaimType, Fact } from '../guidance/schema.ts';
import type { DocumentSummary } from './documents.ts';
import type { CaseLink } from './record.ts';

export type ItemStatus = 'met' | 'to_check' | 'open';

export interface LinkedRecord {
  link: CaseLink;
  captureArchived: boolean;
}

export interface ChecklistItemView {
  id: string;
  kind: ChecklistItemKind;
  what: { en: string; ru: string };
  why: { en: string; ru: string };
  sources: Fact[];
  destinations: Array<{ country: string; note: { en: string; ru: string }; sources: Fact[] }>;
  /**
   * met: a linked court record with an archived capture; to_check: candidates on the file (a linked record without
   * an archived capture, or uploaded documents) for a worker to judge; open: nothing on the file yet.
   */
  status: ItemStatus;
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
): ChecklistView {
  return {
    claimType: checklist.claim_type,
    title: checklist.title,
    summary: checklist.summary,
    items: checklist.items.map((item) => {
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
      const status: ItemStatus = courtRecords.some((r) => r.captureArchived && r.captureSha256)
        ? 'met'
        : courtRecords.length || docs.length
          ? 'to_check'
          : 'open';
      return {
        id: item.id,
        kind: item.kind,
        what: item.what,
        why: item.why,
        sources: facts(kb, item.facts),
        destinations: item.destinations.map((d) => ({ country: d.country, note: d.note, sources: facts(kb, d.facts) })),
        status,
        courtRecords,
        documents: docs,
      };
    }),
  };
}
