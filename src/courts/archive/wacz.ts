/**
 * WACZ 1.1.1 (Web Archive Collection Zipped): reading one into the archive and writing captures as one.
 *
 * Reading: the zip's central directory is read (never extracted to disk: entries are found by exact name, nothing is
 * written under an entry's name); `datapackage.json` is read and every resource it lists is hashed and counted
 * against its `hash` and `bytes` (and `datapackage.json` against `datapackage-digest.json` when there is one) before
 * a single record is read, so a WACZ that does not verify gives nothing at all. Then every WARC of `archive/` is read
 * through the same record reader as a WARC file (src/courts/archive/warc.ts), so revisits, requests and otkaz's
 * metadata records work as they do for a WARC.
 *
 * Writing: `archive/data.warc` (STORED: replay tools read a record by its offset), `indexes/index.cdxj`,
 * `pages/pages.jsonl`, `datapackage.json` and `datapackage-digest.json`; one pass over the captures.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { type ExportSelection, exportCaptures, exportedRecords, SOFTWARE } from './export.ts';
import { readWarc, type WarcItem, type WarcSource, warcInfoRecord } from './warc.ts';

export const WACZ_VERSION = '1.1.1';

/** Bounds on what a WACZ may declare (checked on the central directory, before anything is read). */
export const WACZ_LIMITS = {
  entries: 100_000,
  /** datapackage.json and datapackage-digest.json are read whole. */
  jsonBytes: 16 * 1024 * 1024,
  /** Any one entry, uncompressed (yauzl holds each entry to its declared size). */
  entryBytes: 64 * 1024 ** 3,
  /** All entries together, uncompressed. */
  totalBytes: 256 * 1024 ** 3,
};

const WARC_ENTRY = /^archive\/[^/]+\.warc(\.gz)?$/i;

/** The hash algorithms a resource's `hash` may name ("sha256:<hex>"; a bare hex digest is md5, as Frictionless says). */
const ALGORITHMS: Record<string, string> = { sha256: 'sha256', sha512: 'sha512', sha1: 'sha1', md5: 'md5' };

const resourceSchema = z.object({
  name: z.string().optional(),
  path: z.string().min(1),
  hash: z.string().min(1),
  bytes: z.number().int().nonnegative(),
});

const datapackageSchema = z.object({
  profile: z.string().optional(),
  wacz_version: z.string().optional(),
  resources: z.array(resourceSchema).min(1),
});

const digestSchema = z.object({ path: z.string(), hash: z.string() });

/** One WARC of a verified WACZ: its name in the zip and a source for the record reader. */
export interface WaczWarc {
  name: string;
  source: WarcSource;
}

/** An opened, verified WACZ: its WARCs in zip order; `close` releases the file. */
export interface OpenedWacz {
  warcs: WaczWarc[];
  close(): void;
}

function invalid(wacz: string, message: string, cause?: unknown): OtkazError {
  return new OtkazError(ErrorCode.WaczInvalid, message, { where: wacz, cause });
}

async function streamOf(zip: yauzl.ZipFile, entry: yauzl.Entry, start = 0): Promise<Readable> {
  if (start > 0 && entry.compressionMethod === 0) return zip.openReadStreamPromise(entry, { decodeFileData: false, start, end: entry.compressedSize });
  const stream = await zip.openReadStreamPromise(entry);
  if (start === 0) return stream;
  // A deflated entry is inflated from its start; the first `start` bytes are dropped.
  let skip = start;
  const skipper = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        done();
        return;
      }
      const rest = chunk.subarray(skip);
      skip = 0;
      done(null, rest);
    },
  });
  stream.on('error', (error) => skipper.destroy(error));
  return stream.pipe(skipper);
}

