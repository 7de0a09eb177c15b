import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type PageEncoding = 'utf-8' | 'windows-1251';

/**
 * Decodes a court page. Live sudrf responses are windows-1251; pages saved by browsers are often UTF-8
 * while their <meta> still says windows-1251. So: an explicit charset in the HTTP Content-Type wins;
 * otherwise bytes that are valid UTF-8 (and not plain ASCII) are UTF-8; anything else is windows-1251.
 * The <meta> tag is never trusted.
 */
export function decodePage(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: PageEncoding } {
  const { text, encoding } = decodeBytes(bytes, contentType);
  return { text: withoutNul(text), encoding };
}

function decodeBytes(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: PageEncoding } {
  const declared = contentType ? /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() : undefined;
  if (declared === 'utf-8' || declared === 'utf8') return { text: stripBom(utf8Lenient(bytes)), encoding: 'utf-8' };
  if (declared === 'windows-1251' || declared === 'cp1251') return { text: iconv.decode(asBuffer(bytes), 'win1251'), encoding: 'windows-1251' };
  const utf8 = utf8Strict(bytes);
  if (utf8 !== null) return { text: stripBom(utf8), encoding: 'utf-8' };
  return { text: iconv.decode(asBuffer(bytes), 'win1251'), encoding: 'windows-1251' };
}

/**
 * NUL bytes removed. PostgreSQL (and PGlite) reject U+0000 in text and jsonb, and a NUL inside a name would
 * hide it from the redactor; every text parsed from a page comes from here, so none carries one. (Entities such
 * as `&#0;` already decode to U+FFFD.) The archived bytes keep their NULs.
 */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Valid UTF-8 → its text; anything else → null. (isUtf8 + toString are much faster than a fatal TextDecoder.) */
function utf8Strict(bytes: Uint8Array): string | null {
  const buffer = asBuffer(bytes);
  return isUtf8(buffer) ? buffer.toString('utf8') : null;
}

function utf8Lenient(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('utf8');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Percent-encodes a query value from its windows-1251 bytes, as the sudrf PHP forms expect ("Найти" → %CD%E0%E9%F2%E8). */
export function encodeCp1251Component(value: string): string {
  let out = '';
  for (const byte of iconv.encode(value, 'win1251')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
