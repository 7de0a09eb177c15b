// Readers during a large statistics upload: a server (its own process, embedded database in a data folder, the
// bundled statistics loaded) answers evenly paced reads from a second process (bench/paced-load.ts) — first
// without an upload (the baseline), then while a third party uploads a SYNTHETIC 3,000,000-row Eurostat TSV
// (bench/synthetic-stats.ts, the generator of bench:stats) through POST /api/v1/operations/stats/import. Every read
// has a distinct URL (`asOf` differs), so each one is a database query, not a response-cache hit. Reports p50/p99 of
// both phases, measured in the same run. Target: p99 during the upload ≤ 250 ms.
// Run: npm run bench:upload-load -- [observations, default 3000000] [rate, default 40]   (BENCH_ENGINE=postgres: a throwaway cluster)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { present } from '../src/shared/present.ts';
import { machine, type PacedResult } from './harness.ts';
import { generateStatsTsv } from './synthetic-stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORK = path.join(os.tmpdir(), 'otkaz-bench-upload');
const TOKEN = 'bench-operator-token-0123456789abcdef';
/** Override with BENCH_READ (a path; {n} and {date} as in paced-load.ts). */
const READ = process.env.BENCH_READ ?? '/api/v1/stats/series?measure=first_time&dest=DEU&from=2019&asOf={date}';
const WINDOW_S = 5;

type Paced = PacedResult;

/** The server process: `otkaz serve` (src/server/server.ts) on a free port, statistics loaded before "ready". */
async function serve(dataDir: string, databaseUrl: string | undefined): Promise<void> {
  const { loadConfig } = await import('../src/config/config.ts');
  const { startServer } = await import('../src/server/server.ts');
  const config = loadConfig({
    OTKAZ_DATA_DIR: dataDir,
    PORT: '0',
    OTKAZ_OPERATOR_TOKEN: TOKEN,
    OTKAZ_RATE_LIMIT: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const running = await startServer(config);
  await running.ready;
  process.stdout.write(`READY ${running.url}\n`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
}

function paced(base: string, rate: number, seconds: number): Promise<Paced> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'paced-load.ts'), `${base}${READ.slice(1)}`, String(rate), String(seconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PACED_RAW: '1' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return once(child, 'exit').then(() => JSON.parse(out) as Paced);
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const wanted = Number(process.argv[2] ?? 3_000_000);
  const rate = Number(process.argv[3] ?? 40);
  const engine = process.env.BENCH_ENGINE ?? 'pglite';
  mkdirSync(WORK, { recursive: true });
  const tsv = path.join(WORK, `SYNTHETIC_estat_migr_asyappctzm_en_${wanted}.tsv`);
  console.log(`upload under load — ${engine}; ${machine()}`);
  if (!existsSync(tsv)) console.log(`  generated ${await generateStatsTsv(tsv, wanted)} cells (SYNTHETIC) → ${tsv}`);
  const body = readFileSync(tsv);
  const dataDir = path.join(WORK, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  let databaseUrl: string | undefined;
  let stopPg: () => void = () => {};
  if (engine === 'postgres') {
    const { startTempPostgres, stopTempPostgres } = await import('../scripts/pg-temp.mjs');
    const pg = await startTempPostgres();
    databaseUrl = pg.url;
    stopPg = () => stopTempPostgres(pg.dir);
  }
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'upload-under-load.ts'), '--serve', dataDir, databaseUrl ?? ''], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(present(m[1], 'the address in the READY line'));
      });
      server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    await paced(base, rate, 3); // warm-up
    const baseline = await paced(base, rate, 20);
    console.log(
      `  baseline (no upload): ${rate} req/s for 20 s: p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms, max ${baseline.max.toFixed(0)} ms, errors ${baseline.errors}`,
    );
    // The upload, from this process (neither the server's nor the readers'); reads in windows until it ends.
    const started = performance.now();
    let uploadDone = false;
    const upload = fetch(`${base}api/v1/operations/stats/import?filename=SYNTHETIC_migr_asyappctzm.tsv&vintage=2026-01-01`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/tab-separated-values' },
      body,
    })
      .then(async (res) => ({ status: res.status, body: (await res.json()) as { observations?: number; code?: string } }))
      .finally(() => (uploadDone = true));
    const during: number[] = [];
    /** The slowest reads: when they were due (s after the upload began) and how long they took. */
    const slow: Array<{ at: number; ms: number }> = [];
    let errors = 0;
    let windows = 0;
    while (!uploadDone) {
      const windowStart = (performance.now() - started) / 1000;
      const w = await paced(base, rate, WINDOW_S);
      windows += 1;
      (w.latencies ?? []).forEach((ms, i) => {
        if (ms === null || ms === undefined) return;
        during.push(ms);
        slow.push({ at: windowStart + i / rate, ms });
      });
      slow.sort((a, b) => b.ms - a.ms).splice(5);
      errors += w.errors;
    }
    const result = await upload;
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 200) throw new Error(`upload failed: ${result.status} ${JSON.stringify(result.body)}`);
    console.log(`  upload: ${result.body.observations} observations (${(body.length / 1e6).toFixed(0)} MB TSV) in ${seconds.toFixed(1)} s`);
    console.log(
      `  during the upload: ${rate} req/s, ${during.length} reads in ${windows} windows of ${WINDOW_S} s: p50 ${quantile(during, 0.5).toFixed(1)} ms, p99 ${quantile(during, 0.99).toFixed(1)} ms, max ${Math.max(...during).toFixed(0)} ms, errors ${errors}`,
    );
    console.log(`  slowest reads (due at s after the upload began: ms): ${slow.map((x) => `${x.at.toFixed(1)}: ${x.ms.toFixed(0)}`).join(', ')}`);
    console.log(`  target p99 ≤ 250 ms during the upload: ${quantile(during, 0.99) <= 250 ? 'met' : 'NOT met'}`);
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit').catch(() => undefined);
    stopPg();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') await serve(present(process.argv[3], 'the data folder argument of --serve'), process.argv[4] || undefined);
else await main();
