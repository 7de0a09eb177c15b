// Builds the web app (Vite) into web/dist when its sources changed since the last build; otherwise does nothing.
// Used by `npm start` (scripts/start.mjs) and by the test runner (the browser tests need the built app). The web
// app's API types (web/src/api/schema.gen.ts) are committed: `npm run build:web` regenerates them first, and
// test/web/api-types.test.ts fails when they are stale — so neither a start nor a test run builds the API for them.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { filesUnder, ROOT, sourceDigest, upToDate, writeStamp } from './build-stamp.mjs';

const web = path.join(ROOT, 'web');
const stamp = path.join(web, 'dist', '.build-hash');

/** Builds when the sources changed; returns whether it built. */
export async function buildWeb() {
  const digest = sourceDigest([
    ...filesUnder(path.join(web, 'src')),
    ...filesUnder(path.join(web, 'public')),
    path.join(web, 'index.html'),
    path.join(web, 'vite.config.ts'),
    path.join(ROOT, 'package-lock.json'),
  ]);
  if (upToDate(stamp, digest, path.join(web, 'dist', 'index.html'))) return false;
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  writeStamp(stamp, digest);
  process.stdout.write(`built the web app in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildWeb();
