import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../config/config.ts';
import { reRedactStored } from '../courts/cases/store.ts';
import type { Database } from '../db/database.ts';
import { openDatabase, storageTarget } from '../db/open.ts';

export interface Context {
  config: Config;
  db: Database;
  personKey: string;
}

/**
 * The installation's key for hashing personal names: OTKAZ_PERSON_KEY, or a random key created once in the
 * data folder (mode 0600). Losing it makes earlier hashes unmatchable, never reversible.
 */
export function personKey(config: Config): string {
  if (config.personKey) return config.personKey;
  const file = path.join(config.dataDir, 'person.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(storageTarget(config));
  try {
    // Cases written by an older redaction stage are redone before anything reads them.
    await reRedactStored(db);
    return await fn({ config, db, personKey: personKey(config) });
  } finally {
    await db.close();
  }
}
