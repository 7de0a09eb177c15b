import type { Database } from '../db/database.ts';
import { type CaptureSource, storeCapture } from './archive/store.ts';
import { type CaseRecord, storedCard, storedListRow } from './cases/record.ts';
import { upsertCase } from './cases/store.ts';
import { courtForUrl } from './directory/sync.ts';
import type { CourtDirectory } from './directory/types.ts';
import { parsePage } from './parse/page.ts';
import type { PageKind } from './parse/types.ts';

export interface IngestInput {
  bytes: Uint8Array;
  url: string;
  retrievedAt: string | null;
  httpStatus: number | null;
  httpHeaders: [string, string][] | null;
  requestHeaders?: [string, string][] | null;
  source: CaptureSource;
  sourceRef: string | null;
  synthetic: boolean;
}

export interface IngestResult {
  captureId: number;
  sha256: string;
  newCapture: boolean;
  kind: PageKind;
  courtVnkod: string | null;
  cases: { created: number; updated: number; unchanged: number; unidentified: number };
  /** Why some of the page could not be stored as cases (no names or page text here). */
  warnings: string[];
}

function header(headers: [string, string][] | null, name: string): string | null {
  return headers?.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
}

/**
 * One page into the system: archive the exact bytes first, then classify and parse, then store the cases
 * it shows — all in one transaction, so a failure leaves nothing half-written.
 */
export async function ingestPage(db: Database, directory: CourtDirectory, input: IngestInput, personKey: string): Promise<IngestResult> {
  const contentType = header(input.httpHeaders, 'content-type');
  const parsed = parsePage({ bytes: input.bytes, url: input.url, status: input.httpStatus, contentType });
  const pageCourt =
    parsed.kind === 'case_card' ? parsed.card.courtVnkod : parsed.kind === 'case_list' ? parsed.list.courtVnkod : parsed.courtVnkod;
  const courtVnkod = pageCourt ?? courtForUrl(directory, input.url);
  return db.transaction(async (tx) => {
    const capture = await storeCapture(tx, {
      bytes: input.bytes,
      url: input.url,
      retrievedAt: input.retrievedAt,
      httpStatus: input.httpStatus,
      httpHeaders: input.httpHeaders,
      requestHeaders: input.requestHeaders ?? null,
      contentType,
      source: input.source,
      sourceRef: input.sourceRef,
      synthetic: input.synthetic,
      pageKind: parsed.kind,
      layout: parsed.layout,
      courtVnkod,
    });
    const result: IngestResult = {
      captureId: capture.id,
      sha256: capture.sha256,
      newCapture: capture.created,
      kind: parsed.kind,
      courtVnkod,
      cases: { created: 0, updated: 0, unchanged: 0, unidentified: 0 },
      warnings: [],
    };
    const records: CaseRecord[] = [];
    if (parsed.kind === 'case_card' || parsed.kind === 'case_list') {
      if (!courtVnkod) {
        result.warnings.push('court unknown: the page names no court code and its URL is not in the directory');
      } else if (parsed.kind === 'case_card') {
        records.push({ courtVnkod, ids: parsed.card.ids, card: storedCard(parsed.card, personKey), list: null });
      } else {
        for (const row of parsed.list.rows) records.push({ courtVnkod, ids: row.ids, card: null, list: storedListRow(row) });
      }
    }
    for (const record of records) {
      const upsert = await upsertCase(tx, record, capture.id, input.synthetic);
      result.cases[upsert.status] += 1;
    }
    if (result.cases.unidentified > 0) {
      result.warnings.push(`${result.cases.unidentified} case(s) without the court's own ids (case_id/case_uid or judicial UID): archived, not stored as cases`);
    }
    return result;
  });
}
