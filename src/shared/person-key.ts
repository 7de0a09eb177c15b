/**
 * The installation's key for hashing personal names (HMAC; src/courts/cases/privacy.ts): OTKAZ_PERSON_KEY, or
 * the file OTKAZ_PERSON_KEY_FILE names, or else `person.key` in the data folder, created once with a random key.
 * Whoever holds both the hashes and the key can test names against them, so the key is best kept outside the data
 * folder (another disk, a removable medium): a copied or seized data folder then reveals no names. Losing the key
 * makes earlier hashes unmatchable, never reversible.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { isInside } from './data-dir.ts';
import { ErrorCode, OtkazError } from './errors.ts';

type KeyConfig = Pick<Config, 'dataDir' | 'personKey' | 'personKeyFile'>;

/** The file the key is read from, or null when it is given directly (OTKAZ_PERSON_KEY). */
export function personKeyPath(config: KeyConfig): string | null {
  return config.personKey ? null : keyFile(config);
}

/** The key file's place, whether or not the key is given directly. */
function keyFile(config: KeyConfig): string {
  return config.personKeyFile ?? path.join(config.dataDir, 'person.key');
}

/** What to tell the operator at start about where the key is kept (never the key itself). */
export function personKeyWarnings(config: KeyConfig): string[] {
  const file = personKeyPath(config);
  if (file === null || !existsSync(file)) return [];
  const warnings: string[] = [];
  if (isInside(file, config.dataDir)) {
    warnings.push(
      `otkaz: warning: the name-hash key is kept inside the data folder (${file}): whoever copies the folder can test names against the stored hashes. Keep it elsewhere: move the file, then set OTKAZ_PERSON_KEY_FILE to its new place (README.md, Configuration).`,
    );
  }
  if (statSync(file).mode & 0o077) warnings.push(`otkaz: warning: other users may read the name-hash key (${file}); fix it with: chmod go-rwx '${file}'`);
  return warnings;
}

export function personKey(config: KeyConfig): string {
  if (config.personKey) return config.personKey;
  const where = config.personKeyFile ? `OTKAZ_PERSON_KEY_FILE=${config.personKeyFile}` : undefined;
  const file = keyFile(config);
  if (existsSync(file)) {
    let key: string;
    try {
      key = readFileSync(file, 'utf8').trim();
    } catch (cause) {
      throw new OtkazError(ErrorCode.ConfigInvalid, `cannot read the name-hash key: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, {
        where: where ?? file,
        cause,
      });
    }
    if (key.length < 16) throw new OtkazError(ErrorCode.ConfigInvalid, 'the name-hash key file must hold at least 16 characters', { where: where ?? file });
    return key;
  }
  if (config.personKeyFile) {
    // Never a new key in a place named explicitly: a medium not mounted would silently start a second key.
    throw new OtkazError(
      ErrorCode.ConfigInvalid,
      `the name-hash key file does not exist: move the existing key there (${path.join(config.dataDir, 'person.key')}), or for a new installation create one with: (umask 077; openssl rand -hex 32 > '${file}')`,
      { where },
    );
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
