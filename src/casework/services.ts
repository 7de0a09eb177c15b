/**
 * What case-file operations run with beyond the database: the keyring (data keys, unwrapped by the KEK), the
 * audit log's settings, the clock, and the caller's address for the audit entry. One keyring per process and KEK,
 * so unwrapped keys are cached once (src/casework/keyring.ts).
 */

import type { AuditOptions } from '../audit/log.ts';
import type { Config } from '../config/config.ts';
import { type KeyEncryptionKey, kekFromEnvironment, kekFromFile } from '../crypto/kek.ts';
import { Keyring } from './keyring.ts';

export interface CaseworkServices {
  readonly keyring: Keyring;
  readonly audit: AuditOptions;
  readonly now: () => Date;
  /** The caller's address (the API: the request's; the command line: null). */
  readonly ip: string | null;
}

type KekConfig = Pick<Config, 'kek' | 'kekFile' | 'dataDir'>;

/** The installation's key-encryption key: OTKAZ_KEK if set, else the file (created when `create` is set). */
export function loadKek(config: KekConfig, create: boolean): KeyEncryptionKey {
  if (config.kek) return kekFromEnvironment(config.kek);
  if (!config.kekFile) throw new Error('no key-encryption key file configured');
  return kekFromFile(config.kekFile, { dataDir: config.dataDir, create });
}

const keyrings = new Map<string, Keyring>();

/** The process's keyring for this configuration's KEK (read, or created, when first needed). */
export function keyringFor(config: KekConfig, create = true): Keyring {
  const kek = loadKek(config, create);
  let ring = keyrings.get(kek.id);
  if (!ring) {
    ring = new Keyring(kek);
    keyrings.set(kek.id, ring);
  }
  return ring;
}

/**
 * What an embedder passes in code (AppContext.casework) instead of the configuration's: a keyring, audit settings.
 * No configuration key or environment variable reaches these; the benchmark's baseline (bench/casework.bench.ts) is
 * their only user.
 */
export interface CaseworkOverrides {
  readonly keyring?: Keyring;
  readonly audit?: Partial<AuditOptions>;
}

export function caseworkServices(
  config: Config & KekConfig,
  ip: string | null,
  now: () => Date = () => new Date(),
  overrides: CaseworkOverrides = {},
): CaseworkServices {
  let keyring: Keyring | null = overrides.keyring ?? null;
  const ring = () => {
    keyring ??= keyringFor(config);
    return keyring;
  };
  return {
    get keyring() {
      return ring();
    },
    get audit() {
      return { keyring: ring(), now, ...(config.auditSink ? { sink: config.auditSink } : {}), ...overrides.audit };
    },
    now,
    ip,
  };
}