async function readWhole(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await streamOf(zip, entry)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** The algorithm and the expected digest (lower-case hex) of a `hash` field; null when otkaz cannot check it. */
function parseHash(hash: string): { algorithm: string; hex: string } | null {
  const match = /^(?:([a-z0-9-]+):)?([0-9a-f]+)$/i.exec(hash.trim());
  if (!match) return null;
  const algorithm = ALGORITHMS[(match[1] ?? 'md5').toLowerCase().replace('-', '')];
  return algorithm ? { algorithm, hex: (match[2] ?? '').toLowerCase() } : null;
}

/** Hashes and counts an entry's bytes, and compares them with what the datapackage says. */
async function verifyEntry(wacz: string, zip: yauzl.ZipFile, entry: yauzl.Entry, expected: { hash: string; bytes: number }): Promise<void> {
  const parsed = parseHash(expected.hash);
  if (!parsed) throw new OtkazError(ErrorCode.WaczUnsupported, `${entry.fileName}: a hash otkaz cannot check (${expected.hash.slice(0, 80)})`, { where: wacz });
  const hash = createHash(parsed.algorithm);
  let bytes = 0;
  try {
    for await (const chunk of await streamOf(zip, entry)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (cause) {
    throw invalid(wacz, `${entry.fileName} cannot be read from the zip: ${(cause as Error).message}`, cause);
  }
  const hex = hash.digest('hex');
  if (bytes !== expected.bytes || hex !== parsed.hex)
    throw new OtkazError(
      ErrorCode.WaczMismatch,
      `${entry.fileName} does not match datapackage.json: ${bytes} bytes, ${parsed.algorithm} ${hex}; listed ${expected.bytes} bytes, ${parsed.hex}`,
      { where: wacz },
    );
}

/**
 * Opens a WACZ and verifies it whole (see the module's comment); a WACZ that does not verify is a coded error naming
 * the file inside the zip. The caller closes what it gets.
 */
export async function openWacz(wacz: string): Promise<OpenedWacz> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(wacz, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') throw new OtkazError(ErrorCode.InputNotFound, `cannot open the file: ${code}`, { where: wacz, cause });
    throw invalid(wacz, `not a zip file: ${(cause as Error).message}`, cause);
  }
  try {
    if (zip.entryCount > WACZ_LIMITS.entries) throw invalid(wacz, `more than ${WACZ_LIMITS.entries} entries in the zip`);
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        if (entries.has(entry.fileName)) throw invalid(wacz, `the zip has two entries named ${entry.fileName}`);
        if (entry.uncompressedSize > WACZ_LIMITS.entryBytes) throw invalid(wacz, `${entry.fileName} is larger than ${WACZ_LIMITS.entryBytes} bytes`);
        total += entry.uncompressedSize;
        if (total > WACZ_LIMITS.totalBytes) throw invalid(wacz, `the zip holds more than ${WACZ_LIMITS.totalBytes} bytes`);
        entries.set(entry.fileName, entry);
      }
    } catch (cause) {
      if (cause instanceof OtkazError) throw cause;
      throw invalid(wacz, `the zip cannot be read: ${(cause as Error).message}`, cause);
    }
    for (const entry of entries.values()) {
      if (entry.fileName.endsWith('/')) continue;
      if (!entry.canDecodeFileData())
        throw new OtkazError(ErrorCode.WaczUnsupported, `${entry.fileName} is encrypted or compressed in a way otkaz does not read`, { where: wacz });
    }
    const packageEntry = entries.get('datapackage.json');
    if (!packageEntry) throw invalid(wacz, 'not a WACZ: the zip has no datapackage.json');
    if (packageEntry.uncompressedSize > WACZ_LIMITS.jsonBytes) throw invalid(wacz, `datapackage.json is larger than ${WACZ_LIMITS.jsonBytes} bytes`);
    const packageBytes = await readWhole(zip, packageEntry).catch((cause: unknown) => {
      throw invalid(wacz, `datapackage.json cannot be read from the zip: ${(cause as Error).message}`, cause);
    });
    let json: unknown;
    try {
      json = JSON.parse(packageBytes.toString('utf8'));
    } catch (cause) {
      throw invalid(wacz, 'datapackage.json is not JSON', cause);
    }
    const checked = datapackageSchema.safeParse(json);
    if (!checked.success) throw invalid(wacz, `datapackage.json is not a WACZ data package: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    const datapackage = checked.data;
    if (datapackage.wacz_version !== undefined && !/^1\.\d+(\.\d+)?$/.test(datapackage.wacz_version))
      throw new OtkazError(ErrorCode.WaczUnsupported, `WACZ version ${datapackage.wacz_version.slice(0, 40)} (otkaz reads 1.x)`, { where: wacz });

    const digestEntry = entries.get('datapackage-digest.json');
    if (digestEntry) {
      if (digestEntry.uncompressedSize > WACZ_LIMITS.jsonBytes) throw invalid(wacz, `datapackage-digest.json is larger than ${WACZ_LIMITS.jsonBytes} bytes`);
      const digest = digestSchema.safeParse(
        await readWhole(zip, digestEntry)
          .then((b) => JSON.parse(b.toString('utf8')) as unknown)
          .catch(() => null),
      );
      if (!digest.success || digest.data.path !== 'datapackage.json') throw invalid(wacz, 'datapackage-digest.json does not give the hash of datapackage.json');
      const parsed = parseHash(digest.data.hash);
      if (!parsed) throw new OtkazError(ErrorCode.WaczUnsupported, 'datapackage-digest.json: a hash otkaz cannot check', { where: wacz });
      if (createHash(parsed.algorithm).update(packageBytes).digest('hex') !== parsed.hex)
        throw new OtkazError(ErrorCode.WaczMismatch, 'datapackage.json does not match the hash datapackage-digest.json gives', { where: wacz });
    }

    const listed = new Set<string>();
    for (const resource of datapackage.resources) {
      const entry = entries.get(resource.path);
      if (!entry) throw invalid(wacz, `datapackage.json lists ${resource.path.slice(0, 200)}, which the zip does not hold`);
      if (listed.has(resource.path)) throw invalid(wacz, `datapackage.json lists ${resource.path.slice(0, 200)} twice`);
      listed.add(resource.path);
    }
    const warcs = [...entries.values()].filter((e) => WARC_ENTRY.test(e.fileName));
    for (const entry of warcs)
      if (!listed.has(entry.fileName)) throw invalid(wacz, `${entry.fileName} is not listed in datapackage.json (it cannot be verified)`);
    if (warcs.length === 0) throw invalid(wacz, 'not a WACZ: no WARC file in its archive/ folder');
    for (const resource of datapackage.resources) {
      const entry = entries.get(resource.path) as yauzl.Entry;
      await verifyEntry(wacz, zip, entry, resource);
    }
    return {
      warcs: warcs.map((entry) => ({
        name: entry.fileName,
        source: {
          open: (start) => streamOf(zip, entry, start),
          head: async () => {
            if (entry.uncompressedSize === 0) return Buffer.alloc(0);
            const stream = await streamOf(zip, entry);
            for await (const chunk of stream) {
              stream.destroy();
              return (chunk as Buffer).subarray(0, 2);
            }
            return Buffer.alloc(0);
          },
        },
      })),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** One WARC item of a WACZ, with the name of the WARC inside the zip. */
export type WaczItem = WarcItem & { warc: string };

/**
 * The records of every WARC of a verified WACZ, as `readWarc` gives them for a WARC file. A WACZ that does not verify
 * is one error item (offset 0, `warc` empty) and nothing else.
 */
export async function* readWacz(wacz: string): AsyncGenerator<WaczItem> {
  let opened: OpenedWacz;
  try {
    opened = await openWacz(wacz);
  } catch (error) {
    if (!(error instanceof OtkazError)) throw error;
    yield { offset: 0, response: null, error, warc: '' };
    return;
  }
  try {
    for (const warc of opened.warcs) {
      for await (const item of readWarc(`${wacz}!${warc.name}`, warc.source)) yield { ...item, warc: warc.name };
    }
  } finally {
    opened.close();
  }
}

// ---- writing ----

/**
 * The SURT form of a URL that CDXJ indexes sort by: host labels reversed and comma-joined (a leading "www." dropped,
 * an IP address kept as it is), the port when not the default, ")", then path and query (query arguments sorted
 * once lower-cased), all lower-case. A URL that is not http(s) is its lower-case self.
 */
export function surt(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.toLowerCase();
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url.toLowerCase();
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const plain = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
  const key = plain
    ? host
    : host
        .replace(/^www\d*\./, '')
        .split('.')
        .reverse()
        .join(',');
  const query = parsed.search.length > 1 ? `?${parsed.search.slice(1).toLowerCase().split('&').sort().join('&')}` : '';
  return `${key}${parsed.port ? `:${parsed.port}` : ''})${parsed.pathname}${query}`.toLowerCase();
}

/** A WARC-Date as the 14 digits a CDXJ line gives (YYYYMMDDhhmmss); null when it is no date. */
export function cdxTimestamp(date: string): string | null {
  const digits = date.replace(/\D/g, '').slice(0, 14);
  return digits.length === 14 ? digits : null;
}

/** What the index needs of one serialized record (header block, block, CRLF CRLF). */
interface RecordFacts {
  type: string;
  url: string;
  date: string;
  digest: string | null;
  mime: string | null;
  status: number | null;
  payload: Uint8Array;
}

function recordFacts(record: Uint8Array): RecordFacts | null {
  const bytes = Buffer.from(record.buffer, record.byteOffset, record.byteLength);
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const headers = new Map<string, string>();
  for (const line of bytes.subarray(0, end).toString('latin1').split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = Number(headers.get('content-length'));
  const block = bytes.subarray(end + 4, end + 4 + (Number.isFinite(length) ? length : 0));
  const type = headers.get('warc-type') ?? '';
  let mime: string | null = headers.get('content-type') ?? null;
  let status: number | null = null;
  let payload: Uint8Array = block;
  if (type === 'response' || type === 'revisit') {
    const headEnd = block.indexOf('\r\n\r\n');
    if (headEnd >= 0) {
      const http = block.subarray(0, headEnd).toString('latin1').split('\r\n');
      const code = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(http[0] ?? '')?.[1] ?? Number.NaN);
      status = Number.isInteger(code) ? code : null;
      const contentType = http.find((l) => /^content-type:/i.test(l));
      mime = contentType ? contentType.slice(contentType.indexOf(':') + 1).trim() : null;
      payload = block.subarray(headEnd + 4);
    }
  }
  if (type === 'revisit') mime = 'warc/revisit';
  return {
    type,
    url: (headers.get('warc-target-uri') ?? '').replace(/^<(.*)>$/, '$1'),
    date: headers.get('warc-date') ?? '',
    digest: headers.get('warc-payload-digest') ?? null,
    mime: mime ? (mime.split(';')[0] ?? '').trim().toLowerCase() || null : null,
    status,
    payload,
  };
}

export interface WaczExport {
  captures: number;
  /** Records indexed in indexes/index.cdxj, and page lines in pages/pages.jsonl. */
  indexed: number;
  pages: number;
  /** The bytes of archive/data.warc. */
  warcBytes: number;
}

const STORED = { compress: false } as const;

/**
 * Writes captures (all, one case's, chosen ones: see `exportCaptures`) as a WACZ 1.1.1 file. `now` is the time the
 * package says it was created (and the zip entries' time).
 */
export async function exportWacz(db: Queryable, out: string, options: ExportSelection & { now?: Date } = {}): Promise<WaczExport> {
  const now = options.now ?? new Date();
  const captures = await exportCaptures(db, options);
  const zip = new yazl.ZipFile();
  const file = createWriteStream(out);
  const written = pipeline(zip.outputStream, file);
  // An early failure of the output (a folder that went away) is seen where the data is written.
  let failed: Error | null = null;
  written.catch((error: unknown) => {
    failed = error as Error;
  });
  const data = new PassThrough();
  zip.addReadStream(data, 'archive/data.warc', { ...STORED, mtime: now });
  const warcHash = createHash('sha256');
  let offset = 0;
  const index: string[] = [];
  const pages: string[] = [];
  const write = async (record: Uint8Array) => {
    if (failed) throw failed;
    warcHash.update(record);
    if (!data.write(record)) await Promise.race([once(data, 'drain'), written]);
  };
  const add = async (record: Uint8Array) => {
    const facts = recordFacts(record);
    const at = offset;
    await write(record);
    offset += record.byteLength;
    if (!facts || (facts.type !== 'response' && facts.type !== 'revisit' && facts.type !== 'resource')) return;
    const timestamp = cdxTimestamp(facts.date);
    if (!timestamp || !facts.url) return;
    const digest = facts.digest ?? `sha256:${createHash('sha256').update(facts.payload).digest('hex')}`;
    const fields: Record<string, string> = { url: facts.url };
    if (facts.mime) fields.mime = facts.mime;
    if (facts.status !== null) fields.status = String(facts.status);
    Object.assign(fields, { digest, length: String(record.byteLength), offset: String(at), filename: 'data.warc' });
    index.push(`${surt(facts.url)} ${timestamp} ${JSON.stringify(fields)}`);
    const html = facts.mime === 'text/html' || facts.mime === 'application/xhtml+xml';
    const ok = facts.type === 'resource' || (facts.type === 'response' && facts.status !== null && facts.status >= 200 && facts.status < 300);
    if (html && ok) {
      const id = createHash('sha256').update(`${facts.url} ${facts.date} ${at}`).digest('hex').slice(0, 32);
      pages.push(JSON.stringify({ id, url: facts.url, ts: facts.date }));
    }
  };
  /** The index, the pages and the package, once the WARC is written. */
  const finish = async () => {
    // Code-unit order: byte order for these ASCII keys (the order replay tools binary-search in).
    index.sort();
    const files: { path: string; bytes: Buffer }[] = [
      { path: 'indexes/index.cdxj', bytes: Buffer.from(index.map((l) => `${l}\n`).join('')) },
      {
        path: 'pages/pages.jsonl',
        bytes: Buffer.from([JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }), ...pages].map((l) => `${l}\n`).join('')),
      },
    ];
    const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const datapackage = {
      profile: 'data-package',
      wacz_version: WACZ_VERSION,
      title: 'otkaz evidence archive export',
      created: now.toISOString(),
      software: SOFTWARE,
      resources: [
        { name: 'data.warc', path: 'archive/data.warc', hash: `sha256:${warcHash.digest('hex')}`, bytes: offset },
        ...files.map((f) => ({ name: f.path.slice(f.path.lastIndexOf('/') + 1), path: f.path, hash: sha256(f.bytes), bytes: f.bytes.length })),
      ],
    };
    const packageBytes = Buffer.from(JSON.stringify(datapackage, null, 2));
    files.push({ path: 'datapackage.json', bytes: packageBytes });
    files.push({ path: 'datapackage-digest.json', bytes: Buffer.from(JSON.stringify({ path: 'datapackage.json', hash: sha256(packageBytes) }, null, 2)) });
    for (const entry of files) zip.addBuffer(entry.bytes, entry.path, { ...STORED, mtime: now });
    zip.end();
  };
  try {
    await add(await warcInfoRecord(SOFTWARE, 'data.warc'));
    for await (const record of exportedRecords(db, captures)) await add(record);
    data.end();
    await finish();
    await written;
  } catch (error) {
    // No half-written WACZ is left behind.
    data.destroy();
    file.destroy();
    await written.catch(() => undefined);
    await rm(out, { force: true });
    throw error;
  }
  return { captures: captures.length, indexed: index.length, pages: pages.length, warcBytes: offset };
}
