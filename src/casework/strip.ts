/**
 * Metadata stripping of uploaded documents, before they are encrypted: a photo's EXIF (camera, time, GPS
 * position), XMP and IPTC blocks, a PDF's author, creator and XMP metadata. Pure: bytes in, bytes out, with a
 * list of what was removed. A type it does not know is kept as it is and said so ('not inspected'), so the file
 * view never claims a cleaning that did not happen.
 */
import { PDFDocument, PDFName } from 'pdf-lib';

export interface Stripped {
  bytes: Uint8Array;
  /** What was removed, e.g. ['EXIF (APP1)', 'PDF author']; empty when nothing was found. */
  removed: string[];
  /** 'stripped' (inspected, whatever was found removed) or 'not inspected' (a type this does not know). */
  status: 'stripped' | 'not inspected';
  mediaType: string;
}

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** The media type from the bytes themselves (the name and the declared type are not trusted). */
export function sniff(bytes: Uint8Array): string | null {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, PDF)) return 'application/pdf';
  return null;
}

export async function stripMetadata(bytes: Uint8Array, declaredType: string): Promise<Stripped> {
  const type = sniff(bytes);
  if (type === 'image/jpeg') return { ...stripJpeg(bytes), status: 'stripped', mediaType: type };
  if (type === 'image/png') return { ...stripPng(bytes), status: 'stripped', mediaType: type };
  if (type === 'application/pdf') return { ...(await stripPdf(bytes)), status: 'stripped', mediaType: type };
  return { bytes, removed: [], status: 'not inspected', mediaType: declaredType || 'application/octet-stream' };
}

export const JPEG_NAMES: Record<number, string> = { 225: 'EXIF/XMP (APP1)', 237: 'IPTC (APP13)', 254: 'comment (COM)', 236: 'APP12', 238: 'APP14 comment' };

/** Drops APP1 (EXIF, XMP), APP12, APP13 (IPTC), APP14 and COM segments before the image data; keeps JFIF and ICC. */
export function stripJpeg(bytes: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed = new Set<string>();
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) break;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or start of scan: the rest is image data
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) break;
    const name = JPEG_NAMES[marker];
    if (name) removed.add(name);
    else out.push(bytes.subarray(i, end));
    i = end;
  }
  out.push(bytes.subarray(i));
  return { bytes: concat(out), removed: [...removed] };
}

export const PNG_DROP = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

/** Drops the text, EXIF and time chunks of a PNG; every other chunk is kept byte for byte (with its CRC). */
export function stripPng(bytes: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  const removed = new Set<string>();
  let i = 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (end > bytes.length) break;
    if (PNG_DROP.has(type)) removed.add(`PNG ${type}`);
    else out.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return { bytes: concat(out), removed: [...removed] };
}

/** The PDF document information fields emptied ("PDF author", …). */
export const PDF_FIELDS = ['author', 'creator', 'producer', 'title', 'subject', 'keywords'] as const;
export const PDF_XMP = 'PDF XMP metadata';

/**
 * Every entry a document's `removed` list can hold: stored as these English names, worded by the web app in its
 * language (web/src/casework/removed.ts).
 */
export function removableNames(): string[] {
  return [...Object.values(JPEG_NAMES), ...[...PNG_DROP].map((t) => `PNG ${t}`), ...PDF_FIELDS.map((f) => `PDF ${f}`), PDF_XMP];
}

/** Empties a PDF's document information (author, creator, producer, title, subject, keywords) and drops its XMP. */
export async function stripPdf(bytes: Uint8Array): Promise<{ bytes: Uint8Array; removed: string[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
  const removed: string[] = [];
  const fields: Array<[(typeof PDF_FIELDS)[number], () => string | undefined, (v: string) => void]> = [
    ['author', () => doc.getAuthor(), (v) => doc.setAuthor(v)],
    ['creator', () => doc.getCreator(), (v) => doc.setCreator(v)],
    ['producer', () => doc.getProducer(), (v) => doc.setProducer(v)],
    ['title', () => doc.getTitle(), (v) => doc.setTitle(v)],
    ['subject', () => doc.getSubject(), (v) => doc.setSubject(v)],
    ['keywords', () => doc.getKeywords(), (v) => doc.setKeywords(v.split(' '))],
  ];
  for (const [name, get, set] of fields) {
    if (get()) {
      set('');
      removed.push(`PDF ${name}`);
    }
  }
  if (doc.catalog.get(PDFName.of('Metadata'))) {
    doc.catalog.delete(PDFName.of('Metadata'));
    removed.push(PDF_XMP);
  }
  const info = doc.context.trailerInfo.Info;
  if (info) doc.context.trailerInfo.Info = doc.context.obj({});
  return { bytes: await doc.save({ updateFieldAppearances: false }), removed };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
