// Builds the web app (Vite) into web/dist when its sources changed since the last build; otherwise does nothing.
// First, when the server's sources changed, regenerates the web app's API types from the OpenAPI document
// (scripts/gen-api-types.ts → web/src/api/schema.gen.ts, committed). Under CI it only checks them: a stale committed
// file is then left as it is, for test/web/api-types.test.ts to fail on.
// Used by `npm start` (scripts/start.mjs) and by the test runner (the browser tests need the built app).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { filesUnder, ROOT, sourceDigest, upToDate, writeStamp } from './build-stamp.mjs';

const web = path.join(ROOT, 'web');
const stamp = path.join(web, 'dist', '.build-hash');
const API_TYPES = path.join(web, 'src', 'api', 'schema.gen.ts');
const GENERATOR = path.join(ROOT, 'scripts', 'gen-api-types.ts');
// Outside web/dist, which each Vite build empties.
const apiTypesStamp = path.join(ROOT, 'dist', 'api-types.hash');

/** Regenerates the API types when the server's sources (or the generator) changed; returns whether it ran. */
export function generateApiTypes() {
  const digest = sourceDigest([...filesUnder(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts')), GENERATOR, path.join(ROOT, 'package-lock.json')]);
  if (upToDate(apiTypesStamp, digest, API_TYPES)) return false;
  const check = Boolean(process.env.CI);
  const run = spawnSync(process.execPath, ['--import', 'tsx', GENERATOR, ...(check ? ['--check'] : [])], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0 && !check) throw new Error(`generating the API types failed (${GENERATOR}, exit ${run.status ?? run.signal})`);
  if (run.status === 0) {
    mkdirSync(path.dirname(apiTypesStamp), { recursive: true });
    writeStamp(apiTypesStamp, digest);
  }
  return true;
}

/** Builds when the sources changed; returns whether it built. */
export async function buildWeb() {
  generateApiTypes();
  const digest = sourceDigest([
    ...filesUnder(path.join(web, 'src')),
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
