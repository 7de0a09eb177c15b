// The web app over the wire: JavaScript transferred before the overview's first chart is drawn, and the time to
// that chart on localhost and under Chromium's slow-4G profile with 4× CPU slowdown — compressed (what the server
// sends a browser now) against the same build sent uncompressed (the browser asking `Accept-Encoding: identity`,
// what every browser got before the server compressed), measured in the same run on the same server. Each figure
// is the median of five loads from an empty cache. SYNTHETIC cases only.
// Run: npm run bench:web-transfer
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../src/config/config.ts';
import { loadDirectory } from '../src/courts/directory/load.ts';
import { garrisonCourts } from '../src/courts/directory/select.ts';
import { syncCourts } from '../src/courts/directory/sync.ts';
import { ingestPage } from '../src/courts/ingest.ts';
import { generateCases } from '../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../src/courts/synthetic/pages.ts';
import { openDatabase } from '../src/db/open.ts';
import { startServer } from '../src/server/server.ts';
import { machine } from './harness.ts';

const LOADS = 5;
// Chromium DevTools' "Slow 4G" preset: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up; 4× CPU slowdown.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

interface Load {
  bytes: number;
  files: number;
  ms: number;
}

async function load(browser: Browser, url: string, compressed: boolean, slow: boolean): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    if (slow) {
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const scripts = new Map<string, boolean>();
    let bytes = 0;
    let files = 0;
    let drawn = false;
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.set(e.requestId, true);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (!drawn && scripts.has(e.requestId)) {
        bytes += e.encodedDataLength;
        files += 1;
      }
    });
    const started = performance.now();
    await page.goto(url);
    await page.locator('.chart canvas').first().waitFor({ timeout: 120_000 });
    drawn = true;
    return { bytes, files, ms: performance.now() - started };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function measure(browser: Browser, url: string, compressed: boolean, slow: boolean): Promise<Load> {
  const loads: Load[] = [];
  for (let i = 0; i < LOADS; i += 1) loads.push(await load(browser, url, compressed, slow));
  return { bytes: median(loads.map((l) => l.bytes)), files: median(loads.map((l) => l.files)), ms: median(loads.map((l) => l.ms)) };
}

if (!existsSync(path.resolve('web', 'dist', 'index.html'))) throw new Error('build the web app first: node scripts/build-web.mjs');
console.log(`web transfer benchmark — the overview's first chart, median of ${LOADS} loads from an empty cache; ${machine()}`);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-bench-transfer-'));
const directory = loadDirectory();
const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
await syncCourts(db, directory);
const cases = generateCases({ seed: 18, count: 300, courts: garrisonCourts(directory).map((c) => c.vnkod), from: '2022-10-01', to: '2025-12-31' });
for (const page of syntheticPages(cases, directory, 'directory').filter((p) => p.kind === 'case_card'))
  await ingestPage(
    db,
    directory,
    { bytes: page.bytes, url: page.url, retrievedAt: null, httpStatus: 200, httpHeaders: null, source: 'synthetic', sourceRef: 'bench', synthetic: true },
    'benchmark-person-key-000000000',
  );
await db.close();
const server = await startServer(loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn' }));
await server.ready; // the bundled statistics loaded: not measured alongside
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const address = server.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  for (const slow of [false, true]) {
    const plain = await measure(browser, url, false, slow);
    const packed = await measure(browser, url, true, slow);
    const profile = slow ? 'slow 4G + 4× CPU' : 'localhost';
    console.log(
      `  ${profile.padEnd(17)} JavaScript before the first chart: uncompressed ${kb(plain.bytes)} (${plain.files} files) → compressed ${kb(packed.bytes)} (${(plain.bytes / packed.bytes).toFixed(2)}× less); chart drawn at ${s(plain.ms)} → ${s(packed.ms)} (${(plain.ms / packed.ms).toFixed(2)}× sooner)`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
