/**
 * Where the project's files are: found from this module's location by walking up to the package.json named
 * "otkaz", so the same code works run from src/ (tsx) and from the bundle `npm start` builds in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'otkaz') return dir;
    if (path.dirname(dir) === dir) throw new Error(`otkaz: cannot find the project folder above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath('assets', 'guidance')`. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
