#!/usr/bin/env node
// Entry point of the CLI (run by the ./otkaz launcher, or `node bin/otkaz.mjs`): runs the CLI's esbuild bundle
// with plain Node, building it first when the sources changed (scripts/build-cli.mjs: dist/cli/<digest>/, about
// 0.5 s once). OTKAZ_CLI_FROM_SOURCE=1 runs src/cli/main.ts through tsx's TypeScript loader instead (no esbuild).
import { pathToFileURL } from 'node:url';

// Files and folders otkaz creates are its owner's only (the data folder holds full names in raw court pages).
const inherited = process.umask(0o077);

/** The CLI's `main`, from the bundle or (OTKAZ_CLI_FROM_SOURCE=1) from source. */
async function loadMain() {
  if (process.env.OTKAZ_CLI_FROM_SOURCE === '1') {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('../src/cli/main.ts')).main;
  }
  const { cliBundle } = await import('../scripts/build-cli.mjs');
  let bundle;
  try {
    bundle = await cliBundle({ umask: inherited });
  } catch (error) {
    // esbuild has printed what it could not build; anything else (esbuild missing, a folder not writable) is said here.
    const cause = Array.isArray(error?.errors) ? 'see the errors above' : String(error?.message ?? error);
    process.stderr.write(`otkaz: error: the CLI could not be bundled (scripts/build-cli.mjs): ${cause}; OTKAZ_CLI_FROM_SOURCE=1 runs it from source\n`);
    return null;
  }
  // Stack traces point at the .ts lines (the bundle's maps are linked; Node reads them only when asked).
  process.setSourceMapsEnabled(true);
  return (await import(pathToFileURL(bundle).href)).main;
}

const main = await loadMain();
process.exitCode = main === null ? 1 : await main(process.argv.slice(2));
