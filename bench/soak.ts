// Soak: the server as `npm start` runs it (scripts/start.mjs, the bundle, the embedded database) in a temporary data
// folder with the bundled real statistics (loaded on its first start), the real court pages of test/fixtures and
// SYNTHETIC cases, answering evenly paced requests from a second process (bench/paced-load.ts) over the read
// endpoints for a while (default 10 minutes). The requests are drawn from several hundred different URLs — more than
// the response cache keeps (500) — with a Zipf distribution (seeded): popular answers come from the cache, the long
// tail is computed again and again and pushes older answers out, as with real readers. Records the errors (any answer
// but 200) and the server's resident memory (VmRSS of /proc/PID/status) after a warm-up, every few seconds, and at the
// end, and compares latency with /healthz measured the same way in the same run (the server's floor).
// Loopback only; every request loop is bounded (rate × seconds). The rate limiter is off (one client sends it all).
// Run: npm run bench:soak -- [--seconds 600] [--rate 200] [--warmup 60] [--baseline 20] [--synthetic 500] [--port 8198]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { present } from '../src/shared/present.ts';
import { machine, type PacedResult } from './harness.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number, not ${process.argv[i + 1]}`);
  return value;
}

const SECONDS = option('seconds', 600);
const RATE = option('rate', 200);
const WARMUP = option('warmup', Math.min(60, Math.max(10, Math.round(SECONDS / 10))));
const BASELINE = option('baseline', Math.min(20, Math.max(5, Math.round(SECONDS / 30))));
const SYNTHETIC = option('synthetic', 500);
const PORT = option('port', 8198);
if (SECONDS <= 0 || RATE <= 0 || RATE > 2000 || SECONDS > 86_400) throw new Error('need 0 < --rate ≤ 2000 and 0 < --seconds ≤ 86400');
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const WORK = mkdtempSync(path.join(os.tmpdir(), 'otkaz-soak-'));
const DATA = path.join(WORK, 'data');
const env = { ...process.env, OTKAZ_DATA_DIR: DATA, PORT: String(PORT), HOST: '127.0.0.1', OTKAZ_RATE_LIMIT: '0', DATABASE_URL: '' };

let server: ChildProcess | null = null;
function cleanUp(): void {
  if (server && server.exitCode === null) server.kill('SIGTERM');
}
process.once('SIGINT', () => {
  cleanUp();
  process.exitCode = 130;
});

/** The otkaz CLI on the temporary data folder (the same code paths a user's `otkaz ingest` takes). */
function cli(...args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin/otkaz.mjs'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`otkaz ${args.join(' ')} failed (${run.status})`);
}

/** Resident and peak resident memory of a process, in MiB, from /proc/PID/status. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${BASE}${url}`);
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

async function startServer(): Promise<ChildProcess> {
  // Node runs scripts/start.mjs directly (not through npm): its process is the server, whose memory is measured.
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    if (Date.now() > deadline) throw new Error('the server did not answer within 5 minutes');
    try {
      const health = await get<{ statistics: string }>('/healthz');
      if (health.status === 200 && health.body.statistics === 'ready') return child;
      if (health.body.statistics === 'failed') throw new Error('the bundled statistics failed to load');
    } catch (error) {
      if ((error as Error).message.includes('statistics failed')) throw error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Paced = PacedResult;

/** Evenly paced requests from a second process: latency from the moment each was due. */
async function paced(target: string, seconds: number): Promise<Paced> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/paced-load.ts'), target, String(RATE), String(seconds)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`paced-load exited with ${code}`);
  return JSON.parse(out) as Paced;
}

/** `count` draws from `items` with a Zipf distribution (exponent 1) over a seeded shuffle of them. */
function zipfSample(items: string[], count: number): string[] {
  let seed = 0x5eed;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const order = [...items];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [present(order[j], 'the item to swap'), present(order[i], 'the item to swap')];
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 1; k <= order.length; k += 1) {
    sum += 1 / k;
    cumulative.push(sum);
  }
  const out: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (present(cumulative[mid], 'the cumulative weight') < x) lo = mid + 1;
      else hi = mid;
    }
    out.push(present(order[lo], 'the item drawn'));
  }
  return out;
}

