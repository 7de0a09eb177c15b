import { createReadStream } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { brotliDecompressSync, createGunzip, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { z } from 'zod';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { isGzipFile } from '../../shared/gzip.ts';
import type { CaptureRecordColumns, CaptureRow, CaptureSource } from './store.ts';

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

/** The warcinfo record that opens an export; `filename` is the name of the file written. */
export async function warcInfoRecord(software: string, filename: string): Promise<Uint8Array> {
  const record = WARCRecord.createWARCInfo(
    { filename, warcVersion: 'WARC/1.1' },
    { software, format: 'WARC File Format 1.1', description: 'otkaz evidence archive export' },
  );
  return serialize(record);
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A capture as the export writes it: its row, and its WARC record as read when it came from one. */
export type ExportCapture = CaptureRow & Partial<CaptureRecordColumns>;

const CRLF2 = Buffer.from('\r\n\r\n');

/** The Content-Length a WARC header block declares. */
function declaredLength(head: Uint8Array): number | null {
  const match = /\r?\ncontent-length:[ \t]*(\d+)/i.exec(Buffer.from(head).toString('latin1'));
  return match ? Number(match[1]) : null;
}

/** A record exactly as it was read: header block, block, CRLF CRLF; null when the stored parts do not add up. */
function asRead(warcHead: Uint8Array, block: Uint8Array): Uint8Array | null {
  if (declaredLength(warcHead) !== block.byteLength) return null;
  return Buffer.concat([warcHead, block, CRLF2]);
}

/**
 * The records of one capture. A capture read from a WARC record is written as it was read — its request record, then
 * the record itself, byte for byte (headers, digests, status line, WARC-Concurrent-To, WARC-IP-Address) — followed by
 * otkaz's metadata record. Any other capture gets a response record made from what is known (its status with the
 * standard reason phrase; a request record only when the request headers that were sent are known), then the metadata.
 * `payload` is the payload as transmitted when it was stored apart from the body.
 */
export async function captureRecords(capture: ExportCapture, body: Uint8Array, payload: Uint8Array | null = null): Promise<Uint8Array[]> {
  const date = capture.retrieved_at ?? capture.ingested_at;
  const out: Uint8Array[] = [];
  let responseId: string;
  const original = faithfulRecords(capture, body, payload);
  if (original) {
    out.push(...original);
    responseId = capture.warc_record_id ?? '';
  } else {
    const requestHeaders = capture.request_headers ?? [];
    let requestId: string | null = null;
    if (isHttp(capture.url) && requestHeaders.length > 0) {
      const url = new URL(capture.url);
      const request = WARCRecord.create({
        url: capture.url,
        date,
        type: 'request',
        warcVersion: 'WARC/1.1',
        statusline: `GET ${url.pathname}${url.search} HTTP/1.1`,
        httpHeaders: requestHeaders,
        ...(capture.ip_address ? { warcHeaders: { 'WARC-IP-Address': capture.ip_address } } : {}),
      });
      out.push(await serialize(request));
      requestId = request.warcHeader('WARC-Record-ID') ?? null;
    }
    const headers: [string, string][] = (capture.http_headers ?? [['Content-Type', capture.content_type ?? 'text/html']]).filter(
      ([name]) => !FRAMING.test(name),
    );
    const status = capture.http_status ?? 200;
    const warcHeaders: Record<string, string> = {};
    if (requestId) warcHeaders['WARC-Concurrent-To'] = requestId;
    if (capture.ip_address) warcHeaders['WARC-IP-Address'] = capture.ip_address;
    const response = WARCRecord.create(
      {
        url: capture.url,
        date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd(),
        httpHeaders: headers,
        warcHeaders,
      },
      [body],
    );
    out.push(await serialize(response));
    responseId = response.warcHeader('WARC-Record-ID') ?? '';
  }
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

/** The request and the record of a capture read from a WARC, as they were read; null when they cannot be rebuilt. */
function faithfulRecords(capture: ExportCapture, body: Uint8Array, payload: Uint8Array | null): Uint8Array[] | null {
  if (!capture.warc_head) return null;
  const content = payload ?? body;
  const type = capture.record_type;
  const head = capture.http_head ?? new Uint8Array();
  const block = type === 'revisit' ? head : type === 'response' ? Buffer.concat([head, content]) : content;
  const record = asRead(capture.warc_head, block);
  if (!record) return null;
  const out: Uint8Array[] = [];
  if (capture.request_warc_head && capture.request_block) {
    const request = asRead(capture.request_warc_head, capture.request_block);
    if (request) out.push(request);
  }
  out.push(record);
  return out;
}

/**
 * One record of a WARC file that becomes a capture (a response, resource, revisit or foreign metadata record), with
 * its request record and otkaz's metadata when the file came from otkaz. Headers keep their case and order.
 */
export interface WarcResponse {
  type: 'response' | 'resource' | 'revisit' | 'metadata';
  url: string;
  date: string | null;
  status: number | null;
  /** The HTTP status line as received (null: not an HTTP message). */
  statusLine: string | null;
  headers: [string, string][];
  /** The body to parse: transfer and content encodings undone. Empty for a revisit (resolved against the archive). */
  body: Buffer;
  /** The payload as transmitted, when it differs from `body`; else null. */
  payload: Buffer | null;
  payloadDigest: string | null;
  recordId: string | null;
  /** A revisit's WARC-Refers-To and WARC-Profile. */
  refersTo: string | null;
  profile: string | null;
  ipAddress: string | null;
  /** The WARC header block exactly as read, and the HTTP header block exactly as received. */
  warcHead: Buffer;
  httpHead: Buffer | null;
  request: { warcHead: Buffer; block: Buffer } | null;
  metadata: ImportedMetadata | null;
}

/** What a re-import uses of otkaz's metadata record (checked: a foreign or damaged one is ignored). */
const importedMetadata = z.object({
  url: z.string(),
  httpStatus: z.number().int().min(100).max(999).nullable(),
  httpHeaders: z.array(z.tuple([z.string(), z.string()])).nullable(),
  source: z.enum(['file', 'warc', 'crawl', 'synthetic']),
  sourceRef: z.string().nullable(),
  synthetic: z.boolean(),
  retrievedAtKnown: z.boolean(),
});
export type ImportedMetadata = z.infer<typeof importedMetadata>;

function parseMetadata(bytes: Uint8Array): ImportedMetadata | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as { otkaz?: unknown };
    const checked = importedMetadata.safeParse(value.otkaz);
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}

/**
 * One item of a WARC file: a response (with its metadata) or a record that could not be read. `offset` is
 * the byte offset of the record's first line in the WARC (for a .warc.gz: in the decompressed stream).
 */
export type WarcItem = { offset: number; response: WarcResponse; error: null } | { offset: number; response: null; error: OtkazError };

/** Limits on one record: larger headers are not a WARC; larger bodies are skipped (and reported), never held. */
export const WARC_LIMITS = { headerBytes: 64 * 1024, recordBytes: 256 * 1024 * 1024, failuresPerFile: 100 };

const CRLFCRLF = Buffer.from('\r\n\r\n');

/** A record whose framing is wrong: reported, then reading resumes at the next record found. */
class FramingError extends Error {
  offset: number | null = null;
}
/**
 * The file itself cannot be read on (I/O, broken gzip): reported, and the rest of that file is lost. (zlib
 * decompresses a whole read buffer at once, so the records just before a broken gzip member can go with it.)
 */
class SourceError extends Error {}

/** Buffered reading of a byte stream, counting the position. */
class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly chunks: AsyncIterator<Buffer>;
  constructor(
    private readonly stream: Readable,
    public position: number,
  ) {
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (cause) {
      throw new SourceError(`the file cannot be read on after byte ${this.position + this.buffer.length}: ${(cause as Error).message}`, { cause });
    }
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }

  private consume(n: number): Buffer {
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    this.position += n;
    return out;
  }

  /** The next line with its LF; at the end of the file what is left (null when nothing). Longer than `max`: FramingError. */
  async line(max: number): Promise<Buffer | null> {
    for (let from = 0; ; ) {
      const nl = this.buffer.indexOf(10, from);
      if (nl >= 0) {
        if (nl + 1 > max) throw new FramingError(`a header line longer than ${max} bytes`);
        return this.consume(nl + 1);
      }
      if (this.buffer.length > max) throw new FramingError(`a header line longer than ${max} bytes`);
      from = this.buffer.length;
      if (!(await this.more())) return this.buffer.length === 0 ? null : this.consume(this.buffer.length);
    }
  }

  /** Up to `n` bytes (fewer only at the end of the file); with `keep` false they are counted, not kept. */
  async bytes(n: number, keep = true): Promise<{ data: Buffer; count: number }> {
    const parts: Buffer[] = [];
    let count = 0;
    while (count < n) {
      if (this.buffer.length === 0 && !(await this.more())) break;
      const part = this.consume(Math.min(n - count, this.buffer.length));
      if (keep) parts.push(part);
      count += part.length;
    }
    return { data: parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts), count };
  }

  /** Moves to just after the next LF followed by `marker`; false when there is none before the end. */
  async seekLineStarting(marker: Buffer): Promise<boolean> {
    const needle = Buffer.concat([Buffer.from('\n'), marker]);
    for (;;) {
      const at = this.buffer.indexOf(needle);
      if (at >= 0) {
        this.consume(at + 1);
        return true;
      }
      if (this.buffer.length >= needle.length) this.consume(this.buffer.length - needle.length + 1);
      if (!(await this.more())) return false;
    }
  }

  close(): void {
    this.stream.destroy();
  }
}

