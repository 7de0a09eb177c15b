import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IngestInput } from '../ingest.ts';
import { readWarc } from './warc.ts';

/** The pages in a saved file (one page) or a WARC file (its responses, with otkaz's metadata when present). */
export async function* inputsFrom(file: string, options: { url?: string; retrievedAt?: string; synthetic?: boolean }): AsyncGenerator<IngestInput> {
  if (/\.warc(\.gz)?$/i.test(file)) {
    for await (const r of readWarc(file)) {
      const meta = r.metadata;
      yield {
        bytes: r.body,
        url: meta?.url ?? r.url,
        retrievedAt: meta && !meta.retrievedAtKnown ? null : r.date,
        httpStatus: meta ? meta.httpStatus : r.status,
        httpHeaders: meta ? meta.httpHeaders : r.headers,
        source: meta?.source ?? 'warc',
        sourceRef: meta?.sourceRef ?? `${path.basename(file)}#${r.recordId ?? ''}`,
        synthetic: meta?.synthetic ?? options.synthetic ?? false,
      };
    }
    return;
  }
  yield {
    bytes: readFileSync(file),
    url: options.url ?? `file:${path.basename(file)}`,
    retrievedAt: options.retrievedAt ?? null,
    httpStatus: null,
    httpHeaders: null,
    source: options.synthetic ? 'synthetic' : 'file',
    sourceRef: path.basename(file),
    synthetic: options.synthetic ?? false,
  };
}