/** The read endpoints, with their parameters varied: several hundred URLs, more than the response cache keeps (500). */
async function readUrls(): Promise<string[]> {
  const ids = (await get<{ rows: Array<{ id: number }>; total: number }>('/api/v1/cases?pageSize=200&sort=id')).body.rows.map((r) => r.id);
  const captures = new Set<number>();
  for (const id of ids.slice(0, 40)) for (const c of (await get<Array<{ id: number }>>(`/api/v1/cases/${id}/captures`)).body) captures.add(c.id);
  const urls: string[] = [
    '/api/v1/courts',
    '/api/v1/courts?type=garrison',
    '/api/v1/stats/releases',
    '/api/v1/guidance',
    '/api/v1/guidance/check',
    '/guidance',
    '/guidance?lang=ru',
    '/guidance/facts',
    '/about',
  ];
  for (const sort of ['-receipt_date', 'receipt_date', '-decision_date', 'id', 'court'])
    for (const page of [1, 2, 3]) urls.push(`/api/v1/cases?sort=${sort}&page=${page}&pageSize=50`);
  for (const article of ['337', '338', '332', '339', '352.1'])
    urls.push(`/api/v1/cases?article=${article}`, `/api/v1/cases?article=${article}&from=2023-01-01&to=2024-12-31`);
  for (const q of ['оставление', 'самовольное', 'штраф', 'приговор', 'уклонение']) urls.push(`/api/v1/cases?q=${encodeURIComponent(q)}`);
  for (const id of ids) urls.push(`/api/v1/cases/${id}`, `/api/v1/cases/${id}/${['persons', 'articles', 'events', 'captures'][id % 4]}`);
  for (const id of captures) urls.push(`/api/v1/captures/${id}`, `/api/v1/captures/${id}/redacted`);
  for (const by of ['month,article', 'year', 'court', 'district', 'outcome', 'sentence', 'year,article,part'])
    urls.push(`/api/v1/stats/prosecutions?by=${by}`, `/api/v1/stats/prosecutions?by=${by}&date=decision&from=2023-01-01`);
  for (const dest of ['DEU', 'FRA', 'EU27_2020', 'DEU,FRA,EU27_2020', 'USA', 'GEO', 'ARM', 'KAZ', 'POL', 'FIN']) {
    for (const from of ['2015', '2019', '2022']) urls.push(`/api/v1/stats/series?measure=first_time&dest=${dest}&from=${from}`);
    urls.push(`/api/v1/stats/series?dest=${dest}`, `/api/v1/stats/rates?dest=${dest}`);
  }
  for (const period of ['2021', '2022', '2023']) for (const dest of ['DEU', 'FRA', 'USA']) urls.push(`/api/v1/stats/compare?dest=${dest}&period=${period}`);
  urls.push('/api/v1/stats/series?indicator=encounters&dest=USA&period=fiscal_year', '/api/v1/stats/series?indicator=encounters&dest=USA&period=month');
  for (const status of ['deserter', 'mobilised', 'conscript'])
    for (const documents of ['internal_passport', 'international_passport', 'internal_passport,international_passport', 'none'])
      urls.push(`/api/v1/guidance/route?status=${status}&documents=${documents}`);
  return urls;
}

