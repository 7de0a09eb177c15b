import { createReadStream } from 'node:fs';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import type { CaptureRow, CaptureSource } from './store.ts';

/** What otkaz writes into each capture's WARC metadata record, so that a round trip loses nothing. */
export interface CaptureMetadata {
  captureId: number;
  sha256: string;
  /** The URL exactly as stored (WARC writers may normalise non-http URLs). */
  url: string;
  /** HTTP status as received; null when unknown (a saved file: the response record then says 200). */
  httpStatus: number | null;
  contentType: string | null;
  source: CaptureSource;
  sourceRef: string | null;
  synthetic: boolean;
  retrievedAtKnown: boolean;
  ingestedAt: string;
  pageKind: string;
  courtVnkod: string | null;
  /** Headers as received, including framing headers that the WARC response record leaves out. */
  httpHeaders: [string, string][] | null;
}

const FRAMING = /^(transfer-encoding|content-encoding|content-length)$/i;
const DIGEST = { algo: 'sha-256', prefix: 'sha256:', base32: false } as const;

const encoder = new TextEncoder();

async function serialize(record: WARCRecord): Promise<Uint8Array> {
  return WARCSerializer.serialize(record, { gzip: false, digest: DIGEST });
}

export async function warcInfoRecord(software: string): Promise<Uint8Array> {
  const record = WARCRecord.createWARCInfo(
    { filename: 'otkaz-export.warc', warcVersion: 'WARC/1.1' },
    { software, format: 'WARC File Format 1.1', description: 'otkaz evidence archive export' },
  );
  return serialize(record);
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** request (for http URLs), response and metadata records for one capture. */
export async function captureRecords(capture: CaptureRow, body: Uint8Array): Promise<Uint8Array[]> {
  const date = capture.retrieved_at ?? capture.ingested_at;
  const out: Uint8Array[] = [];
  const requestHeaders = capture.request_headers ?? [];
  if (isHttp(capture.url)) {
    const url = new URL(capture.url);
    const headers: [string, string][] = requestHeaders.length > 0 ? requestHeaders : [['Host', url.host]];
    const request = WARCRecord.create({
      url: capture.url,
      date,
      type: 'request',
      warcVersion: 'WARC/1.1',
      statusline: `GET ${url.pathname}${url.search} HTTP/1.1`,
      httpHeaders: headers,
    });
    out.push(await serialize(request));
  }
  const headers: [string, string][] = (capture.http_headers ?? [['Content-Type', capture.content_type ?? 'text/html']]).filter(
    ([name]) => !FRAMING.test(name),
  );
  const status = capture.http_status ?? 200;
  const response = WARCRecord.create(
    {
      url: capture.url,
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`,
      httpHeaders: headers,
    },
    [body],
  );
  const responseBytes = await serialize(response);
  out.push(responseBytes);
  const responseId = response.warcHeader('WARC-Record-ID') ?? '';
  const metadata: CaptureMetadata = {
    captureId: capture.id,
    sha256: capture.sha256,
    url: capture.url,
    httpStatus: capture.http_status,
    contentType: capture.content_type,
    source: capture.source,
    sourceRef: capture.source_ref,
    synthetic: capture.synthetic,
    retrievedAtKnown: capture.retrieved_at !== null,
    ingestedAt: capture.ingested_at,
    pageKind: capture.page_kind,
    courtVnkod: capture.court_vnkod,
    httpHeaders: capture.http_headers,
  };
  const meta = WARCRecord.create(
    {
      url: capture.url,
      date,
      type: 'metadata',
      warcVersion: 'WARC/1.1',
      warcHeaders: { 'Content-Type': 'application/json', 'WARC-Refers-To': responseId, 'WARC-Concurrent-To': responseId },
    },
    [encoder.encode(JSON.stringify({ otkaz: metadata }))],
  );
  out.push(await serialize(meta));
  return out;
}

/** One response read back from a WARC file, with otkaz's metadata when the file came from otkaz. */
export interface WarcResponse {
  url: string;
  date: string | null;
  status: number | null;
  headers: [string, string][];
  body: Uint8Array;
  payloadDigest: string | null;
  recordId: string | null;
  metadata: CaptureMetadata | null;
}

function parseMetadata(bytes: Uint8Array): CaptureMetadata | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as { otkaz?: CaptureMetadata };
    return value.otkaz ?? null;
  } catch {
    return null;
  }
}

/** Reads the response records (and their otkaz metadata) of a WARC file, plain or gzipped. */
export async function* readWarc(file: string): AsyncGenerator<WarcResponse> {
  let pending: WarcResponse | null = null;
  let index = 0;
  try {
    const parser = new WARCParser(createReadStream(file));
    for await (const record of parser) {
      index += 1;
      const type = record.warcHeader('WARC-Type');
      if (!type || !record.warcHeader('WARC-Record-ID') || !/^WARC\/1\.[01]$/.test(record.warcHeaders.protocol ?? '')) {
        throw new Error('not a WARC record (WARC/1.0 or 1.1 with WARC-Type and WARC-Record-ID expected)');
      }
      if (record.warcType === 'response') {
        if (pending) yield pending;
        const body = await record.readFully(true);
        const headers: [string, string][] = record.httpHeaders ? [...record.httpHeaders.headers.entries()] : [];
        const status = Number(record.httpHeaders?.statusCode ?? NaN);
        pending = {
          url: record.warcTargetURI ?? '',
          date: record.warcDate ?? null,
          status: Number.isFinite(status) ? status : null,
          headers,
          body,
          payloadDigest: record.warcPayloadDigest ?? null,
          recordId: record.warcHeader('WARC-Record-ID') ?? null,
          metadata: null,
        };
      } else if (record.warcType === 'metadata') {
        const body = await record.readFully(false);
        if (pending && record.warcHeader('WARC-Refers-To') === pending.recordId) pending.metadata = parseMetadata(body);
      } else {
        await record.skipFully();
      }
    }
  } catch (cause) {
    throw new OtkazError(ErrorCode.WarcInvalid, `cannot read WARC record ${index + 1}: ${(cause as Error).message}`, { where: file, cause });
  }
  if (index === 0) throw new OtkazError(ErrorCode.WarcInvalid, 'no WARC records in the file', { where: file });
  if (pending) yield pending;
}
