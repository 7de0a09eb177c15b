/**
 * Blind indexes: a keyed HMAC-SHA256 of a normalised value, so an exact lookup (a passport number, a name as
 * spelled) finds a client without the database holding the value. The index key is derived (HKDF-SHA256) from the
 * organisation's data key, so one organisation's digests say nothing about another's, and erasing the data key
 * leaves them meaningless. Exact values only: no prefixes, no fuzzy matching — that would leak.
 */
import { createHmac, hkdfSync } from 'node:crypto';

export type LookupKind = 'document_number' | 'name' | 'case_ref';

export function indexKey(dataKey: Uint8Array, orgId: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', dataKey, Buffer.from(orgId, 'utf8'), Buffer.from('otkaz/blind-index/v1', 'utf8'), 32));
}

/** The form a value is compared in: Unicode NFKC, lower case, inner whitespace collapsed; numbers also lose separators. */
export function normalise(kind: LookupKind, value: string): string {
  const base = value.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
  return kind === 'document_number' || kind === 'case_ref' ? base.replace(/[\s\-–—./№#]/g, '') : base.replace(/ё/g, 'е');
}

export function blindIndex(key: Uint8Array, kind: LookupKind, value: string): Uint8Array {
  return new Uint8Array(
    createHmac('sha256', key)
      .update(`${kind}\u0000${normalise(kind, value)}`, 'utf8')
      .digest(),
  );
}
