// Builds the web app (Vite) into web/dist when its sources changed since the last build; otherwise does nothing.
// Used by `npm start` (the one build step) and by the test runner (the browser tests need the built app).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const stamp = path.join(web, 'dist', '.build-hash');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** Builds when the sources changed; returns whether it built. */
export async function buildWeb() {
  const hash = createHash('sha256');
  for (const file of [...files(path.join(web, 'src')), path.join(web, 'index.html'), path.join(web, 'vite.config.ts'), path.join(root, 'package-lock.json')].sort()) {
    hash.update(path.relative(root, file)).update(readFileSync(file));
  }
  const digest = hash.digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && existsSync(path.join(web, 'dist', 'index.html'))) {
    return false;
  }
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stamp, digest);
  process.stdout.write(`built the web app in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildWeb();