/**
 * Where a WARC's bytes come from: a file on disk, or an entry of a WACZ (zip). `open(start)` gives the bytes as
 * stored (gzipped or not) from byte `start` on; `head()` the first two (to tell a gzipped WARC).
 */
export interface WarcSource {
  open(start: number): Promise<Readable>;
  head(): Promise<Buffer>;
}

/** A WARC file on disk as a source. */
export function fileSource(file: string): WarcSource {
  return {
    open: async (start) => createReadStream(file, { start }),
    head: async () => ((await isGzipFile(file)) ? Buffer.from([0x1f, 0x8b]) : Buffer.alloc(0)),
  };
}

/** A reader of the (decompressed) WARC from byte `start`. */
async function openAt(source: WarcSource, gzip: boolean, start: number): Promise<ByteReader> {
  if (!gzip) return new ByteReader(await source.open(start), start);
  const reader = new ByteReader(
    pipeline(await source.open(0), createGunzip(), () => undefined),
    0,
  );
  await reader.bytes(start, false);
  return reader;
}

interface RawRecord {
  offset: number;
  headers: Map<string, string>;
  /** Every WARC-Concurrent-To (the header may repeat). */
  concurrent: string[];
  /** The header block as read (version line to the blank line). */
  head: Buffer;
  /** null when the record was too large to keep. */
  block: Buffer | null;
}

