// What one case-file request costs in CPU, with encryption and audit on and with both off (issue #13): the seeded
// databases of bench/casework.bench.ts (its cached PGlite tarballs: run `npm run bench:casework` once first), each
// served by buildApp in this process and asked through app.inject — no socket, no second process — one request at a
// time. For each operation, rounds of REQUESTS requests per variant, the variants' order swapped every round; the
// process's CPU time (user + system, process.cpuUsage) over each run, divided by its requests. CPU time, not wall
// time, so other work on a shared machine moves the figures less (it still costs cache and frequency). Prints the
// median of the rounds per operation and variant, and what "on" adds. Run it under --cpu-prof to see where it goes:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/casework-cpu.ts [requests per run, 200] [rounds, 9] [only: show|list|note]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { buildApp } from '../src/api/app.ts';
import { Keyring } from '../src/casework/keyring.ts';
import { keyringFor } from '../src/casework/services.ts';
import { loadConfig } from '../src/config/config.ts';
import { loadDirectory } from '../src/courts/directory/load.ts';
import type { Database, Queryable } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { loadKnowledgeBase } from '../src/guidance/load.ts';
import { present } from '../src/shared/present.ts';
import { PLAINTEXT } from './plaintext-cipher.ts';

const REQUESTS = Number(process.argv[2] ?? 200);
/** CASEWORK_STATEMENTS=1: also the time spent in each SQL statement (wall time around its await), per request. */
const STATEMENTS = process.env.CASEWORK_STATEMENTS === '1';
/**
 * CASEWORK_ON=crypto: "on" is encryption alone (the sealed database, audit off); =audit: audit alone (the plaintext
 * database, audit on). Default: both, as bench/casework.bench.ts measures.
 */
const ON = process.env.CASEWORK_ON ?? 'both';
if (!['both', 'crypto', 'audit'].includes(ON)) throw new Error('CASEWORK_ON is both, crypto or audit');
const ROUNDS = Number(process.argv[3] ?? 9);
const ONLY = process.argv[4];
const PASSWORD = 'SYNTHETIC benchmark password';

