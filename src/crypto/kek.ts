/**
 * The key-encryption key (KEK): the top of the key hierarchy, kept outside the database and the data folder.
 * It only wraps and unwraps data keys; it never encrypts client data itself (docs/crypto.md).
 *
 * A provider is anything that can wrap and unwrap: a local key (a file, or an environment variable), or a KMS (an
 * implementation of this interface calling the KMS's encrypt/decrypt). Every provider passes the same contract
 * suite (test/crypto/kek.contract.test.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { KEY_BYTES, open, seal } from './aead.ts';

export interface KeyEncryptionKey {
  /** Names this KEK (never the key): stored beside each wrapped key, so a wrong KEK is named, not misread. */
  readonly id: string;
  /** Wraps a data key for `context` (e.g. 'org:<uuid>:v1'); unwrapping needs the same context. */
  wrap(key: Uint8Array, context: string): Promise<Uint8Array>;
  unwrap(wrapped: Uint8Array, context: string): Promise<Uint8Array>;
}

const binding = (context: string) => ({ scope: 'kek', table: 'data_keys', column: 'wrapped', row: context });

/** A KEK held in memory as 32 bytes (from a file or an environment variable). */
export class LocalKek implements KeyEncryptionKey {
  readonly id: string;
  readonly #key: Uint8Array;
  constructor(key: Uint8Array, source: string) {
    if (key.length !== KEY_BYTES) {
      throw new OtkazError(ErrorCode.KeyUnavailable, `the key-encryption key must be ${KEY_BYTES} bytes, got ${key.length}`, { where: source });
    }
    this.#key = key;
    this.id = `local:${createHash('sha256').update('otkaz-kek-id').update(key).digest('hex').slice(0, 16)}`;
  }
  async wrap(key: Uint8Array, context: string): Promise<Uint8Array> {
    return seal(this.#key, 1, binding(context), key);
  }
  async unwrap(wrapped: Uint8Array, context: string): Promise<Uint8Array> {
    return open(this.#key, binding(context), wrapped);
  }
}

/** The KEK from an environment variable's base64 value (OTKAZ_KEK). */
export function kekFromEnvironment(value: string, name = 'OTKAZ_KEK'): LocalKek {
  const bytes = Buffer.from(value.trim(), 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== value.trim().replace(/=+$/, '')) {
    throw new OtkazError(ErrorCode.KeyUnavailable, 'the key-encryption key is not valid base64', { where: `environment variable ${name}` });
  }
  return new LocalKek(new Uint8Array(bytes), `environment variable ${name}`);
}

/**
 * The KEK from a file of 32 raw bytes, created (mode 0600, in a folder of mode 0700) when `create` is set and the
 * file does not exist. The file must not lie inside the data folder: whoever copies the data folder must not get
 * the key with it.
 */
export function kekFromFile(file: string, options: { dataDir: string; create: boolean }): LocalKek {
  const resolved = path.resolve(file);
  // Compared with links resolved: a link into the data folder is still inside it.
  const real = (p: string) => {
    let head = path.resolve(p);
    const tail: string[] = [];
    while (!existsSync(head) && path.dirname(head) !== head) {
      tail.unshift(path.basename(head));
      head = path.dirname(head);
    }
    return path.join(realpathSync(head), ...tail);
  };
  const dataDir = real(options.dataDir);
  const target = real(resolved);
  if (target === dataDir || target.startsWith(dataDir + path.sep)) {
    throw new OtkazError(ErrorCode.KeyUnavailable, 'the key-encryption key must be kept outside the data folder', { where: resolved });
  }
  if (!existsSync(resolved)) {
    if (!options.create) throw new OtkazError(ErrorCode.KeyUnavailable, 'the key-encryption key file does not exist', { where: resolved });
    mkdirSync(path.dirname(resolved), { recursive: true, mode: 0o700 });
    writeFileSync(resolved, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    chmodSync(resolved, 0o600);
  }
  return new LocalKek(new Uint8Array(readFileSync(resolved)), resolved);
}