/** The next record at the reader, checked: WARC/1.0 or 1.1, the required headers, a Content-Length that holds. */
async function nextRecord(reader: ByteReader): Promise<RawRecord | null> {
  const at = { offset: reader.position };
  try {
    return await readRecord(reader, at);
  } catch (error) {
    if (error instanceof FramingError && error.offset === null) error.offset = at.offset;
    throw error;
  }
}

async function readRecord(reader: ByteReader, at: { offset: number }): Promise<RawRecord | null> {
  let line: Buffer | null;
  let offset: number;
  do {
    offset = reader.position;
    at.offset = offset;
    line = await reader.line(WARC_LIMITS.headerBytes);
    if (line === null) return null;
  } while (/^\r?\n$/.test(line.toString('latin1')));
  const fail = (message: string) => new FramingError(message);
  if (!/^WARC\/1\.[01]\r?\n$/.test(line.toString('latin1'))) throw fail('not a WARC record (a "WARC/1.0" or "WARC/1.1" line expected)');
  const parts = [line];
  let size = line.length;
  const headers = new Map<string, string>();
  const concurrent: string[] = [];
  let last: string | null = null;
  for (;;) {
    const next = await reader.line(WARC_LIMITS.headerBytes);
    if (next === null) throw fail('truncated: the file ends inside the record headers');
    parts.push(next);
    size += next.length;
    if (size > WARC_LIMITS.headerBytes) throw fail(`record headers longer than ${WARC_LIMITS.headerBytes} bytes`);
    const text = next.toString('utf8').replace(/\r?\n$/, '');
    if (text === '') break;
    if (/^[ \t]/.test(text) && last !== null) {
      headers.set(last, `${headers.get(last) ?? ''} ${text.trim()}`);
      continue;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) throw fail('not a WARC record (a header line without a name)');
    last = text.slice(0, colon).trim().toLowerCase();
    if (last === 'warc-concurrent-to') concurrent.push(text.slice(colon + 1).trim());
    if (!headers.has(last)) headers.set(last, text.slice(colon + 1).trim());
  }
  if (!headers.get('warc-type') || !headers.get('warc-record-id')) throw fail('not a WARC record (WARC-Type and WARC-Record-ID expected)');
  const declared = headers.get('content-length');
  if (declared === undefined || !/^\d{1,15}$/.test(declared)) throw fail('the Content-Length header is missing or not a number');
  const length = Number(declared);
  const keep = length <= WARC_LIMITS.recordBytes;
  const block = await reader.bytes(length, keep);
  if (block.count < length) throw fail(`truncated: the file ends ${length - block.count} bytes before the record does (Content-Length ${length})`);
  const end = (await reader.bytes(4)).data;
  if (!end.equals(CRLFCRLF.subarray(0, end.length))) throw fail('the record is not followed by CRLF CRLF: its Content-Length is wrong');
  return { offset, headers, concurrent, head: Buffer.concat(parts), block: keep ? block.data : null };
}

