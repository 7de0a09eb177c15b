/** What the API is built with: the installation's parts, shared by the app and its routes (no route imports the app). */
import type { CaseworkOverrides } from '../casework/services.ts';
import type { Config } from '../config/config.ts';
import type { CourtDirectory } from '../courts/directory/types.ts';
import type { Database } from '../db/database.ts';
import type { LoadedKnowledgeBase } from '../guidance/load.ts';
import type { ResponseCache } from './cache.ts';
import type { LogDestination } from './log.ts';

/** What the background work of the server's start is doing; /healthz reports it. */
export interface StartupState {
  statistics: 'loading' | 'ready' | 'failed';
}

export interface AppContext {
  config: Config;
  db: Database;
  directory: CourtDirectory;
  kb: LoadedKnowledgeBase;
  /** Default: a new one. */
  cache?: ResponseCache;
  /** Background work of the server's start, reported by /healthz (absent: nothing running). */
  startup?: StartupState;
  /**
   * Where the log goes, at the configured level (the server: standard output). Absent: only failures are
   * logged, to standard error — a library default that keeps tests and embedders quiet.
   */
  logStream?: LogDestination;
  /** The clock of sessions, sign-in and audit entries (tests move it instead of sleeping). Default: the system's. */
  now?: () => Date;
  /** A keyring and audit settings for the case-file operations, given in code only (CaseworkOverrides). Default: the configuration's. */
  casework?: CaseworkOverrides;
}

/** What the routes get: the context with its response cache. */
export type RouteContext = AppContext & { cache: ResponseCache };

export const BODY_LIMIT = 1024 * 1024;
/** Imports may upload a statistics file. */
export const UPLOAD_LIMIT = 64 * 1024 * 1024;
