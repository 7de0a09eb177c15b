/**
 * `npm start` / `otkaz serve`: opens the database, syncs the court directory and the guidance knowledge base,
 * loads the bundled statistics on first start, and serves the HTTP API (src/api), the guidance pages and
 * the web app (web/dist).
 */
import type http from 'node:http';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { loadDirectory } from '../courts/directory/load.ts';
import { syncCourts } from '../courts/directory/sync.ts';
import { openDatabase, storageTarget } from '../db/open.ts';
import { loadKnowledgeBaseCached } from '../guidance/cache.ts';
import { syncKnowledgeBase } from '../guidance/store.ts';
import { ensureSnapshot } from '../stats/snapshot.ts';

export interface RunningServer {
  server: http.Server;
  url: string;
  /** Stops accepting requests, lets the ones in flight finish, then closes the database cleanly. */
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  // Load the API modules while the database opens (a warm restart should take under 3 s).
  const api = import('../api/app.ts');
  api.catch(() => undefined);
  const db = await openDatabase(storageTarget(config));
  try {
    const directory = loadDirectory();
    await syncCourts(db, directory);
    const { kb, hash } = await loadKnowledgeBaseCached(path.join(config.dataDir, 'cache'));
    await syncKnowledgeBase(db, kb, hash);
    const loaded = await ensureSnapshot(db);
    if (loaded.length) process.stdout.write(`loaded the bundled statistics: ${loaded.length} files, ${loaded.reduce((n, r) => n + r.observations, 0)} observations\n`);
    const app = await (await api).buildApp({ config, db, directory, kb });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host}:${port}/`;
    process.stdout.write(`otkaz is serving at ${url} (${db.engine} database)\n`);
    let stopping: Promise<void> | null = null;
    const stop = () => (stopping ??= app.close().then(() => db.close()));
    return { server: app.server, url, stop };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