/** Where an HTTP header block ends (just after its blank line), or -1. */
function headEnd(block: Buffer): number {
  const crlf = block.indexOf(CRLFCRLF.subarray(0, 4));
  const lf = block.indexOf(Buffer.from('\n\n'));
  if (crlf < 0 && lf < 0) return -1;
  if (crlf < 0) return lf + 2;
  if (lf < 0) return crlf + 4;
  return Math.min(crlf + 4, lf + 2);
}

/** An HTTP header block's status line and headers, names with their case and in their order. */
export function parseHttpHead(head: Buffer): { statusLine: string; headers: [string, string][] } {
  const lines = head.toString('latin1').split(/\r?\n/);
  const statusLine = lines.shift() ?? '';
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (line === '') continue;
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new FramingError('its HTTP message cannot be decoded (a header line without a name)');
    headers.push([Buffer.from(line.slice(0, colon).trim(), 'latin1').toString('utf8'), Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8')]);
  }
  return { statusLine, headers };
}

/** A chunked body joined; null when it is not well-formed chunked encoding. */
function dechunk(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const nl = data.indexOf(10, at);
    if (nl < 0) return null;
    const size = Number.parseInt(data.subarray(at, nl).toString('latin1').split(';')[0]?.trim() ?? '', 16);
    if (!Number.isInteger(size) || size < 0) return null;
    at = nl + 1;
    if (size === 0) return Buffer.concat(parts);
    if (at + size > data.length) return null;
    parts.push(data.subarray(at, at + size));
    at += size;
    if (data[at] === 13) at += 1;
    if (data[at] === 10) at += 1;
  }
}

function headerValue(headers: [string, string][], name: string): string | null {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
}

/**
 * The body as the parser reads it: chunked transfer encoding joined, then gzip, deflate or br content encoding
 * undone (in the order they were applied). What cannot be decoded is left as it came (the raw bytes are kept anyway).
 */
