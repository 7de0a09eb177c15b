import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import type { IngestInput } from '../ingest.ts';
import { withoutNul } from '../parse/decode.ts';
import { readWacz } from './wacz.ts';
import { readWarc, type WarcResponse } from './warc.ts';

/**
 * One record of an input file: a page to ingest, or the reason it cannot be read. `offset` is the record's
 * byte offset in a WARC (decompressed), null for a saved page.
 */
export type InputRecord =
  | { file: string; offset: number | null; input: IngestInput; error: null }
  | { file: string; offset: number | null; input: null; error: OtkazError };

/** A retrieval time the database takes (ISO 8601), or null. */
function isoDate(value: string | null): string | null {
  if (!value || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

const clean = (headers: [string, string][] | null): [string, string][] | null =>
  headers?.map(([name, value]): [string, string] => [withoutNul(name), withoutNul(value)]) ?? null;

/** A WARC response as an ingest input; its texts go into text and jsonb columns, so none carries a NUL. */
function warcInput(ref: string, r: WarcResponse, options: { synthetic?: boolean }): IngestInput {
  const meta = r.metadata;
  return {
    bytes: r.body,
    url: withoutNul(meta?.url ?? r.url),
    retrievedAt: meta && !meta.retrievedAtKnown ? null : isoDate(r.date),
    httpStatus: meta ? meta.httpStatus : r.status,
    httpHeaders: clean(meta ? meta.httpHeaders : r.headers),
    source: meta?.source ?? 'warc',
    sourceRef: withoutNul(meta?.sourceRef ?? `${ref}#${r.recordId ?? ''}`),
    synthetic: meta?.synthetic ?? options.synthetic ?? false,
    record: {
      type: r.type,
      recordId: r.recordId,
      warcHead: r.warcHead,
      httpHead: r.httpHead,
      payload: r.payload,
      payloadDigest: r.payloadDigest,
      ipAddress: r.ipAddress,
      request: r.request,
    },
    ...(r.type === 'revisit' ? { revisit: { refersTo: r.refersTo, payloadDigest: r.payloadDigest } } : {}),
  };
}

/**
 * The records of a saved file (one page), a WARC file (its responses, with otkaz's metadata when present) or a WACZ
 * (verified whole first, then the records of each of its WARCs: `file` is then "x.wacz!archive/name.warc").
 * A record that cannot be read is yielded as an error, and the records after it still come.
 */
export async function* readInputs(file: string, options: { url?: string; retrievedAt?: string; synthetic?: boolean }): AsyncGenerator<InputRecord> {
  if (/\.wacz$/i.test(file)) {
    // A WACZ is verified whole first (an error item and nothing else when it does not verify); then its WARCs.
    for await (const item of readWacz(file)) {
      const where = item.warc ? `${file}!${item.warc}` : file;
      if (item.error) yield { file: where, offset: item.warc ? item.offset : null, input: null, error: item.error };
      else yield { file: where, offset: item.offset, input: warcInput(`${path.basename(file)}!${item.warc}`, item.response, options), error: null };
    }
    return;
  }
  if (/\.warc(\.gz)?$/i.test(file)) {
    for await (const item of readWarc(file)) {
      if (item.error) yield { file, offset: item.offset, input: null, error: item.error };
      else yield { file, offset: item.offset, input: warcInput(path.basename(file), item.response, options), error: null };
    }
    return;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    yield {
      file,
      offset: null,
      input: null,
      error: new OtkazError(ErrorCode.InputNotFound, `cannot read the file: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { where: file, cause }),
    };
    return;
  }
  yield {
    file,
    offset: null,
    input: {
      bytes,
      url: options.url ?? `file:${path.basename(file)}`,
      retrievedAt: options.retrievedAt ?? null,
      httpStatus: null,
      httpHeaders: null,
      source: options.synthetic ? 'synthetic' : 'file',
      sourceRef: path.basename(file),
      synthetic: options.synthetic ?? false,
    },
    error: null,
  };
}

/** The pages of a file, as `readInputs`, but stopping with the first record that cannot be read. */
export async function* inputsFrom(file: string, options: { url?: string; retrievedAt?: string; synthetic?: boolean }): AsyncGenerator<IngestInput> {
  for await (const record of readInputs(file, options)) {
    if (record.error) throw record.error;
    yield record.input;
  }
}
