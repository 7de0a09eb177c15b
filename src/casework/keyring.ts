/**
 * The key hierarchy in use (docs/crypto.md):
 *   KEK (outside the database: src/crypto/kek.ts)
 *     └─ wraps an organisation's data keys (org_keys, one per version) and the installation's system keys
 *          ├─ data key: seals client records, notes, document keys (src/crypto/aead.ts); derives the blind-index key
 *          │    └─ a key per document: seals that document's bytes and metadata
 *          └─ system keys: 'audit' (the audit chain's MAC), 'totp' (the TOTP secrets)
 * Unwrapped keys are kept in memory for the life of the process (a small map); erasing an organisation drops them.
 */

import { keyVersionOf, newKey, open, openText, seal, sealText } from '../crypto/aead.ts';
import type { KeyEncryptionKey } from '../crypto/kek.ts';
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';

export interface VersionedKey {
  readonly version: number;
  readonly key: Uint8Array;
}

export type SystemPurpose = 'audit' | 'totp' | 'reminders';

interface WrappedRow {
  version: number;
  kek_id: string;
  wrapped: Uint8Array;
}

/** How client records, notes and documents are sealed and opened: the AEAD functions of src/crypto/aead.ts. */
export interface Cipher {
  readonly seal: typeof seal;
  readonly open: typeof open;
  readonly sealText: typeof sealText;
  readonly openText: typeof openText;
  readonly keyVersionOf: typeof keyVersionOf;
}

/** The cipher of every keyring the application makes (src/crypto/aead.ts). */
export const AEAD: Cipher = { seal, open, sealText, openText, keyVersionOf };

export class Keyring {
  readonly kek: KeyEncryptionKey;
  /**
   * What src/casework/{clients,notes,documents}.ts seal with. Always AEAD in the application (no setting chooses
   * another); a different one is passed only programmatically, by the benchmark's baseline (bench/casework.bench.ts).
   */
  readonly cipher: Cipher;
  /** Unwrapped keys by context and wrapped bytes (two databases under one KEK may both have a 'system:audit:v1'). */
  readonly #cache = new Map<string, Uint8Array>();
  /** Organisation data keys by context alone, for the hot path (organisation ids are random UUIDs). */
  readonly #orgKeys = new Map<string, Uint8Array>();
  /**
   * System keys by database (Queryable.identity) and purpose, so each audit entry need not read its key. No command
   * adds a newer version or deletes one; a newer version added by another process is used after a restart (entries
   * under the older one still verify: verifyAudit opens every version). A command that rotates must drop this.
   */
  readonly #systemKeys = new WeakMap<object, Map<SystemPurpose, VersionedKey>>();
  constructor(kek: KeyEncryptionKey, cipher: Cipher = AEAD) {
    this.kek = kek;
    this.cipher = cipher;
  }

