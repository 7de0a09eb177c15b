// Web app and API under load, on the embedded database filled with SYNTHETIC data (cases generated and ingested as
// court pages; a Eurostat-shaped TSV of observations): p50/p99 latency of the overview, prosecutions-list and series
// endpoints at a fixed request rate from a second process — evenly paced (bench/paced-load.ts) and, for comparison,
// autocannon's per-second bursts — against /healthz measured the same way in the same run (the server's floor);
// the first, uncached answer of each; Largest Contentful Paint of the overview in headless Chromium; the initial
// JavaScript gzipped; `npm start` from a fresh clone and warm restarts, to the first served page.
// Run: npm run bench:web -- [cases, default 100000] [observations, default 5000000] [rate, default 300] [seconds, default 20]
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { importStatistics } from '../src/asylum/import/load.ts';
import { loadDirectory } from '../src/courts/directory/load.ts';
import { garrisonCourts } from '../src/courts/directory/select.ts';
import { syncCourts } from '../src/courts/directory/sync.ts';
import { ingestPage } from '../src/courts/ingest.ts';
import { generateCases } from '../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../src/courts/synthetic/pages.ts';
import { openDatabase } from '../src/db/open.ts';
import { present } from '../src/shared/present.ts';
import { machine } from './harness.ts';
import { generateStatsTsv } from './synthetic-stats.ts';

const CASES = Number(process.argv[2] ?? 100_000);
const OBSERVATIONS = Number(process.argv[3] ?? 5_000_000);
const RATE = Number(process.argv[4] ?? 300);
const SECONDS = Number(process.argv[5] ?? 20);
const WORK = path.join(os.tmpdir(), `otkaz-bench-web-${CASES}-${OBSERVATIONS}`);
const DATA = path.join(WORK, 'data');
const PORT = 8197;
const BASE = `http://127.0.0.1:${PORT}`;

