import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import { z } from 'zod';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { isGzipFile } from '../../shared/gzip.ts';
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
  const headers: [string, string][] = (capture.http_headers ?? [['Content-Type', capture.content_type ?? 'text/html']]).filter(([name]) => !FRAMING.test(name));
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

/** A reader of the (decompressed) WARC from byte `start`. */
async function openAt(file: string, gzip: boolean, start: number): Promise<ByteReader> {
  if (!gzip) return new ByteReader(createReadStream(file, { start }), start);
  const reader = new ByteReader(
    pipeline(createReadStream(file), createGunzip(), () => undefined),
    0,
  );
  await reader.bytes(start, false);
  return reader;
}

interface RawRecord {
  offset: number;
  headers: Map<string, string>;
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
  return { offset, headers, head: Buffer.concat(parts), block: keep ? block.data : null };
}

/** A response record's HTTP message: status, headers and the decoded body (warcio, on this record alone). */
async function responseOf(raw: RawRecord, block: Buffer): Promise<WarcResponse> {
  const record = await new WARCParser([Buffer.concat([raw.head, block, CRLFCRLF])]).parse();
  if (!record) throw new FramingError('the record cannot be parsed');
  const body = await record.readFully(true);
  const status = Number(record.httpHeaders?.statusCode ?? NaN);
  const target = raw.headers.get('warc-target-uri') ?? '';
  return {
    url: target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target,
    date: raw.headers.get('warc-date') ?? null,
    status: Number.isInteger(status) && status >= 100 && status <= 999 ? status : null,
    headers: record.httpHeaders ? [...record.httpHeaders.headers.entries()] : [],
    body,
    payloadDigest: raw.headers.get('warc-payload-digest') ?? null,
    recordId: raw.headers.get('warc-record-id') ?? null,
    metadata: null,
  };
}

/**
 * Reads the response records (and their otkaz metadata) of a WARC file, plain or gzipped. A record that
 * cannot be read — wrong Content-Length, truncated, not a WARC record, an HTTP message that cannot be
 * decoded — is an error item with its offset, and reading goes on at the next record; only a file that
 * cannot be read on (I/O, broken gzip) ends early, with an error item saying where.
 */
export async function* readWarc(file: string): AsyncGenerator<WarcItem> {
  const invalid = (offset: number, message: string, cause?: unknown): WarcItem => ({
    offset,
    response: null,
    error: new OtkazError(ErrorCode.WarcInvalid, `record at byte ${offset}: ${message}`, { where: file, cause }),
  });
  let gzip: boolean;
  try {
    gzip = await isGzipFile(file);
  } catch (cause) {
    yield {
      offset: 0,
      response: null,
      error: new OtkazError(ErrorCode.InputNotFound, `cannot open the file: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { where: file, cause }),
    };
    return;
  }
  let pending: WarcItem | null = null;
  let records = 0;
  let failures = 0;
  let start = 0;
  for (;;) {
    const reader = await openAt(file, gzip, start).catch((cause: unknown) => cause as Error);
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
        if (type === 'response') {
          if (pending) yield pending;
          pending = null;
          if (raw.block === null) {
            yield invalid(raw.offset, `a response larger than ${WARC_LIMITS.recordBytes} bytes is not read`);
            continue;
          }
          try {
            pending = { offset: raw.offset, response: await responseOf(raw, raw.block), error: null };
          } catch (cause) {
            yield invalid(raw.offset, `its HTTP message cannot be decoded (${(cause as Error).name})`, cause);
          }
        } else if (type === 'metadata' && pending?.response && raw.block && raw.headers.get('warc-refers-to') === pending.response.recordId) {
          pending.response.metadata = parseMetadata(raw.block);
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
    const scan = await openAt(file, gzip, resumeAt).catch(() => null);
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
  if (records === 0 && failures === 0) yield invalid(0, 'no WARC records in the file');
}