  async #unwrap(row: WrappedRow, context: string, what: string): Promise<Uint8Array> {
    const slot = `${context}#${Buffer.from(row.wrapped).toString('base64')}`;
    const cached = this.#cache.get(slot);
    if (cached) return cached;
    if (row.kek_id !== this.kek.id) {
      throw new OtkazError(
        ErrorCode.KeyUnavailable,
        `${what} was wrapped by key-encryption key ${row.kek_id}, but this installation has ${this.kek.id} (set OTKAZ_KEK_FILE or OTKAZ_KEK to the right key)`,
      );
    }
    let key: Uint8Array;
    try {
      key = await this.kek.unwrap(row.wrapped, context);
    } catch (cause) {
      throw new OtkazError(ErrorCode.KeyUnavailable, `${what} cannot be unwrapped with the key-encryption key`, { cause });
    }
    this.#cache.set(slot, key);
    return key;
  }

  /** Creates an organisation's first data key (call in the transaction that creates the organisation). */
  async createOrgKey(tx: Queryable, orgId: string): Promise<VersionedKey> {
    const rows = await tx.query<{ version: number }>('select coalesce(max(version), 0)::int + 1 as version from org_keys where org_id = $1', [orgId]);
    const version = rows[0]?.version ?? 1;
    const key = newKey();
    const context = `org:${orgId}:v${version}`;
    await tx.query('insert into org_keys (org_id, version, kek_id, wrapped) values ($1, $2, $3, $4)', [
      orgId,
      version,
      this.kek.id,
      await this.kek.wrap(key, context),
    ]);
    return { version, key };
  }

  /** The organisation's newest (current) data key. */
  async currentOrgKey(db: Queryable, orgId: string): Promise<VersionedKey> {
    const rows = await db.query<WrappedRow>(
      'select version, kek_id, wrapped from org_keys where org_id = $1 and retired_at is null order by version desc limit 1',
      [orgId],
    );
    const row = rows[0];
    if (!row) throw new OtkazError(ErrorCode.KeyUnavailable, 'the organisation has no data key (erased?)');
    return { version: row.version, key: await this.#unwrap(row, `org:${orgId}:v${row.version}`, 'the organisation’s data key') };
  }

  /** A given version of an organisation's data key (a ciphertext names the version it was sealed with). */
  async orgKey(db: Queryable, orgId: string, version: number): Promise<Uint8Array> {
    const context = `org:${orgId}:v${version}`;
    const cached = this.#orgKeys.get(context);
    if (cached) return cached;
    const rows = await db.query<WrappedRow>('select version, kek_id, wrapped from org_keys where org_id = $1 and version = $2', [orgId, version]);
    const row = rows[0];
    if (!row) throw new OtkazError(ErrorCode.KeyUnavailable, `data key version ${version} of the organisation is gone (erased or rotated out)`);
    const key = await this.#unwrap(row, context, 'the organisation’s data key');
    this.#orgKeys.set(context, key);
    return key;
  }

  /** Deletes an organisation’s data keys older than `keep` (after rotation has re-sealed everything under the new one). */
  async dropOlderKeys(tx: Queryable, orgId: string, keep: number): Promise<void> {
    await tx.query('delete from org_keys where org_id = $1 and version < $2', [orgId, keep]);
    for (const cache of [this.#cache, this.#orgKeys])
      for (const slot of [...cache.keys()]) {
        const m = /^org:(.+?):v(\d+)(#|$)/.exec(slot);
        if (m && m[1] === orgId && Number(m[2]) < keep) cache.delete(slot);
      }
  }

  /** Crypto-erasure: removes every data key of the organisation, in the database and in memory. */
  async eraseOrgKeys(tx: Queryable, orgId: string): Promise<number> {
    const rows = await tx.query<{ version: number }>('delete from org_keys where org_id = $1 returning version', [orgId]);
    for (const cache of [this.#cache, this.#orgKeys]) for (const slot of [...cache.keys()]) if (slot.startsWith(`org:${orgId}:`)) cache.delete(slot);
    return rows.length;
  }

  /**
   * The installation's key for a purpose, created on first use. Kept in memory per database once the row is
   * known to be committed: one this transaction inserted (or a row it merely sees as its own) could still be rolled
   * back, and entries sealed with a cached key that is not in the database would never verify.
   */
  async systemKey(db: Queryable, purpose: SystemPurpose): Promise<VersionedKey> {
    const known = db.identity ? this.#systemKeys.get(db.identity)?.get(purpose) : undefined;
    if (known) return known;
    const { key, committed } = await this.#loadSystemKey(db, purpose);
    if (db.identity && committed) {
      let byPurpose = this.#systemKeys.get(db.identity);
      if (!byPurpose) {
        byPurpose = new Map();
        this.#systemKeys.set(db.identity, byPurpose);
      }
      byPurpose.set(purpose, key);
    }
    return key;
  }

  async #loadSystemKey(db: Queryable, purpose: SystemPurpose): Promise<{ key: VersionedKey; committed: boolean }> {
    // `mine`: the row was written by the current transaction (its xmin is this transaction's id), so not yet committed.
    const select = `select version, kek_id, wrapped, coalesce(xmin::text::bigint = txid_current_if_assigned() % 4294967296, false) as mine
                      from system_keys where purpose = $1 order by version desc limit 1`;
    const existing = await db.query<WrappedRow & { mine: boolean }>(select, [purpose]);
    let row = existing[0];
    if (!row) {
      const key = newKey();
      const wrapped = await this.kek.wrap(key, `system:${purpose}:v1`);
      await db.query('insert into system_keys (purpose, version, kek_id, wrapped) values ($1, 1, $2, $3) on conflict do nothing', [
        purpose,
        this.kek.id,
        wrapped,
      ]);
      const again = await db.query<WrappedRow & { mine: boolean }>(select, [purpose]);
      row = again[0];
      if (!row) throw new OtkazError(ErrorCode.KeyUnavailable, `the system key '${purpose}' could not be created`);
    }
    const key = { version: row.version, key: await this.#unwrap(row, `system:${purpose}:v${row.version}`, `the system key '${purpose}'`) };
    return { key, committed: !row.mine };
  }
}