export function decodeBody(payload: Buffer, headers: [string, string][]): Buffer {
  let body = payload;
  if (/chunked/i.test(headerValue(headers, 'transfer-encoding') ?? '')) body = dechunk(body) ?? body;
  const codings = (headerValue(headers, 'content-encoding') ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  for (const coding of codings.reverse()) {
    try {
      if (coding === 'gzip' || coding === 'x-gzip') body = gunzipSync(body);
      else if (coding === 'deflate') {
        try {
          body = inflateSync(body);
        } catch {
          body = inflateRawSync(body);
        }
      } else if (coding === 'br') body = brotliDecompressSync(body);
      else return body;
    } catch {
      return body;
    }
  }
  return body;
}

const unbracket = (value: string | undefined): string => (value?.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : (value ?? ''));

/** A response, resource, revisit or metadata record: its HTTP message (when it has one) and the body to parse. */
function messageOf(raw: RawRecord, block: Buffer, type: WarcResponse['type']): WarcResponse {
  let httpHead: Buffer | null = null;
  let statusLine: string | null = null;
  let headers: [string, string][] = [];
  let payload = block;
  if (type === 'response' || (type === 'revisit' && block.length > 0)) {
    const end = headEnd(block);
    if (end < 0) {
      if (type === 'response') throw new FramingError('its HTTP message cannot be decoded (no end of the HTTP headers)');
      httpHead = block;
      payload = Buffer.alloc(0);
    } else {
      httpHead = block.subarray(0, end);
      payload = block.subarray(end);
    }
    const parsed = parseHttpHead(httpHead);
    statusLine = parsed.statusLine;
    headers = parsed.headers;
  } else {
    const contentType = raw.headers.get('content-type');
    if (contentType) headers = [['Content-Type', contentType]];
  }
  const body = type === 'revisit' ? Buffer.alloc(0) : decodeBody(payload, headers);
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine ?? '')?.[1] ?? Number.NaN);
  return {
    type,
    url: unbracket(raw.headers.get('warc-target-uri')),
    date: raw.headers.get('warc-date') ?? null,
    status: Number.isInteger(status) && status >= 100 && status <= 999 ? status : null,
    statusLine,
    headers,
    body,
    payload: type === 'revisit' || body.equals(payload) ? null : payload,
    payloadDigest: raw.headers.get('warc-payload-digest') ?? null,
    recordId: raw.headers.get('warc-record-id') ?? null,
    refersTo: raw.headers.get('warc-refers-to') ?? null,
    profile: raw.headers.get('warc-profile') ?? null,
    ipAddress: raw.headers.get('warc-ip-address') ?? null,
    warcHead: raw.head,
    httpHead,
    request: null,
    metadata: null,
  };
}

/**
 * Reads the response records (and their otkaz metadata) of a WARC file, plain or gzipped. A record that
 * cannot be read — wrong Content-Length, truncated, not a WARC record, an HTTP message that cannot be
 * decoded — is an error item with its offset, and reading goes on at the next record; only a file that
 * cannot be read on (I/O, broken gzip) ends early, with an error item saying where.
 */
