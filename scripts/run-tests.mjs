// Runs every test/**/*.test.ts with Node's test runner, with outgoing network blocked.
// Storage tests need PostgreSQL: OTKAZ_TEST_DATABASE_URL if set, otherwise a throwaway cluster is started here.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildWeb } from './build-web.mjs';
import { startTempPostgres, stopTempPostgres } from './pg-temp.mjs';

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...collect(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = collect('test').sort();
if (filter.length > 0) files = files.filter((f) => filter.some((part) => f.includes(part)));

// The browser tests drive the built web app.
await buildWeb();

let temp = null;
const env = { ...process.env };
if (!env.OTKAZ_TEST_DATABASE_URL) {
  temp = await startTempPostgres();
  env.OTKAZ_TEST_DATABASE_URL = temp.url;
  process.stdout.write(`started a temporary PostgreSQL for the tests at ${temp.url}\n`);
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--import', './test/helpers/no-network.ts', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (temp) stopTempPostgres(temp.dir);
process.exit(code);
