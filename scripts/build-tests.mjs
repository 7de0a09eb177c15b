// Bundles the test files (each with what it imports from test/ and src/; packages stay in node_modules) into
// .test-build/ with esbuild, for `npm test`: a test process then loads a few bundled chunks with plain Node instead
// of some hundred TypeScript modules through tsx's loader, about 1 s of CPU less per test file (94 files, 2 cores).
// Shared code goes into chunks; source maps point failures at the .ts lines. Built on every run (about a second);
// a single test file still runs from source with tsx (README). Code that needs its own location finds the project
// folder through src/shared/paths.ts, which works from the bundle too. A test that imports one of these scripts gets
// the script itself, not a copy in the bundle (a script finds the project folder, and whether it was run, from its
// own location).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './build-stamp.mjs';
import { bundleForNode } from './node-bundle.mjs';

export const TEST_BUILD = path.join(ROOT, '.test-build');

const SCRIPTS = path.join(ROOT, 'scripts');

/** Imports of scripts/*.mjs stay imports of the file where it is. */
const scriptsAsTheyAre = {
  name: 'scripts-as-they-are',
  setup(build) {
    build.onResolve({ filter: /\/scripts\/[^/]+\.mjs$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      return path.dirname(file) === SCRIPTS ? { path: pathToFileURL(file).href, external: true } : undefined;
    });
  },
};

/** Bundles `files` (paths relative to the project folder); returns the bundled file of each, in the same order. */
export async function buildTests(files) {
  rmSync(TEST_BUILD, { recursive: true, force: true });
  const started = Date.now();
  await bundleForNode({
    entryPoints: [...files, 'test/helpers/no-network.ts'],
    outdir: TEST_BUILD,
    outbase: '.',
    outExtension: { '.js': '.mjs' },
    plugins: [scriptsAsTheyAre],
  });
  process.stdout.write(`bundled ${files.length} test files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const bundled = (file) => path.join(TEST_BUILD, file.replace(/\.ts$/, '.mjs'));
  return { files: files.map(bundled), preload: bundled('test/helpers/no-network.ts') };
}
