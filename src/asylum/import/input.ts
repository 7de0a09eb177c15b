/**
 * Input edge of the statistics importers: a file's exact bytes (hashed), decompressed when gzip, decoded as
 * strict UTF-8 (a byte that is not UTF-8 is an error naming its line), BOM dropped — as a stream of text chunks.
 * Parsers downstream are pure functions of that text.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { CsvError, type Options, parse } from 'csv-parse';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { isGzipFile } from '../../shared/gzip.ts';
import { LIMITS, limitError } from '../../shared/limits.ts';
import { present } from '../../shared/present.ts';

export interface Located {
  file: string;
  line?: number;
  column?: string | number;
}

export function where({ file, line, column }: Located): string {
  let text = file;
  if (line !== undefined) text += `:${line}`;
  if (column !== undefined) text += typeof column === 'number' ? `:${column}` : ` column "${column}"`;
  return text;
}

export function importError(code: ErrorCode, message: string, at: Located, cause?: unknown): OtkazError {
  return new OtkazError(code, message, { where: where(at), cause });
}

/**
 * A file's content bytes, gunzipped when it is gzip, counted as they come: past `maxBytes` the stream is stopped
 * with a coded error, so a gzip bomb (gigabytes of zeros in a few megabytes) is refused after at most `maxBytes`
 * of inflation, never decompressed whole.
 */
async function* contentBytes(file: string, name: string, maxBytes: number): AsyncGenerator<Buffer> {
  const gz = await isGzipFile(file);
  const raw = createReadStream(file);
  const stream = gz ? raw.pipe(createGunzip({ chunkSize: 64 * 1024 })) : raw;
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        throw limitError(`the file's content is larger than ${maxBytes.toLocaleString('en-US')} bytes${gz ? ' after decompression' : ''}; split it`, name);
      yield chunk;
    }
  } finally {
    raw.destroy();
    if (stream !== raw) (stream as NodeJS.ReadWriteStream & { destroy(): void }).destroy();
  }
}

