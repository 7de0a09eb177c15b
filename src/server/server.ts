/**
 * `npm start` / `otkaz serve`: opens the database, syncs the court directory and the guidance knowledge base,
 * loads the bundled statistics on first start, and serves the HTTP API (src/api) with the guidance pages.
 * The React web app comes with the web issue.
 */
import type http from 'node:http';
import type { Config } from '../config/config.ts';
import { loadDirectory } from '../courts/directory/load.ts';
import { syncCourts } from '../courts/directory/sync.ts';
import { openDatabase, storageTarget } from '../db/open.ts';
import { loadKnowledgeBase } from '../guidance/load.ts';
import { syncKnowledgeBase } from '../guidance/store.ts';
import { ensureSnapshot } from '../stats/snapshot.ts';

export async function startServer(config: Config): Promise<http.Server> {
  // Load the API modules while the database opens (a warm restart should take under 3 s).
  const api = import('../api/app.ts');
  api.catch(() => undefined);
  const db = await openDatabase(storageTarget(config));
  try {
    const directory = loadDirectory();
    await syncCourts(db, directory);
    const kb = loadKnowledgeBase();
    await syncKnowledgeBase(db, kb);
    const loaded = await ensureSnapshot(db);
    if (loaded.length) process.stdout.write(`loaded the bundled statistics: ${loaded.length} files, ${loaded.reduce((n, r) => n + r.observations, 0)} observations\n`);
    const app = await (await api).buildApp({ config, db, directory, kb });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    process.stdout.write(`otkaz is serving at http://${config.host}:${port}/ (${db.engine} database)\n`);
    app.server.on('close', () => void db.close());
    return app.server;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
