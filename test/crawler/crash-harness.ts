// Crash safety: crawl the simulator with the real CLI in a child process, kill -9 it at moments drawn from a
// seeded generator, restart it each time, and compare the final database with an uninterrupted crawl's. Shared by
// the CI test (a few kills) and scripts/crash-test.ts (20 or more). The moments are points in the crawl, not in
// time: the child is killed once the simulator has answered a seeded share of the requests still to come, so every
// run is interrupted mid-crawl however fast the machine (a wall-clock kill let a quick crawl finish first). The seed
// is printed; given again (OTKAZ_CRASH_SEED, or the script's second argument) it draws the same kill points.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { prng } from '../../src/courts/synthetic/generate.ts';
import { planCrawl } from '../../src/crawler/jobs.ts';
import { CourtSimulator, NO_TRAPS } from '../../src/crawler/simulator/server.ts';
import { World } from '../../src/crawler/simulator/world.ts';
import { DEFAULT_CRAWLER, runWorker } from '../../src/crawler/worker.ts';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createFromTemplate } from '../helpers/templates.ts';

const ALL_COURTS = [
  { vnkod: '61GV0001', host: 'gvs--ros.sudrf.ru', layout: 'classic' as const },
  { vnkod: '63GV0001', host: 'gvs--sam.sudrf.ru', layout: 'new' as const },
  { vnkod: '77GV0001', host: 'moskovskygvs--msk.sudrf.ru', layout: 'classic' as const },
  { vnkod: '27GV0005', host: 'belgvs--amr.sudrf.ru', layout: 'new' as const },
];
const FROM = '2024-01-01';

/** How big a crawl to interrupt: the CI test uses a small one, the long script one that outlasts 20 kills. */
export interface CrashSize {
  courts: number;
  casesPerCourt: number;
  to: string;
}
export const SMALL: CrashSize = { courts: 2, casesPerCourt: 50, to: '2024-04-30' };
export const LARGE: CrashSize = { courts: 4, casesPerCourt: 700, to: '2024-12-31' };
const KEY = 'crash-test-person-key-0000000';

export async function snapshot(db: Database) {
  const cases = await db.query<{ court_vnkod: string; case_key: string; record_hash: string }>(
    'select court_vnkod, case_key, record_hash from cases order by 1, 2',
  );
  const history = await db.query<{ case_key: string; kinds: string }>(
    `select c.case_key, string_agg(h.kind, ',' order by h.id) as kinds from case_history h join cases c on c.id = h.case_id group by c.case_key order by 1`,
  );
  const jobs = await db.query<{ n: number }>("select count(*)::int as n from crawl_jobs where state <> 'done'");
  return { cases, history, unfinishedJobs: jobs[0]?.n ?? -1 };
}

/** A new migrated database (copied from the template). */
async function freshDatabase(adminUrl: string): Promise<string> {
  return (await createFromTemplate(adminUrl, 'otkaz_crash')).url;
}

/** The seed for the kill times: OTKAZ_CRASH_SEED when given (to repeat a run), otherwise a new one. */
export function crashSeed(value: string | undefined = process.env.OTKAZ_CRASH_SEED): number {
  if (value === undefined || value === '') return randomInt(1, 2 ** 31);
  const seed = Number(value);
  if (!/^\d+$/.test(value) || seed > 0xffffffff) throw new Error(`the crash-test seed must be a whole number from 0 to 4294967295, not "${value}"`);
  return seed;
}

/** The kill points of the runs, from the seed: each the share (0.1 to 0.9) of a kill's part of the requests left. */
export function killPoints(seed: number, count: number): number[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => 0.1 + Math.floor(rand() * 800) / 1000);
}

/**
 * After how many answered requests run `killsLeft` from the end is killed: its share of what is left, split evenly
 * among the kills to come and the final run. `left` counts from the clean crawl's total, less every request answered
 * since — repeats included, so it never overstates what the child still has to ask for.
 */
export function requestsBeforeKill(point: number, left: number, killsLeft: number): number {
  return Math.max(1, Math.floor((point * left) / (killsLeft + 1)));
}

/** Runs the CLI; kills it (SIGKILL) once the simulator has answered `killAfter` more requests. */
function runCli(url: string, base: string, size: CrashSize, killAfter: { requests: number; answered: () => number } | null): Promise<'killed' | number> {
  const courts = ALL_COURTS.slice(0, size.courts);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'bin/otkaz.mjs',
        'crawl',
        '--base-url',
        base,
        '--courts',
        courts.map((c) => c.vnkod).join(','),
        '--from',
        FROM,
        '--to',
        size.to,
        '--articles',
        '337,338,332',
        '--pacing',
        '5',
        '--concurrency',
        '2',
        '--quiet',
        '--no-robots',
      ],
      { env: { ...process.env, DATABASE_URL: url, OTKAZ_PERSON_KEY: KEY }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const from = killAfter?.answered() ?? 0;
    const timer =
      killAfter === null
        ? null
        : setInterval(() => {
            if (killAfter.answered() - from >= killAfter.requests) child.kill('SIGKILL');
          }, 2);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearInterval(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve(0);
      else reject(new Error(`crawl exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

export async function crashTest(adminUrl: string, kills: number, size: CrashSize = SMALL, log: (line: string) => void = () => undefined, seed = crashSeed()) {
  log(`kill points from seed ${seed} (OTKAZ_CRASH_SEED=${seed} repeats them)`);
  const points = killPoints(seed, kills);
  const courts = ALL_COURTS.slice(0, size.courts);
  const world = new World({ seed: 5, casesPerCourt: size.casesPerCourt, from: FROM, to: size.to, courts });
  const simulator = new CourtSimulator(world, { ...NO_TRAPS });
  const base = await simulator.listen();
  const directory = loadDirectory();
  try {
    // The uninterrupted crawl, in-process.
    const cleanUrl = await freshDatabase(adminUrl);
    const clean = await openDatabase({ kind: 'postgres', url: cleanUrl });
    await syncCourts(clean, directory);
    await planCrawl(clean, { courts, articles: ['337', '338', '332'], from: FROM, to: size.to });
    await runWorker(clean, {
      ...DEFAULT_CRAWLER,
      baseUrl: base,
      userAgent: 'otkaz crash test',
      pacingMs: 5,
      concurrency: 2,
      respectRobots: false,
      personKey: KEY,
      directory,
    });
    const expected = await snapshot(clean);
    await clean.close();
    const total = simulator.log.length;
    const answered = () => simulator.log.length - total;
    // The interrupted one: the CLI, killed at the seeded points, restarted each time.
    const url = await freshDatabase(adminUrl);
    let killed = 0;
    for (let run = 0; run < kills; run += 1) {
      const requests = requestsBeforeKill(points[run] ?? 0.5, Math.max(0, total - answered()), kills - run);
      const outcome = await runCli(url, base, size, { requests, answered });
      if (outcome === 'killed') killed += 1;
      log(`run ${run + 1}: ${outcome === 'killed' ? `killed after ${requests} answered requests` : 'finished before the kill'}`);
      if (outcome !== 'killed') break;
    }
    await runCli(url, base, size, null);
    const db = await openDatabase({ kind: 'postgres', url });
    const actual = await snapshot(db);
    await db.close();
    return { expected, actual, killed, seed };
  } finally {
    await simulator.close();
  }
}