/** sha256 and size of a file's content — after gunzip when it is gzip, so a compressed copy is the same release. */
export async function hashFile(file: string, options: { name?: string; maxBytes?: number } = {}): Promise<{ sha256: string; bytes: number }> {
  const name = options.name ?? file;
  await stat(file).catch((cause: unknown) => {
    throw new OtkazError(ErrorCode.InputNotFound, 'cannot read the file', { where: name, cause });
  });
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of contentBytes(file, name, options.maxBytes ?? LIMITS.inflatedBytes)) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  } catch (error) {
    if (error instanceof OtkazError) throw error;
    throw importError(
      ErrorCode.StatsParse,
      `the gzip stream is truncated or corrupt (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { file: name },
      error,
    );
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Checks UTF-8: `bad` is the index of the first invalid byte (-1 when none); `tail` is where an incomplete but
 * so-far valid sequence starts at the very end (-1 when none), so a chunked reader can carry it over.
 */
export function checkUtf8(bytes: Uint8Array): { bad: number; tail: number } {
  let i = 0;
  while (i < bytes.length) {
    // Inside the bounds, so never undefined; were it, 0xff is an invalid byte (no string is built per byte).
    const b = bytes[i] ?? 0xff;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { bad: i, tail: -1 };
    const available = Math.min(need, bytes.length - 1 - i);
    for (let k = 1; k <= available; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return { bad: i, tail: -1 };
    if (available < need) return { bad: -1, tail: i };
    i += need + 1;
  }
  return { bad: -1, tail: -1 };
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) n += 1;
  return n;
}

/** Decodes byte chunks as strict UTF-8; a stray byte is an error naming the file and line. */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let lines = 1;
  let pending: Uint8Array = new Uint8Array(0);
  for await (const raw of chunks) {
    const chunk = pending.length ? Buffer.concat([pending, raw]) : raw;
    const { bad, tail } = checkUtf8(chunk);
    if (bad >= 0) {
      throw importError(ErrorCode.StatsParse, 'the file is not UTF-8 (is it windows-1251 or another encoding? convert it first)', {
        file,
        line: lines + countNewlines(chunk, bad),
      });
    }
    const cut = tail >= 0 ? tail : chunk.length;
    pending = chunk.subarray(cut);
    const body = chunk.subarray(0, cut);
    lines += countNewlines(body, body.length);
    const text = decoder.decode(body, { stream: true });
    if (text) yield text;
  }
  if (pending.length) throw importError(ErrorCode.StatsParse, 'the file ends inside a UTF-8 character (truncated?)', { file, line: lines });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** A file's text, gunzipped when it is gzip (by its bytes, not its name), at most `maxBytes` of content. */
export async function* fileText(file: string, name = file, maxBytes: number = LIMITS.inflatedBytes): AsyncGenerator<string> {
  try {
    yield* decodeUtf8(contentBytes(file, name, maxBytes), name);
  } catch (error) {
    if (error instanceof OtkazError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw importError(ErrorCode.StatsParse, `the gzip stream is truncated or corrupt (${code})`, { file: name }, error);
    }
    throw error;
  }
}

/** Text from a string (tests, property tests, in-memory inputs). */
export async function* stringText(text: string): AsyncGenerator<string> {
  yield text;
}

export function displayName(file: string): string {
  return path.basename(file);
}

/** Reads text until `bytes` characters (or the end) for sniffing the format. */
export async function peek(text: AsyncIterable<string>, chars = 65536): Promise<{ head: string; rest: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (head.length < chars) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  const first = head;
  async function* rest(): AsyncGenerator<string> {
    if (first) yield first;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head: first.replace(/^\uFEFF/, ''), rest: rest() };
}

export interface CsvRecord {
  fields: string[];
  /** Physical line where the record starts (1-based, counted in the whole file). */
  line: number;
}

/** Records waiting in memory before the reader stops feeding the parser (back-pressure). */
const QUEUE_LIMIT = 20_000;

/**
 * Streams CSV/TSV records, in batches, with their line numbers. `skipLines` lines (a preamble) are dropped
 * before parsing; line numbers still count them. Malformed CSV (unclosed quote, wrong field count) is an error
 * naming the line. Batches (not one promise per record) keep the parser's own speed.
 */
export async function* csvBatches(
  text: AsyncIterable<string>,
  file: string,
  options: { delimiter?: string; quote?: boolean; skipLines?: number } = {},
): AsyncGenerator<CsvRecord[]> {
  const skip = options.skipLines ?? 0;
  const parserOptions: Options = {
    delimiter: options.delimiter ?? ',',
    quote: options.quote === false ? false : '"',
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: false,
    from_line: skip + 1,
  };
  const parser = parse(parserOptions);
  let queue: CsvRecord[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let resume: (() => void) | null = null;
  let previousEnd = skip;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  parser.on('readable', () => {
    for (;;) {
      const item = parser.read() as { record: string[]; info: { lines: number } } | null;
      if (item === null) break;
      // `info.lines` is the line where the record ends; a record spanning several lines starts after the previous one.
      queue.push({ fields: item.record, line: Math.min(previousEnd + 1, item.info.lines) });
      previousEnd = item.info.lines;
    }
    signal();
  });
  parser.on('end', () => {
    ended = true;
    signal();
  });
  parser.on('error', (error) => {
    failure = error;
    signal();
  });
  const feed = (async () => {
    try {
      for await (const chunk of text) {
        if (parser.destroyed || failure) return;
        if (queue.length >= QUEUE_LIMIT) await new Promise<void>((resolve) => (resume = resolve));
        if (parser.destroyed || failure) return;
        parser.write(chunk);
      }
      parser.end();
    } catch (error) {
      failure = error;
      signal();
    }
  })();
  try {
    for (;;) {
      if (queue.length) {
        const batch = queue;
        queue = [];
        const r = resume as (() => void) | null;
        resume = null;
        r?.();
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } catch (error) {
    if (error instanceof OtkazError) throw error;
    const csvError = error as CsvError & { lines?: number };
    if (error instanceof CsvError || (typeof csvError.code === 'string' && /^(CSV_|INVALID_)/.test(csvError.code))) {
      throw importError(ErrorCode.StatsParse, `malformed CSV: ${csvError.message.replace(/ on line \d+$/, '')}`, { file, line: csvError.lines }, error);
    }
    throw error;
  } finally {
    // The consumer may stop early (an error in a record): stop the parser and let the feeding loop end.
    if (!parser.destroyed) parser.destroy();
    const r = resume as (() => void) | null;
    r?.();
    await feed;
  }
}

/**
 * Tab-separated lines without quoting (Eurostat TSV: no cell is ever quoted), in batches, with exact line
 * numbers. Splitting lines is all such a format needs, and it is several times faster than a CSV parser.
 */
export async function* tsvBatches(text: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  let carry = '';
  let line = 0;
  let first = true;
  for await (const chunk of text) {
    let data = carry + chunk;
    if (first) {
      data = data.replace(/^\uFEFF/, '');
      first = false;
    }
    const batch: CsvRecord[] = [];
    let start = 0;
    for (;;) {
      const end = data.indexOf('\n', start);
      if (end < 0) break;
      line += 1;
      const body = data.charCodeAt(end - 1) === 13 ? data.slice(start, end - 1) : data.slice(start, end);
      if (body.length) batch.push({ fields: body.split('\t'), line });
      start = end + 1;
    }
    carry = data.slice(start);
    if (batch.length) yield batch;
  }
  if (carry.replace(/\r$/, '').length) yield [{ fields: carry.replace(/\r$/, '').split('\t'), line: line + 1 }];
}

/** The first record (a header) and the batches after it. */
export async function headerAndRest(batches: AsyncGenerator<CsvRecord[]>, file: string): Promise<{ header: CsvRecord; rest: AsyncGenerator<CsvRecord[]> }> {
  let first: CsvRecord[] = [];
  while (first.length === 0) {
    const next = await batches.next();
    if (next.done) throw importError(ErrorCode.StatsParse, 'the file is empty', { file, line: 1 });
    first = next.value;
  }
  const header = present(first[0], 'the first record');
  const remaining = first.slice(1);
  async function* rest(): AsyncGenerator<CsvRecord[]> {
    if (remaining.length) yield remaining;
    yield* batches;
  }
  return { header, rest: rest() };
}