console.log(`soak — ${RATE} req/s for ${SECONDS} s over the read endpoints after a ${WARMUP} s warm-up; /healthz baseline ${BASELINE} s; ${machine()}`);
try {
  const started = performance.now();
  cli('ingest', path.join(ROOT, 'test/fixtures/courts'));
  if (SYNTHETIC > 0) {
    const warc = path.join(WORK, 'synthetic.warc');
    cli('demo', 'generate', '--out', warc, '--count', String(SYNTHETIC));
    cli('ingest', warc);
    rmSync(warc);
  }
  console.log(
    `  data folder ${DATA}: the real pages of test/fixtures/courts and ${SYNTHETIC} SYNTHETIC cases ingested in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  server = await startServer();
  const pid = server.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  const idle = memory(pid);
  const all = await readUrls();
  // Every URL of the rotation answers 200 before the soak: a failure later is the server's, not the list's.
  const usable: string[] = [];
  const refused: string[] = [];
  const cost: Array<[string, number]> = [];
  for (const url of all) {
    const t = performance.now();
    const ok = (await get(url)).status === 200;
    cost.push([url, performance.now() - t]);
    (ok ? usable : refused).push(url);
  }
  if (refused.length) console.log(`  left out (not 200 before the soak): ${refused.join(' ')}`);
  const list = path.join(WORK, 'urls.txt');
  writeFileSync(
    list,
    zipfSample(usable, Math.min(Math.round(RATE * SECONDS), 100_000))
      .map((u) => `${BASE}${u}`)
      .join('\n'),
  );
  const costs = cost.map(([, t]) => t).sort((a, b) => a - b);
  console.log(`  server pid ${pid}, statistics loaded, ${usable.length} read URLs (Zipf, seeded); RSS idle ${idle.rss.toFixed(0)} MiB`);
  console.log(
    `  first (uncached) answer, one at a time: median ${(costs[Math.floor(costs.length / 2)] ?? Number.NaN).toFixed(1)} ms, total ${(costs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s; slowest: ${cost
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([u, t]) => `${u} ${t.toFixed(0)} ms`)
      .join(', ')}`,
  );

  const warm = await paced(`@${list}`, WARMUP);
  const before = memory(pid);
  const baseline = await paced(`${BASE}/healthz`, BASELINE);
  const soakStarted = performance.now();
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(memory(pid).rss), 5000);
  const soak = await paced(`@${list}`, SECONDS).finally(() => clearInterval(sampler));
  const soakSeconds = (performance.now() - soakStarted) / 1000;
  const after = memory(pid);
  // RSS moves with every garbage collection: besides the two points, the medians of the first and last tenth of the samples.
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
  const early = median(samples.slice(0, tenth));
  const late = median(samples.slice(-tenth));
  const alive = (await get<{ ok: boolean }>('/healthz')).body.ok;
  const growth = ((after.rss - before.rss) / before.rss) * 100;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(`  warm-up: ${warm.requests} requests, ${warm.errors} errors, p99 ${ms(warm.p99)}`);
  console.log(`  baseline /healthz: p50 ${ms(baseline.p50)}  p99 ${ms(baseline.p99)}  ${baseline.rps.toFixed(0)} req/s  errors ${baseline.errors}`);
  console.log(
    `  soak (${soakSeconds.toFixed(0)} s): p50 ${ms(soak.p50)}  p99 ${ms(soak.p99)}  max ${ms(soak.max)}  ${soak.rps.toFixed(0)} req/s  requests ${soak.requests}  statuses ${JSON.stringify(soak.statuses)}`,
  );
  console.log(`  latency over the /healthz baseline: p50 ×${(soak.p50 / baseline.p50).toFixed(1)}, p99 ×${(soak.p99 / baseline.p99).toFixed(1)}`);
  console.log(`  errors: ${soak.errors} of ${soak.requests} (target 0)`);
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)} %`;
  console.log(
    `  RSS: idle ${idle.rss.toFixed(0)} MiB → start of the soak (after the warm-up) ${before.rss.toFixed(0)} MiB → end ${after.rss.toFixed(0)} MiB (peak ${after.hwm.toFixed(0)} MiB): growth ${pct(growth)} (target ≤ 10 %)`,
  );
  if (samples.length >= 2)
    console.log(
      `  RSS every 5 s (${samples.length} samples, ${samples.length > 0 ? Math.min(...samples).toFixed(0) : '-'}–${samples.length > 0 ? Math.max(...samples).toFixed(0) : '-'} MiB): median of the first tenth ${early.toFixed(0)} MiB, of the last tenth ${late.toFixed(0)} MiB: ${pct(((late - early) / early) * 100)}`,
    );
  console.log(`  server ${alive ? 'still answering' : 'NOT answering'} at the end`);
  process.exitCode = soak.errors === 0 && growth <= 10 && alive ? 0 : 1;
} finally {
  const running = server;
  if (running && running.exitCode === null) {
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGTERM');
    await exited;
  }
  if (existsSync(WORK)) rmSync(WORK, { recursive: true, force: true });
}
