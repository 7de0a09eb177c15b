// Bundles the CLI (src/cli/main.ts and what it imports; packages stay in node_modules) for bin/otkaz.mjs, which
// runs the bundle with plain Node instead of some hundred TypeScript modules through tsx's loader (`otkaz --help`:
// ≈ 1.3 s of CPU against ≈ 2.8 s, BENCHMARKS.md). The options are the other bundles' (node-bundle.mjs).
//
// A bundle is a folder named by the digest of its sources: dist/cli/<first 16 hex digits of the sha256>/. Every
// start hashes the sources (src/**/*.ts, the package and TypeScript settings, the lock file, the build scripts:
// ≈ 20 ms) and runs the folder of that digest, so a changed source can never run stale: it is a different folder,
// built (≈ 0.5 s) by the first start that needs it.
//
// Several starts may build at once (the test runner runs three test files at a time, and on a fresh clone each may
// start the CLI first). Each builds into a temporary folder of its own beside the final one (.build-…), then
// renames it to the digest's name. The rename is atomic, so a digest folder is always complete; a builder that
// finds the name taken (another built the same digest first) discards its own copy and runs that one.
//
// Old bundles: right after building one (never on the ordinary path that finds its bundle built), the builder
// removes, best effort, every other digest folder untouched for ten minutes that no running process uses, and
// temporary folders of builds that died. A process that runs a bundle keeps a `.pid-<pid>` file in its folder
// until it exits (a long `otkaz serve` or crawl loads chunks on demand, so its folder must stay); a file left by a
// killed process names a process that no longer runs and does not count.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filesUnder, ROOT, sourceDigest } from './build-stamp.mjs';
import { bundleForNode, NODE_BUNDLE_SCRIPT } from './node-bundle.mjs';

export const CLI_DIST = path.join(ROOT, 'dist', 'cli');
export const CLI_ENTRY = path.join(ROOT, 'src', 'cli', 'main.ts');
/** How long a bundle folder nobody started or ended using, or a temporary folder, is kept. */
export const KEEP_MS = 10 * 60_000;
const DIGEST_FOLDER = /^[0-9a-f]{16}$/;
const TEMP_FOLDER = /^\.build-/;
const PID_FILE = /^\.pid-(\d+)$/;

/** What the CLI's bundle is made from. */
export function cliSources() {
  return [
    ...filesUnder(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts')),
    ...['package.json', 'package-lock.json', 'tsconfig.json'].map((f) => path.join(ROOT, f)),
    fileURLToPath(import.meta.url),
    NODE_BUNDLE_SCRIPT,
  ];
}

/**
 * The main.js of the bundle of `sources` (built from `entry` into a digest folder under `outRoot` if it is not there
 * yet), marked as in use by this process until it exits. `umask`, if given, is the one to build with: bin/otkaz.mjs
 * has set its own (0o077, for the data folder) first and passes the one it was started with, since the bundle
 * is no one's private file.
 */
export async function cliBundle({ sources = cliSources(), entry = CLI_ENTRY, outRoot = CLI_DIST, umask } = {}) {
  const name = sourceDigest(sources).slice(0, 16);
  const dir = path.join(outRoot, name);
  const main = path.join(dir, 'main.js');
  if (existsSync(main) && markInUse(dir)) return main;
  const own = umask === undefined ? undefined : process.umask(umask);
  try {
    mkdirSync(outRoot, { recursive: true });
    const temp = path.join(outRoot, `.build-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await bundleForNode({ entryPoints: { main: entry }, outdir: temp });
      renameSync(temp, dir);
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      // Another builder renamed the same digest into place first: theirs is as good as ours.
      if (!(isCode(error, 'ENOTEMPTY', 'EEXIST') && existsSync(main))) throw error;
    }
  } finally {
    if (own !== undefined) process.umask(own);
  }
  markInUse(dir);
  removeOldBundles(outRoot, name);
  return main;
}

const inUse = new Set();

/** Leaves `.pid-<pid>` in `dir` until this process exits; false when `dir` is gone (removed as old meanwhile). */
function markInUse(dir) {
  const file = path.join(dir, `.pid-${process.pid}`);
  try {
    writeFileSync(file, '');
  } catch (error) {
    // A clone this user cannot write to is run as it is; only a vanished folder needs building again.
    return !isCode(error, 'ENOENT');
  }
  if (inUse.size === 0)
    process.once('exit', () => {
      for (const marked of inUse) rmSync(marked, { force: true });
    });
  inUse.add(file);
  return true;
}

/** Removes (best effort) the bundles under `outRoot` other than `keep` that nobody uses, and dead builds' folders. */
export function removeOldBundles(outRoot, keep, now = Date.now()) {
  for (const name of readdirSync(outRoot)) {
    if (name === keep || !(DIGEST_FOLDER.test(name) || TEMP_FOLDER.test(name))) continue;
    const dir = path.join(outRoot, name);
    try {
      // A folder's time changes with every `.pid-` file made or removed in it: a start or an exit.
      if (now - statSync(dir).mtimeMs < KEEP_MS) continue;
      if (DIGEST_FOLDER.test(name) && readdirSync(dir).some((file) => isRunning(PID_FILE.exec(file)?.[1]))) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another builder is removing it too, or it was never ours to remove: cleaning is best effort.
    }
  }
}

function isRunning(pid) {
  if (pid === undefined) return false;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

function isCode(error, ...codes) {
  return error instanceof Error && 'code' in error && codes.includes(error.code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.stdout.write(`${await cliBundle()}\n`);
