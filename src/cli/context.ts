import { type CaseworkServices, caseworkServices } from '../casework/services.ts';
import { type Config, loadConfig } from '../config/config.ts';
import { reRedactStored } from '../courts/cases/store.ts';
import { loadDirectory } from '../courts/directory/load.ts';
import type { CourtDirectory } from '../courts/directory/types.ts';
import type { Database } from '../db/database.ts';
import { openDatabase, storageTarget } from '../db/open.ts';
import { type LoadedKnowledgeBase, loadKnowledgeBase } from '../guidance/load.ts';
import type { Actor } from '../ops/actor.ts';
import type { OperationContext } from '../ops/operation.ts';
import { prepareDataDir } from '../shared/data-dir.ts';
import { UNBOUNDED } from '../shared/limits.ts';
import { personKeyWarnings, personKey as readPersonKey } from '../shared/person-key.ts';
import { printError } from './output.ts';

export interface Context {
  config: Config;
  db: Database;
  /** The name-hash key (src/shared/person-key.ts), read or created when first used. */
  readonly personKey: string;
}

/** The installation's key for hashing personal names (see src/shared/person-key.ts). */
export function personKey(config: Config): string {
  return readPersonKey(config);
}

export async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const config = loadConfig();
  for (const warning of prepareDataDir(config.dataDir)) printError(warning);
  const db = await openDatabase(storageTarget(config));
  let key: string | null = null;
  const ctx: Context = {
    config,
    db,
    get personKey() {
      if (key === null) {
        key = readPersonKey(config);
        for (const warning of personKeyWarnings(config)) printError(warning);
      }
      return key;
    },
  };
  try {
    // Cases written by an older redaction stage are redone before anything reads them.
    await reRedactStored(db);
    return await fn(ctx);
  } finally {
    await db.close();
  }
}

/** The context an operation runs with on the command line: the knowledge base and the directory load when first used. */
export function operationContext(cli: Context, actor: Actor): OperationContext {
  let kb: LoadedKnowledgeBase | null = null;
  let directory: CourtDirectory | null = null;
  let services: CaseworkServices | null = null;
  return {
    actor,
    config: cli.config,
    db: cli.db,
    get kb() {
      kb ??= loadKnowledgeBase();
      return kb;
    },
    get directory() {
      directory ??= loadDirectory();
      return directory;
    },
    get personKey() {
      return cli.personKey;
    },
    budget: UNBOUNDED,
    now: () => new Date(),
    get casework() {
      services ??= caseworkServices(cli.config, null);
      return services;
    },
  };
}
