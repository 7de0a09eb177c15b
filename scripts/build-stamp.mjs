// What `npm start`'s two build steps share: a digest of the sources, and the stamp that says which digest the
// current build output was made from (so a build runs only when its sources changed).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every file below `dir`. */
export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** sha256 over the files' paths (relative to the project) and contents, in a stable order. */
export function sourceDigest(files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(path.relative(ROOT, file)).update(readFileSync(file));
  return hash.digest('hex');
}

/** Whether `output` exists and was built from `digest` (recorded in `stamp`). */
export function upToDate(stamp, digest, output) {
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && existsSync(output);
}

export function writeStamp(stamp, digest) {
  writeFileSync(stamp, digest);
}
