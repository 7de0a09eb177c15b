// Hand-made WARC records for the ingest robustness tests: exact bytes, so that a test can break one on purpose.
import { createHash } from 'node:crypto';

export interface RawRecordOptions {
  id: string;
  url: string;
  body: Buffer;
  /** Overrides the WARC Content-Length header (a wrong one on purpose). */
  contentLength?: string;
  contentType?: string;
}

/** One WARC/1.1 response record (HTTP 200 with the body), ending with CRLF CRLF. */
export function responseRecord(options: RawRecordOptions): Buffer {
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${options.contentType ?? 'text/html; charset=utf-8'}\r\n\r\n`), options.body]);
  const head =
    `WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:${options.id}>\r\nWARC-Target-URI: ${options.url}\r\n` +
    `WARC-Date: 2026-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${options.contentLength ?? String(http.length)}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

/** A deterministic string of `length` hex digits (incompressible enough that PostgreSQL cannot shrink it). */
export function noise(length: number, seed = 'otkaz'): string {
  let out = '';
  let state = seed;
  while (out.length < length) {
    state = createHash('sha256').update(state).digest('hex');
    out += state;
  }
  return out.slice(0, length);
}