async function fill(): Promise<void> {
  if (existsSync(path.join(WORK, 'filled'))) return;
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const directory = loadDirectory();
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(DATA, 'db') });
  await syncCourts(db, directory);
  const courts = garrisonCourts(directory).map((c) => c.vnkod);
  const started = performance.now();
  for (let done = 0; done < CASES; done += 1000) {
    const cases = generateCases({ seed: 11 + done, count: Math.min(1000, CASES - done), courts, from: '2022-10-01', to: '2025-12-31' });
    for (const c of cases) c.caseId += done;
    for (const page of syntheticPages(cases, directory, 'directory').filter((p) => p.kind === 'case_card')) {
      await ingestPage(
        db,
        directory,
        { bytes: page.bytes, url: page.url, retrievedAt: null, httpStatus: 200, httpHeaders: null, source: 'synthetic', sourceRef: 'bench', synthetic: true },
        'benchmark-person-key-000000000',
      );
    }
  }
  const tsv = path.join(WORK, 'SYNTHETIC_estat_migr_asyappctzm_en.tsv');
  await generateStatsTsv(tsv, OBSERVATIONS);
  await importStatistics(db, tsv, { synthetic: true, release: 'SYNTHETIC benchmark file', vintage: '2026-01-01' });
  await db.close();
  rmSync(tsv);
  console.log(`  filled: ${CASES} SYNTHETIC cases, ${OBSERVATIONS} SYNTHETIC observations in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  (await import('node:fs')).writeFileSync(path.join(WORK, 'filled'), '');
}

/** `npm start` exactly as the README says, timed to the first served page of the web app. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; seconds: number }> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, OTKAZ_DATA_DIR: dataDir, PORT: String(PORT), OTKAZ_RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  for (;;) {
    try {
      const res = await fetch(`${BASE}/`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error('the server exited');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, seconds: (performance.now() - started) / 1000 };
}

/** SIGTERM to npm and the server under it; waits until the server has closed the database (its lock is gone). */
async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.pid === undefined) throw new Error('the server process has no pid: it did not start');
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  while (existsSync(path.join(dataDir, 'db', 'otkaz.lock'))) await new Promise((r) => setTimeout(r, 50));
}

/** A first start loads the bundled statistics in the background: wait for them, so that restarts find them. */
async function statisticsLoaded(): Promise<void> {
  while (((await (await fetch(`${BASE}/healthz`)).json()) as { statistics: string }).statistics === 'loading') await new Promise((r) => setTimeout(r, 200));
}

/** Evenly paced requests from a second process (bench/paced-load.ts): latency from the moment each was due. */
async function paced(url: string): Promise<{ p50: number; p99: number; rps: number; errors: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/paced-load.ts', `${BASE}${url}`, String(RATE), String(SECONDS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((r) => child.once('exit', r));
  return JSON.parse(out) as { p50: number; p99: number; rps: number; errors: number };
}

/** autocannon's `overallRate`: each connection spends a per-second budget back to back — bursts of RATE requests. */
async function bursts(url: string): Promise<{ p50: number; p99: number; rps: number; errors: number }> {
  const result = await autocannon({ url: `${BASE}${url}`, connections: 32, overallRate: RATE, duration: SECONDS });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
}

async function lcp(): Promise<number> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const values: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const page = await browser.newPage();
      await page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
      values.push(
        Number(
          await page.evaluate(
            `new Promise((resolve) => new PerformanceObserver((list) => { const entries = list.getEntries(); resolve(entries[entries.length - 1].startTime); }).observe({ type: 'largest-contentful-paint', buffered: true }))`,
          ),
        ),
      );
      await page.close();
    }
    return present(values.sort((a, b) => a - b)[2], 'the median of five LCP values');
  } finally {
    await browser.close();
  }
}

function initialJs(): number {
  const dist = path.resolve('web/dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('build the web app first (npm run build:web)');
  const preloads = [...html.matchAll(/href="\/assets\/([^"]+\.js)"/g)].map((m) => present(m[1], 'the preloaded file name'));
  return [entry, ...preloads].reduce((n, f) => n + gzipSync(readFileSync(path.join(dist, 'assets', f))).length, 0);
}

console.log(`web benchmark — ${CASES} SYNTHETIC cases, ${OBSERVATIONS} SYNTHETIC observations, ${RATE} req/s for ${SECONDS} s per endpoint; ${machine()}`);
await fill();
const cold = path.join(WORK, 'cold');
rmSync(cold, { recursive: true, force: true });
// As after a fresh clone and `npm ci`: no built web app, no server bundle, no data folder.
rmSync('web/dist', { recursive: true, force: true });
rmSync('dist/server', { recursive: true, force: true });
const first = await startServer(cold);
await statisticsLoaded();
await stop(first.child, cold);
const warm = await startServer(cold);
await stop(warm.child, cold);
const warm2 = await startServer(cold);
await stop(warm2.child, cold);
console.log(
  `  npm start to the first served page: fresh clone ${first.seconds.toFixed(1)} s (builds the web app and the server bundle, creates the database; the bundled statistics then load in the background), warm restart ${warm.seconds.toFixed(1)} s and ${warm2.seconds.toFixed(1)} s`,
);
const { child } = await startServer(DATA);
try {
  const endpoints: Array<[string, string]> = [
    ['baseline /healthz', '/healthz'],
    ['overview counts', '/api/v1/stats/prosecutions?by=month,article'],
    ['prosecutions list', '/api/v1/cases?pageSize=50&sort=-receipt_date'],
    ['series', '/api/v1/stats/series?measure=first_time&dest=DEU,FRA,EU27&from=2019'],
  ];
  const ms = (v: number) => v.toFixed(1).padStart(6);
  console.log('  first answer after start (computed, then cached until the data change):');
  for (const [name, url] of endpoints) {
    const started = performance.now();
    await fetch(`${BASE}${url}`).then((r) => r.arrayBuffer());
    console.log(`    ${name.padEnd(18)} ${ms(performance.now() - started)} ms`);
  }
  console.log(`  ${RATE} req/s evenly paced from a second process, ${SECONDS} s after a ${SECONDS} s warm-up | same rate as autocannon bursts:`);
  for (const [name, url] of endpoints) {
    await paced(url); // warm-up
    const r = await paced(url);
    const b = await bursts(url);
    console.log(
      `    ${name.padEnd(18)} p50 ${ms(r.p50)} ms  p99 ${ms(r.p99)} ms  ${r.rps.toFixed(0)} req/s  errors ${r.errors} | p50 ${ms(b.p50)} ms  p99 ${ms(b.p99)} ms  errors ${b.errors}`,
    );
  }
  console.log(`  overview LCP (median of 5, headless Chromium): ${(await lcp()).toFixed(0)} ms`);
  console.log(
    `  initial JavaScript: ${(initialJs() / 1024).toFixed(0)} KB gzipped (${readdirSync('web/dist/assets').filter((f) => f.endsWith('.js')).length} chunks in all)`,
  );
} finally {
  await stop(child, DATA);
}
