// The esbuild options of every Node bundle the project makes — the server (build-server.mjs), the CLI
// (build-cli.mjs) and the test files (build-tests.mjs): the code of src/ (and test/) in ES modules for Node 20,
// packages left in node_modules, dynamic imports as separate chunks loaded only when used, linked source maps that
// point stack traces at the .ts lines. Paths in the output are relative to the project folder, wherever the build
// is started from. A change here changes every bundle: the server's and the CLI's digests include this file.
import { fileURLToPath } from 'node:url';
import { ROOT } from './build-stamp.mjs';

/** This file, for the digests of the bundles built with it. */
export const NODE_BUNDLE_SCRIPT = fileURLToPath(import.meta.url);

export const NODE_BUNDLE_OPTIONS = Object.freeze({
  absWorkingDir: ROOT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

/** Runs esbuild with the shared options and `options` (entry points, output folder and what else differs). */
export async function bundleForNode(options) {
  const { build } = await import('esbuild');
  return build({ ...NODE_BUNDLE_OPTIONS, ...options });
}