export async function* readWarc(file: string, source: WarcSource = fileSource(file)): AsyncGenerator<WarcItem> {
  const invalid = (offset: number, message: string, cause?: unknown): WarcItem => ({
    offset,
    response: null,
    error: new OtkazError(ErrorCode.WarcInvalid, `record at byte ${offset}: ${message}`, { where: file, cause }),
  });
  let gzip: boolean;
  try {
    const head = await source.head();
    gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch (cause) {
    yield {
      offset: 0,
      response: null,
      error: new OtkazError(ErrorCode.InputNotFound, `cannot open the file: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { where: file, cause }),
    };
    return;
  }
  let pending: WarcItem | null = null;
  /** Request records waiting for their response (by WARC-Record-ID). */
  const requests = new Map<string, { offset: number; request: { warcHead: Buffer; block: Buffer }; concurrent: string[] }>();
  let records = 0;
  let failures = 0;
  let start = 0;
  for (;;) {
    const reader = await openAt(source, gzip, start).catch((cause: unknown) => cause as Error);
    if (reader instanceof Error) {
      yield invalid(start, reader.message, reader);
      return;
    }
    let resumeAt: number | null = null;
    try {
      for (;;) {
        let raw: RawRecord | null;
        try {
          raw = await nextRecord(reader);
        } catch (error) {
          if (!(error instanceof FramingError)) throw error;
          if (pending) yield pending;
          pending = null;
          const offset = error.offset ?? reader.position;
          yield invalid(offset, error.message, error);
          failures += 1;
          if (failures >= WARC_LIMITS.failuresPerFile) {
            yield invalid(offset, `${failures} bad records: the rest of the file is not read`);
            return;
          }
          resumeAt = offset + 1;
          break;
        }
        if (raw === null) break;
        records += 1;
        const type = raw.headers.get('warc-type');
        const recordId = raw.headers.get('warc-record-id') ?? '';
        if (type === 'request') {
          if (raw.block === null) {
            yield invalid(raw.offset, `a request larger than ${WARC_LIMITS.recordBytes} bytes is not read`);
            continue;
          }
          const request = { warcHead: raw.head, block: raw.block };
          // A request written after its response names the response it belongs to.
          if (pending?.response && !pending.response.request && raw.concurrent.includes(pending.response.recordId ?? '')) {
            pending.response.request = request;
            continue;
          }
          requests.set(recordId, { offset: raw.offset, request, concurrent: raw.concurrent });
          if (requests.size > 1000) {
            const [oldest] = requests;
            if (oldest) {
              requests.delete(oldest[0]);
              yield invalid(oldest[1].offset, 'a request record with no response record (WARC-Concurrent-To) in the 1000 records after it');
            }
          }
          continue;
        }
        if (type === 'metadata' && pending?.response && raw.block && raw.headers.get('warc-refers-to') === pending.response.recordId) {
          const otkaz = parseMetadata(raw.block);
          if (otkaz) {
            pending.response.metadata = otkaz;
            continue;
          }
        }
        if (type === 'response' || type === 'resource' || type === 'revisit' || type === 'metadata') {
          if (pending) yield pending;
          pending = null;
          if (raw.block === null) {
            yield invalid(raw.offset, `a ${type} record larger than ${WARC_LIMITS.recordBytes} bytes is not read`);
            continue;
          }
          try {
            const response = messageOf(raw, raw.block, type);
            for (const id of raw.concurrent) {
              const request = requests.get(id);
              if (request) {
                response.request = request.request;
                requests.delete(id);
                break;
              }
            }
            pending = { offset: raw.offset, response, error: null };
          } catch (cause) {
            yield invalid(raw.offset, cause instanceof FramingError ? cause.message : `its HTTP message cannot be decoded (${(cause as Error).name})`, cause);
          }
        } else if (type !== 'warcinfo') {
          // conversion, continuation, or a type WARC does not define: said, never dropped without a word.
          if (pending) yield pending;
          pending = null;
          yield invalid(raw.offset, `a "${(type ?? '').slice(0, 40)}" record is not read (only response, resource, revisit, request and metadata)`);
        }
      }
    } catch (error) {
      if (pending) yield pending;
      yield invalid(reader.position, error instanceof SourceError ? error.message : `the file cannot be read on: ${(error as Error).message}`, error);
      return;
    } finally {
      reader.close();
    }
    if (resumeAt === null) break;
    // Resynchronise: the next line that starts a WARC record after the bad one.
    const scan = await openAt(source, gzip, resumeAt).catch(() => null);
    if (!scan) break;
    try {
      if (!(await scan.seekLineStarting(Buffer.from('WARC/1.')))) break;
      start = scan.position;
    } catch {
      break;
    } finally {
      scan.close();
    }
  }
  if (pending) yield pending;
  for (const { offset } of requests.values()) yield invalid(offset, 'a request record with no response record (WARC-Concurrent-To)');
  if (records === 0 && failures === 0) yield invalid(0, 'no WARC records in the file');
}
