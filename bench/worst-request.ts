// The worst single request the public (no token) can send, with the limits in force: each candidate in a fresh
// server process (embedded database in memory, the bundled statistics loaded, planner statistics refreshed), sent
// once after a warm-up request of another shape; wall time of the request and the server's peak RSS growth during
// it (sampled every 10 ms from /proc; RSS before = after warm-up). Prints one line per candidate.
// Run: node --import tsx bench/worst-request.ts
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { LIMITS } from '../src/shared/limits.ts';
import { present } from '../src/shared/present.ts';
import { machine } from './harness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const EU =
  'AUT,BEL,BGR,HRV,CYP,CZE,DNK,EST,FIN,FRA,DEU,GRC,HUN,IRL,ITA,LVA,LTU,LUX,MLT,NLD,POL,PRT,ROU,SVK,SVN,ESP,SWE,EU27,NOR,CHE,ISL,LIE,GBR,USA,CAN,TUR,GEO,ARM,KAZ,SRB';

interface Candidate {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
}

function candidates(): Candidate[] {
  const claims = (parseYaml(readFileSync(path.join(here, '../assets/claims/russian-asylum-claims.yaml'), 'utf8')) as { claims: Array<Record<string, unknown>> })
    .claims;
  // The heaviest claims: EU27 (members summed as well), encounters (fiscal and calendar year, two readings), changes.
  const heavy = claims.map((c) => ({ ...c, quantity: { ...(c.quantity as object), destination: 'EU27' } }));
  const maxClaims = Array.from({ length: LIMITS.claimsPerCheck }, (_, i) => ({ ...present(heavy[i % heavy.length], 'a heavy claim'), id: `worst-${i}` }));
  return [
    {
      name: `claim check, ${LIMITS.claimsPerCheck} claims (the limit), each for the EU27`,
      method: 'POST',
      url: '/api/v1/claims/check',
      body: { claims: maxClaims },
    },
    {
      name: `series, ${LIMITS.destinations} destinations (the limit), every year, every source, growth`,
      method: 'GET',
      url: `/api/v1/stats/series?dest=${EU}&growth=true`,
    },
    { name: `series as CSV, ${LIMITS.destinations} destinations, every year`, method: 'GET', url: `/api/v1/stats/series?dest=${EU}&format=csv` },
    {
      name: `series, ${LIMITS.destinations} destinations, encounters by month`,
      method: 'GET',
      url: `/api/v1/stats/series?indicator=encounters&dest=${EU}&period=month`,
    },
    { name: `rates, ${LIMITS.destinations} destinations`, method: 'GET', url: `/api/v1/stats/rates?dest=${EU}` },
    {
      name: 'case list, 200 rows (the page limit), full text',
      method: 'GET',
      url: '/api/v1/cases?pageSize=200&q=%D1%81%D0%B0%D0%BC%D0%BE%D0%B2%D0%BE%D0%BB%D1%8C%D0%BD%D0%BE%D0%B5',
    },
    {
      name: 'prosecution counts by every dimension',
      method: 'GET',
      url: '/api/v1/stats/prosecutions?by=year,month,article,part,court,district,outcome,sentence&growth=true',
    },
  ];
}

async function serve(): Promise<void> {
  const { buildApp } = await import('../src/api/app.ts');
  const { loadConfig } = await import('../src/config/config.ts');
  const { loadDirectory } = await import('../src/courts/directory/load.ts');
  const { openDatabase } = await import('../src/db/open.ts');
  const { loadKnowledgeBase } = await import('../src/guidance/load.ts');
  const { ensureSnapshot } = await import('../src/asylum/snapshot.ts');
  const { refreshPlannerStatistics } = await import('../src/db/maintenance.ts');
  const { syncCourts } = await import('../src/courts/directory/sync.ts');
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  const directory = loadDirectory();
  await syncCourts(db, directory);
  await ensureSnapshot(db);
  await refreshPlannerStatistics(db);
  const app = await buildApp({
    config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-bench-unused', OTKAZ_RATE_LIMIT: '0' }),
    db,
    directory,
    kb: loadKnowledgeBase(),
  });
  const candidate = JSON.parse(present(process.argv[3], 'the candidate argument of --serve')) as Candidate;
  await app.inject({ method: 'GET', url: '/api/v1/stats/series?dest=DEU' }); // warm-up
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 10);
  const started = performance.now();
  const res = await app.inject({ method: candidate.method, url: candidate.url, ...(candidate.body ? { payload: candidate.body as object } : {}) });
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, rss());
  process.stdout.write(`${JSON.stringify({ status: res.statusCode, ms, bytes: res.rawPayload.length, rssBefore: before, rssPeak: peak })}\n`);
  await app.close();
  await db.close();
}

async function main(): Promise<void> {
  console.log(`worst single public request — PGlite, bundled statistics; ${machine()}`);
  for (const c of candidates()) {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'worst-request.ts'), '--serve', JSON.stringify(c)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await once(child, 'exit');
    const r = JSON.parse(present(out.trim().split('\n').pop(), `the last line of ${c.name}`)) as {
      status: number;
      ms: number;
      bytes: number;
      rssBefore: number;
      rssPeak: number;
    };
    console.log(
      `  ${c.name}: ${r.status}, ${r.ms.toFixed(0)} ms, answer ${(r.bytes / 1024).toFixed(0)} KiB, RSS ${r.rssBefore.toFixed(0)} → peak ${r.rssPeak.toFixed(0)} MB (+${(r.rssPeak - r.rssBefore).toFixed(0)} MB)`,
    );
  }
}

if (process.argv[2] === '--serve') await serve();
else await main();
