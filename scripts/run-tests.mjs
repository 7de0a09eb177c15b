// Runs every test/**/*.test.ts with Node's test runner, with outgoing network blocked.
// Storage tests need PostgreSQL: OTKAZ_TEST_DATABASE_URL if set, otherwise a throwaway cluster is started here.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { cliBundle } from './build-cli.mjs';
import { buildTests } from './build-tests.mjs';
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

/**
 * The slowest files, slowest first (measured alone, 2026-12-02): they start first, so that the run does not end
 * with one long file on one core while the other waits. The rest follow in name order. A new slow file belongs
 * here; a file listed that no longer exists is ignored.
 */
const SLOWEST = [
  'test/cli/server.test.ts',
  'test/crawler/crawl.test.ts',
  'test/e2e/casework.test.ts',
  'test/cli/data-dir.test.ts',
  'test/api/fuzz.test.ts',
  'test/e2e/web.test.ts',
  'test/cli/readme-examples.test.ts',
  'test/cli/stats-cli.test.ts',
  'test/cli/cli.test.ts',
  'test/asylum/store-contract.test.ts',
  'test/crawler/crash.test.ts',
  'test/courts/ingest-contract.test.ts',
  'test/courts/redaction.test.ts',
  'test/api/bounded.test.ts',
  'test/cli/org-cli.test.ts',
  'test/cli/launcher.test.ts',
  'test/asylum/readers-property.test.ts',
  'test/cli/audit-cli.test.ts',
  'test/cli/server-retention.test.ts',
  'test/e2e/deadlines.test.ts',
  'test/e2e/preparation.test.ts',
];
const rank = (file) => {
  const at = SLOWEST.indexOf(file.split(path.sep).join('/'));
  return at === -1 ? SLOWEST.length : at;
};

const filter = process.argv.slice(2);
let files = collect('test').sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
if (filter.length > 0) files = files.filter((f) => filter.some((part) => f.includes(part)));
// Three test files at a time on 2 cores: the suites wait on child processes, browsers and PostgreSQL too (measured
// 2026-12-02 with the bundled tests: 286 s at 3 against 314 s at 2, BENCHMARKS.md); OTKAZ_TEST_CONCURRENCY for others.
const concurrency = process.env.OTKAZ_TEST_CONCURRENCY ?? '3';
if (!/^[1-9]\d*$/.test(concurrency)) throw new Error(`OTKAZ_TEST_CONCURRENCY must be a whole number from 1, not "${concurrency}"`);

// The browser tests drive the built web app.
await buildWeb();
// The tests run bundled (scripts/build-tests.mjs); OTKAZ_TEST_FROM_SOURCE=1 runs them through tsx instead.
const fromSource = process.env.OTKAZ_TEST_FROM_SOURCE === '1';
const bundle = fromSource ? null : await buildTests(files);
// The tests that start bin/otkaz.mjs run the CLI's bundle: built here once, not by the first three at the same time.
if (process.env.OTKAZ_CLI_FROM_SOURCE !== '1') await cliBundle();
const loader = bundle ? ['--enable-source-maps', '--import', bundle.preload] : ['--import', 'tsx', '--import', './test/helpers/no-network.ts'];

let temp = null;
const env = { ...process.env };
if (!env.OTKAZ_TEST_DATABASE_URL) {
  temp = await startTempPostgres();
  env.OTKAZ_TEST_DATABASE_URL = temp.url;
  process.stdout.write(`started a temporary PostgreSQL for the tests at ${temp.url}\n`);
}

const child = spawn(process.execPath, [...loader, '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...(bundle ? bundle.files : files)], {
  stdio: 'inherit',
  env,
});
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (temp) stopTempPostgres(temp.dir);
process.exit(code);
