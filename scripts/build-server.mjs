// Bundles the server (src/server/main.ts and what it imports; packages stay in node_modules) into dist/server
// with esbuild when the sources changed since the last bundle; otherwise does nothing. `npm start` runs the bundle
// with plain Node: no TypeScript loader to start and one file per chunk to read, which is what makes a warm
// restart fast. Dynamic imports stay separate chunks, so the PostgreSQL driver, the WARC writer or the importer
// load only when used (the options every Node bundle shares: node-bundle.mjs). The CLI has its own bundle
// (build-cli.mjs); a single test file runs the same sources through tsx.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filesUnder, ROOT, sourceDigest, upToDate, writeStamp } from './build-stamp.mjs';
import { bundleForNode, NODE_BUNDLE_SCRIPT } from './node-bundle.mjs';

export const SERVER_DIST = path.join(ROOT, 'dist', 'server');
const stamp = path.join(SERVER_DIST, '.build-hash');

/** Bundles when the sources changed; returns whether it bundled. */
export async function buildServer() {
  const digest = sourceDigest([
    ...filesUnder(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts')),
    ...['package.json', 'package-lock.json', 'tsconfig.json'].map((f) => path.join(ROOT, f)),
    fileURLToPath(import.meta.url),
    NODE_BUNDLE_SCRIPT,
  ]);
  if (upToDate(stamp, digest, path.join(SERVER_DIST, 'main.js'))) return false;
  rmSync(SERVER_DIST, { recursive: true, force: true });
  await bundleForNode({ entryPoints: { main: path.join(ROOT, 'src/server/main.ts') }, outdir: SERVER_DIST });
  writeStamp(stamp, digest);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