const CACHE = path.join(os.tmpdir(), `otkaz-bench-casework-${process.getuid?.() ?? 'user'}`);
/** The newest cached pair of seeded databases (their key is a hash of the code that sealed them: the data is the same). */
const stem = (() => {
  const tars = readdirSync(CACHE)
    .filter((f) => /^seed-[0-9a-f]{16}-on\.tar$/.test(f))
    .map((f) => path.join(CACHE, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const newest = tars[0];
  if (!newest) throw new Error(`no seeded databases in ${CACHE}: run npm run bench:casework once`);
  return newest.replace(/-on\.tar$/, '');
})();
const config = loadConfig({
  OTKAZ_DATA_DIR: path.join(os.tmpdir(), 'otkaz-bench-casework-cpu'),
  OTKAZ_KEK: readFileSync(`${stem}-kek`, 'utf8').trim(),
  OTKAZ_RATE_LIMIT: '0',
});
const directory = loadDirectory();
const kb = loadKnowledgeBase();

interface Variant {
  name: 'on' | 'off';
  app: FastifyInstance;
  close: () => Promise<void>;
  clients: string[][];
  members: Array<{ cookie: string; csrf: string }>;
}

/** Time per statement (its first words), per variant, while `timing` is set. */
const statementTimes = new Map<string, Map<string, { n: number; ms: number }>>();
let timing: string | null = null;
function timed<Q extends Queryable>(q: Q): Q {
  const query: Queryable['query'] = async (sql, params) => {
    const started = performance.now();
    try {
      return await q.query(sql, params);
    } finally {
      record(sql.replace(/\s+/g, ' ').trim().slice(0, 70), performance.now() - started);
    }
  };
  return Object.assign(Object.create(q) as Q, { query });
}

async function variant(name: 'on' | 'off'): Promise<Variant> {
  const sealed = name === 'on' && ON !== 'audit';
  const audited = name === 'on' && ON !== 'crypto';
  const opened = await openPglite(null, { loadDataDir: new Blob([readFileSync(`${stem}-${sealed ? 'on' : 'off'}.tar`)]) });
  await migrate(opened);
  const db: Database = STATEMENTS
    ? Object.assign(timed(opened), {
        transaction: <T>(fn: (tx: Queryable) => Promise<T>) => {
          const started = performance.now();
          let ended = started;
          return opened
            .transaction((tx) => {
              const inner = performance.now();
              return fn(timed(tx)).finally(() => {
                if (timing) record('(begin)', inner - started);
                ended = performance.now();
              });
            })
            .finally(() => {
              if (timing) record('(commit)', performance.now() - ended);
              if (timing) record('(transaction, all of it)', performance.now() - started);
            });
        },
      })
    : opened;
  const seeded = JSON.parse(readFileSync(`${stem}-${sealed ? 'on' : 'off'}.json`, 'utf8')) as { emails: string[]; clients: string[][] };
  const keyring = sealed ? keyringFor(config) : new Keyring(keyringFor(config).kek, PLAINTEXT);
  const app = await buildApp({ config, db, directory, kb, casework: { keyring, ...(audited ? {} : { audit: { record: false } }) } });
  const members: Variant['members'] = [];
  for (const [i, email] of seeded.emails.entries()) {
    const remoteAddress = `127.0.${name === 'on' ? 1 : 2}.${10 + i}`;
    const ask = async (url: string, body: object, cookie?: string, csrf?: string) => {
      const r = await app.inject({
        method: 'POST',
        url,
        payload: body,
        remoteAddress,
        headers: { ...(cookie ? { cookie: `otkaz_session=${cookie}` } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      const set = r.cookies.find((c) => c.name === 'otkaz_session')?.value;
      return { json: r.json() as Record<string, unknown>, cookie: set };
    };
    const login = await ask('/api/v1/auth/login', { email, password: PASSWORD });
    let cookie = present(login.cookie, 'the session cookie');
    let csrf = String(login.json.csrfToken);
    const enrol = await ask('/api/v1/auth/totp/enrol', {}, cookie, csrf);
    const code = TOTP.generate({ secret: Secret.fromBase32(String(enrol.json.secret)) });
    const confirm = await ask('/api/v1/auth/totp/confirm', { code }, cookie, csrf);
    cookie = confirm.cookie ?? cookie;
    if (typeof confirm.json.csrfToken === 'string') csrf = confirm.json.csrfToken;
    members.push({ cookie, csrf });
  }
  return { name, app, close: () => db.close(), clients: seeded.clients, members };
}

function record(key: string, ms: number): void {
  if (!timing) return;
  const byKey = statementTimes.get(timing) ?? new Map<string, { n: number; ms: number }>();
  statementTimes.set(timing, byKey);
  const t = byKey.get(key) ?? { n: 0, ms: 0 };
  t.n += 1;
  t.ms += ms;
  byKey.set(key, t);
}

type Operation = 'show' | 'list' | 'note';

/** One run: REQUESTS requests of `op`, one after the other; CPU and wall time per request, µs. */
async function run(v: Variant, op: Operation, seed: number): Promise<{ cpu: number; wall: number }> {
  const requests: InjectOptions[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const o = i % v.members.length;
    const member = present(v.members[o], 'a member');
    const list = present(v.clients[o], 'the clients of an organisation');
    const client = present(list[(seed * 7919 + i * 104729) % list.length], 'a client');
    const headers = { cookie: `otkaz_session=${member.cookie}` };
    if (op === 'show') requests.push({ method: 'GET', url: `/api/v1/clients/${client}`, headers });
    else if (op === 'list') requests.push({ method: 'GET', url: '/api/v1/clients', headers });
    else
      requests.push({
        method: 'POST',
        url: `/api/v1/clients/${client}/notes`,
        headers: { ...headers, 'x-csrf-token': member.csrf },
        payload: { kind: 'call', text: `SYNTHETIC benchmark note ${seed}-${i}: a call about the next hearing.` },
      });
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  timing = seed > 1 ? `${op}/${v.name}` : null;
  for (const r of requests) {
    const answer = await v.app.inject(r);
    if (answer.statusCode !== 200) throw new Error(`${r.method} ${r.url}: ${answer.statusCode} ${answer.body}`);
  }
  timing = null;
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / REQUESTS, wall: (wall * 1000) / REQUESTS };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] ?? Number.NaN) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

const on = await variant('on');
const off = await variant('off');
const ops: Operation[] = ONLY ? [ONLY as Operation] : ['show', 'list', 'note'];
console.log(
  `casework CPU per request — ${path.basename(stem)}; on: ${ON}; ${REQUESTS} requests × ${ROUNDS} rounds per operation and variant; load ${os.loadavg()[0]?.toFixed(2)}`,
);
for (const op of ops) {
  for (const v of [on, off]) await run(v, op, 1); // warm-up
  const cpu = { on: [] as number[], off: [] as number[] };
  const wall = { on: [] as number[], off: [] as number[] };
  const diff: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const got: Record<string, { cpu: number; wall: number }> = {};
    for (const v of round % 2 === 0 ? [on, off] : [off, on]) got[v.name] = await run(v, op, 2 + round);
    const a = present(got.on, 'on');
    const b = present(got.off, 'off');
    cpu.on.push(a.cpu);
    cpu.off.push(b.cpu);
    wall.on.push(a.wall);
    wall.off.push(b.wall);
    diff.push(a.cpu - b.cpu);
  }
  console.log(
    `  ${op.padEnd(5)} CPU on ${median(cpu.on).toFixed(0).padStart(5)} µs  off ${median(cpu.off).toFixed(0).padStart(5)} µs  on − off ${median(diff).toFixed(0).padStart(5)} µs (${(median(cpu.on) / median(cpu.off)).toFixed(2)}×)   wall on ${median(wall.on).toFixed(0)} / off ${median(wall.off).toFixed(0)} µs`,
  );
}
if (STATEMENTS)
  for (const [key, byKey] of statementTimes) {
    const requests = ROUNDS * REQUESTS;
    console.log(`  ${key}: per request`);
    for (const [sql, t] of [...byKey].sort((a, b) => b[1].ms - a[1].ms))
      console.log(`    ${((t.ms * 1000) / requests).toFixed(0).padStart(6)} µs ${(t.n / requests).toFixed(2).padStart(5)}×  ${sql}`);
  }
for (const v of [on, off]) {
  await v.app.close();
  await v.close();
}
