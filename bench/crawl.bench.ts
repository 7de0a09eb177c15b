// Crawler throughput against the politeness bound: 100 simulated courts, ≥ 3 s between requests to a host,
// response latency 0.2–2 s. The bound is 100 hosts / 3 s = 2,000 requests per minute. Baseline in the same
// run: a naive sequential crawl (one request at a time). Reports requests/min, fraction of the bound, peak RSS.
// Run: npm run bench:crawl -- [seconds per variant, default 120]

import { spawn } from 'node:child_process';
import pg from 'pg';
import { startTempPostgres, stopTempPostgres } from '../scripts/pg-temp.mjs';
import { loadDirectory } from '../src/courts/directory/load.ts';
import { garrisonCourts } from '../src/courts/directory/select.ts';
import { syncCourts } from '../src/courts/directory/sync.ts';
import { planCrawl } from '../src/crawler/jobs.ts';
import { DEFAULT_CRAWLER, runWorker } from '../src/crawler/worker.ts';
import { openDatabase } from '../src/db/open.ts';
import { machine } from './harness.ts';

const seconds = Number(process.argv[2] ?? 120);
const PACING = 3000;
const directory = loadDirectory();
const courts = garrisonCourts(directory, { limit: 100 });

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);

/** The simulator runs in its own process, as the sites would: its work is not counted against the crawler. */
async function startSimulator(): Promise<{ base: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      'bin/otkaz.mjs',
      'simulate-courts',
      '--courts',
      String(courts.length),
      '--cases-per-court',
      '150',
      '--seed',
      '2',
      '--port',
      '0',
      '--latency',
      '200-2000',
      '--no-captcha',
      '--json',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"base": "([^"]+)"/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited ${code}`)));
  });
  return { base, stop: () => child.kill() };
}

async function variant(name: string, concurrency: number, pacingMs: number) {
  const simulator = await startSimulator();
  const base = simulator.base;
  let requests = 0;
  // PostgreSQL, in its own process like the sites: the RSS measured is the crawler's. (Embedded PGlite alone
  // takes about 700 MB of WASM memory, see BENCHMARKS.md.)
  const db = await openDatabase({ kind: 'postgres', url: await freshDatabase() });
  await syncCourts(db, directory);
  await planCrawl(db, { courts, articles: ['337', '338', '332', '339', '352.1'], from: '2023-01-01', to: '2025-12-31' });
  peakRss = process.memoryUsage().rss;
  const controller = new AbortController();
  const started = performance.now();
  const timer = setTimeout(() => controller.abort(), seconds * 1000);
  await runWorker(db, {
    ...DEFAULT_CRAWLER,
    baseUrl: base,
    userAgent: 'otkaz benchmark',
    pacingMs,
    concurrency,
    respectRobots: false,
    globalPerMinute: 0,
    personKey: 'bench-person-key-000000000000',
    directory,
    stopWhenIdle: true,
    signal: controller.signal,
    timeoutMs: 30_000,
    onEvent: (e) => {
      if (e.type === 'fetched' || e.type === 'error') requests += 1;
    },
  }).catch((error: unknown) => {
    if (!controller.signal.aborted) throw error;
  });
  clearTimeout(timer);
  const elapsedMin = (performance.now() - started) / 60000;
  simulator.stop();
  await db.close().catch(() => undefined);
  return { name, perMinute: requests / elapsedMin, rssMb: peakRss / 1e6 };
}

const pgServer = await startTempPostgres();
let dbCount = 0;
async function freshDatabase(): Promise<string> {
  dbCount += 1;
  const client = new pg.Client({ connectionString: pgServer.url });
  await client.connect();
  await client.query(`create database crawl${dbCount}`);
  await client.end();
  return pgServer.url.replace(/\/postgres$/, `/crawl${dbCount}`);
}

const bound = (courts.length / (PACING / 1000)) * 60;
console.log(
  `crawl benchmark — ${courts.length} simulated courts, pacing ${PACING} ms, latency 0.2–2 s, ${seconds} s per variant; bound ${bound.toFixed(0)} requests/min; ${machine()}`,
);
const naive = await variant('naive sequential', 1, 0);
const polite = await variant('otkaz crawler', 100, PACING);
clearInterval(sampler);
stopTempPostgres(pgServer.dir);
for (const r of [naive, polite]) {
  console.log(
    `  ${r.name.padEnd(18)} ${r.perMinute.toFixed(0).padStart(6)} requests/min  ${((100 * r.perMinute) / bound).toFixed(1).padStart(5)}% of bound  peak RSS ${r.rssMb.toFixed(0)} MB`,
  );
}
console.log(
  `  ratio crawler/naive = ${(polite.perMinute / naive.perMinute).toFixed(1)}; target ≥ 95% of bound: ${polite.perMinute >= 0.95 * bound ? 'met' : 'NOT met'}`,
);
