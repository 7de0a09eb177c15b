// Bundles the server (src/server/main.ts and what it imports; packages stay in node_modules) into dist/server
// with esbuild when the sources changed since the last bundle; otherwise does nothing. `npm start` runs the bundle
// with plain Node: no TypeScript loader to start and one file per chunk to read, which is what makes a warm
// restart fast. Dynamic imports stay separate chunks, so the PostgreSQL driver, the WARC writer or the importer
// load only when used. Tests and the CLI run the same sources through tsx.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filesUnder, ROOT, sourceDigest, upToDate, writeStamp } from './build-stamp.mjs';

export const SERVER_DIST = path.join(ROOT, 'dist', 'server');
const stamp = path.join(SERVER_DIST, '.build-hash');

/** Bundles when the sources changed; returns whether it bundled. */
export async function buildServer() {
  const digest = sourceDigest([
    ...filesUnder(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts')),
    path.join(ROOT, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ]);
  if (upToDate(stamp, digest, path.join(SERVER_DIST, 'main.js'))) return false;
  const { build } = await import('esbuild');
  rmSync(SERVER_DIST, { recursive: true, force: true });
  await build({
    entryPoints: { main: path.join(ROOT, 'src/server/main.ts') },
    outdir: SERVER_DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeStamp(stamp, digest);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
