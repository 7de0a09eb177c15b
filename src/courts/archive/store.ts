import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/database.ts';

export type CaptureSource = 'file' | 'warc' | 'crawl' | 'synthetic';

export interface CaptureInput {
  bytes: Uint8Array;
  url: string;
  /** ISO time of retrieval; null when unknown (a saved file). */
  retrievedAt: string | null;
  httpStatus: number | null;
  httpHeaders: [string, string][] | null;
  requestHeaders: [string, string][] | null;
  contentType: string | null;
  source: CaptureSource;
  sourceRef: string | null;
  synthetic: boolean;
  pageKind: string;
  layout: string | null;
  courtVnkod: string | null;
  /** For a capture read from a WARC file: its record as it was, so that an export re-emits it unchanged. */
  record?: WarcRecordEvidence | null;
}

/** A WARC record as read: the exact header blocks and, when the payload was encoded, the payload as transmitted. */
export interface WarcRecordEvidence {
  type: 'response' | 'resource' | 'revisit' | 'metadata';
  recordId: string | null;
  /** The WARC header block exactly as read (version line to the blank line). */
  warcHead: Uint8Array;
  /** The HTTP header block as received (status line to the blank line); null for resource and metadata records. */
  httpHead: Uint8Array | null;
  /** The payload as transmitted when it differs from the stored body (content- or transfer-encoded); else null. */
  payload: Uint8Array | null;
  payloadDigest: string | null;
  ipAddress: string | null;
  /** The request record that was sent for it: header block and block, exactly as read. */
  request: { warcHead: Uint8Array; block: Uint8Array } | null;
}

export interface StoredCapture {
  id: number;
  sha256: string;
  created: boolean;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stores a response in the evidence archive: the exact bytes once per content hash, and one capture row
 * per (URL, content, retrieval time). Storing the same capture again is a no-op that returns the
 * existing row. Nothing is ever updated or deleted.
 */
export async function storeCapture(tx: Queryable, input: CaptureInput): Promise<StoredCapture> {
  const sha256 = sha256Hex(input.bytes);
  const record = input.record ?? null;
  let payloadSha256: string | null = null;
  if (record?.payload) {
    payloadSha256 = sha256Hex(record.payload);
    await tx.query('insert into blobs (sha256, size, body) values ($1, $2, $3) on conflict (sha256) do nothing', [
      payloadSha256,
      record.payload.byteLength,
      record.payload,
    ]);
  }
  const inserted = await tx.query<{ id: number }>(
    `with blob as (insert into blobs (sha256, size, body) values ($6, $14, $15) on conflict (sha256) do nothing)
     insert into captures (url, retrieved_at, http_status, http_headers, request_headers, sha256, content_type, source, source_ref,
                           synthetic, page_kind, layout, court_vnkod, record_type, warc_record_id, warc_head, http_head, payload_sha256,
                           payload_digest, ip_address, request_warc_head, request_block)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $16, $17, $18, $19, $20, $21, $22, $23, $24)
     on conflict (url, sha256, coalesce(retrieved_at, 'epoch'::timestamptz), coalesce(record_type, 'response')) do nothing
     returning id`,
    [
      input.url,
      input.retrievedAt,
      input.httpStatus,
      input.httpHeaders === null ? null : JSON.stringify(input.httpHeaders),
      input.requestHeaders === null ? null : JSON.stringify(input.requestHeaders),
      sha256,
      input.contentType,
      input.source,
      input.sourceRef,
      input.synthetic,
      input.pageKind,
      input.layout,
      input.courtVnkod,
      input.bytes.byteLength,
      input.bytes,
      record?.type ?? null,
      record?.recordId ?? null,
      record?.warcHead ?? null,
      record?.httpHead ?? null,
      payloadSha256,
      record?.payloadDigest ?? null,
      record?.ipAddress ?? null,
      record?.request?.warcHead ?? null,
      record?.request?.block ?? null,
    ],
  );
  if (inserted[0]) return { id: inserted[0].id, sha256, created: true };
  const existing = await tx.query<{ id: number }>(
    `select id from captures where url = $1 and sha256 = $2 and coalesce(retrieved_at, 'epoch'::timestamptz) = coalesce($3::timestamptz, 'epoch'::timestamptz)
       and coalesce(record_type, 'response') = coalesce($4, 'response')`,
    [input.url, sha256, input.retrievedAt, record?.type ?? null],
  );
  const row = existing[0];
  if (!row) throw new Error('capture vanished after a conflicting insert');
  return { id: row.id, sha256, created: false };
}

/** A capture's faithful record columns (null for a capture that did not come from a WARC record). */
export interface CaptureRecordColumns {
  record_type: WarcRecordEvidence['type'] | null;
  warc_record_id: string | null;
  warc_head: Uint8Array | null;
  http_head: Uint8Array | null;
  payload_sha256: string | null;
  ip_address: string | null;
  request_warc_head: Uint8Array | null;
  request_block: Uint8Array | null;
}

export const CAPTURE_RECORD_COLUMNS = 'record_type, warc_record_id, warc_head, http_head, payload_sha256, ip_address, request_warc_head, request_block';

export interface CaptureRow {
  id: number;
  url: string;
  retrieved_at: string | null;
  ingested_at: string;
  http_status: number | null;
  http_headers: [string, string][] | null;
  request_headers: [string, string][] | null;
  sha256: string;
  content_type: string | null;
  source: CaptureSource;
  source_ref: string | null;
  synthetic: boolean;
  page_kind: string;
  layout: string | null;
  court_vnkod: string | null;
}

export const CAPTURE_COLUMNS =
  'id, url, retrieved_at, ingested_at, http_status, http_headers, request_headers, sha256, content_type, source, source_ref, synthetic, page_kind, layout, court_vnkod';

export async function captureBody(db: Queryable, sha256: string): Promise<Uint8Array | null> {
  const rows = await db.query<{ body: Uint8Array }>('select body from blobs where sha256 = $1', [sha256]);
  return rows[0]?.body ?? null;
}

export interface VerifyReport {
  checked: number;
  mismatches: { sha256: string; actual: string; captures: number[] }[];
}

/** Re-hashes every stored body and reports the ones whose bytes no longer match their hash. */
export async function verifyArchive(db: Queryable, batchSize = 200): Promise<VerifyReport> {
  const report: VerifyReport = { checked: 0, mismatches: [] };
  let after = '';
  for (;;) {
    const rows = await db.query<{ sha256: string; body: Uint8Array }>('select sha256, body from blobs where sha256 > $1 order by sha256 limit $2', [
      after,
      batchSize,
    ]);
    if (rows.length === 0) break;
    for (const row of rows) {
      report.checked += 1;
      const actual = sha256Hex(row.body);
      if (actual !== row.sha256) {
        const captures = await db.query<{ id: number }>('select id from captures where sha256 = $1 order by id', [row.sha256]);
        report.mismatches.push({ sha256: row.sha256, actual, captures: captures.map((c) => c.id) });
      }
      after = row.sha256;
    }
  }
  return report;
}
