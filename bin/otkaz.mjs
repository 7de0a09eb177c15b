#!/usr/bin/env node
// Entry point for `npx otkaz` and `npm start`: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';
// Files and folders otkaz creates are its owner's only (the data folder holds full names in raw court pages).
process.umask(0o077);
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
