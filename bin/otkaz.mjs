#!/usr/bin/env node
// Entry point of the CLI (run by the ./otkaz launcher, or `node bin/otkaz.mjs`): registers the TypeScript loader, then runs it.
import { register } from 'tsx/esm/api';

// Files and folders otkaz creates are its owner's only (the data folder holds full names in raw court pages).
process.umask(0o077);
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
