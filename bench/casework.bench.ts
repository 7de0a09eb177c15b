// Case files under load (issue #13, "Performance"): 10,000 SYNTHETIC clients in 20 SYNTHETIC organisations, with
// invented, numbered names; three operations through the real HTTP server (Fastify listening on loopback), each by
// signed-in members (password, TOTP enrolled and confirmed: one caseworker per organisation, each request as one of
// them in turn) — "open a client file" (GET /api/v1/clients/:id), "list clients" (GET /api/v1/clients, the first
// page of 50) and "add a note" (POST /api/v1/clients/:id/notes) — at 100 requests/s, evenly paced from a second
// process (bench/paced-load.ts: open loop, latency from the moment a request was due). The baseline, in the same run
// and process, on a second database seeded the same way: the same operations with encryption AND audit off — a
// keyring whose cipher stores plaintext (PLAINTEXT, bench/plaintext-cipher.ts) and audit options with `record: false`,
// both given to buildApp in code (AppContext.casework); no setting of the application can turn either off.
// Variants and operations take turns (rounds), so machine noise hits both alike; latencies of all rounds are merged
// for p50/p99. Target: p99 with encryption and audit ≤ 1.5 × the baseline's, for each operation.
// Before the paced runs, each operation is also timed one request at a time (the service time: what a request costs
// when nothing waits), which says how close 100 requests/s comes to the server's capacity on the machine of the day.
// Storage: PGlite in memory, or PostgreSQL when DATABASE_URL is set (two databases are created on that server,
// otkaz_casework_bench_on and _off, and dropped at the end: the URL needs the right to create databases).
// Seeding goes through the library (insertClient, addNote; batches of 250 in a transaction) and takes minutes on
// PGlite (≈ 13 statements a client), so the two seeded PGlite databases are kept as tarballs in
// $TMPDIR/otkaz-bench-casework-<uid>/, named by a hash of the migrations, this file and the sealing code: a later
// run starts fresh copies of them in seconds (delete the folder to seed again). PostgreSQL is seeded every run.
// Short turns, many rounds (default 3 s × 10): a burst of other work on a shared machine lasts seconds to minutes, so
// short turns spread it over both variants instead of landing on one; the median of the rounds' own p99 ratios is
// printed beside the merged one, as a figure one burst cannot move.
// Run: npm run bench:casework -- [seconds per operation and round, default 3] [rounds, default 10]
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { hashPassword } from '../src/accounts/passwords.ts';
import { buildApp } from '../src/api/app.ts';
import { insertClient } from '../src/casework/clients.ts';
import { Keyring } from '../src/casework/keyring.ts';
import { addNote } from '../src/casework/notes.ts';
import { ClientRecordSchema, MILITARY_STATUSES } from '../src/casework/record.ts';
import { keyringFor } from '../src/casework/services.ts';
import { loadConfig } from '../src/config/config.ts';
import { loadDirectory } from '../src/courts/directory/load.ts';
import type { Database } from '../src/db/database.ts';
import { loadMigrations, migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { dumpPglite, openPglite } from '../src/db/pglite.ts';
import { loadKnowledgeBase } from '../src/guidance/load.ts';
import { present } from '../src/shared/present.ts';
import { machine, type PacedResult } from './harness.ts';
import { PLAINTEXT } from './plaintext-cipher.ts';

const SECONDS = Number(process.argv[2] ?? 3);
const ROUNDS = Number(process.argv[3] ?? 10);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (!(SECONDS > 0 && SECONDS <= 600 && Number.isInteger(ROUNDS) && ROUNDS >= 1 && ROUNDS <= 60))
  throw new Error('usage: casework.bench.ts [seconds per operation and round, 0–600] [rounds, 1–60]');
const RATE = 100;
const CLIENTS = 10_000;
const ORGS = 20;
const NOTES_PER_CLIENT = 2;
const BATCH = 250;
const WARMUP_SECONDS = 1;
/** Requests timed one at a time per operation and variant. */
const SERVICE_REQUESTS = 40;
const TARGET = 1.5;
const PASSWORD = 'SYNTHETIC benchmark password';
/** Argon2id at a fraction of production's cost: only the set-up's sign-ins verify it. */
const CHEAP_HASH = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/** A small seeded generator (mulberry32): the same data shape in both databases, run after run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A SYNTHETIC client: invented, numbered names ("Синтетиков-00042"), invented documents and service. */
function syntheticRecord(n: number, next: () => number) {
  const number = String(n).padStart(5, '0');
  const year = 1970 + Math.floor(next() * 35);
  const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
  return ClientRecordSchema.parse({
    person: {
      names: [
        { script: 'cyrillic', family: `Синтетиков-${number}`, given: 'Тест', patronymic: 'Тестович' },
        { script: 'latin', family: `Sintetikov-${number}`, given: 'Test' },
      ],
      birthDate: `${year}-${month}-15`,
      languages: ['ru'],
      contact: { method: 'SYNTHETIC: through the caseworker' },
    },
    military: {
      status: MILITARY_STATUSES[Math.floor(next() * MILITARY_STATUSES.length)],
      service: [{ unit: 'SYNTHETIC unit', unitNumber: String(10000 + Math.floor(next() * 89999)), from: '2022-09-21' }],
    },
    documents: [{ type: 'internal_passport', number: `SYN ${number}`, state: next() < 0.5 ? 'held' : 'confiscated' }],
    wanted: { status: 'unknown' },
    summary: `SYNTHETIC benchmark client ${number}. ${'An invented story of a few sentences, as a caseworker would write it. '.repeat(3)}`,
  });
}

interface Variant {
  name: 'on' | 'off';
  label: string;
  db: Database;
  app: FastifyInstance;
  base: string;
  /** Client ids per organisation, in the order they were made (the same positions in both databases). */
  clients: string[][];
  members: Array<{ cookie: string; csrf: string }>;
  drop: () => Promise<void>;
  seedSeconds: number;
}

/** Bump when seed() or syntheticRecord() change what is stored: the cached databases are then made again. */
const SEED_VERSION = 1;
const require = createRequire(import.meta.url);
const SEED_KEY = createHash('sha256')
  .update(`seed ${SEED_VERSION} ${CLIENTS} ${ORGS} ${NOTES_PER_CLIENT}\n`)
  .update(readFileSync(path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json')))
  .update(
    loadMigrations()
      .map((m) => `${m.name} ${m.checksum}`)
      .join('\n'),
  )
  .update(
    ['casework/clients.ts', 'casework/notes.ts', 'casework/record.ts', 'casework/keyring.ts', 'crypto/aead.ts', 'crypto/blind-index.ts']
      .map((f) => readFileSync(path.join(ROOT, 'src', f), 'utf8'))
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 16);

/** This user's folder of seeded databases (0700; one another user made is not trusted); none on PostgreSQL. */
function cacheFolder(): string | null {
  if (process.env.DATABASE_URL) return null;
  const dir = path.join(os.tmpdir(), `otkaz-bench-casework-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if ((process.getuid && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) throw new Error(`${dir} is not this user's own folder: remove it`);
  return dir;
}
const CACHE = cacheFolder();
const cached = (name: string) => (CACHE ? path.join(CACHE, `seed-${SEED_KEY}-${name}`) : null);

/** Writes a file of the cache whole or not at all (another run may read it meanwhile). */
function keep(file: string, bytes: Uint8Array | string): void {
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, file);
}

/** The KEK the cached databases' keys are wrapped with (SYNTHETIC data only), or a new one. */
function benchKek(): string {
  const file = cached('kek');
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const kek = randomBytes(32).toString('base64');
  if (file) keep(file, kek);
  return kek;
}

const WORK = mkdtempSync(path.join(os.tmpdir(), 'otkaz-bench-casework-run-'));
const config = loadConfig({ OTKAZ_DATA_DIR: path.join(WORK, 'data'), OTKAZ_KEK: benchKek(), OTKAZ_RATE_LIMIT: '0' });
const directory = loadDirectory();
const kb = loadKnowledgeBase();

interface Seeded {
  emails: string[];
  clients: string[][];
}

/** A fresh database: a copy of the cached seeded one (with what it holds), else an empty one. */
async function database(name: string): Promise<{ db: Database; drop: () => Promise<void>; engine: string; seeded: Seeded | null }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const file = cached(name);
    if (file && existsSync(`${file}.json`) && existsSync(`${file}.tar`)) {
      const db = await openPglite(null, { loadDataDir: new Blob([readFileSync(`${file}.tar`)]) });
      await migrate(db);
      return { db, drop: () => db.close(), engine: 'PGlite (memory)', seeded: JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Seeded };
    }
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    return { db, drop: () => db.close(), engine: 'PGlite (memory)', seeded: null };
  }
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const dbName = `otkaz_casework_bench_${name}`;
  await admin(`drop database if exists ${dbName}`);
  await admin(`create database ${dbName}`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  const db = await openDatabase({ kind: 'postgres', url: target.toString() });
  return {
    db,
    engine: 'PostgreSQL',
    seeded: null,
    drop: async () => {
      await db.close();
      await admin(`drop database if exists ${dbName}`);
    },
  };
}

/** Organisations, their data keys, one caseworker each (cheap hash), and the clients with notes, in batches. */
async function seed(db: Database, keyring: Keyring): Promise<Seeded> {
  const orgs: string[] = [];
  const emails: string[] = [];
  const passwordHash = await hashPassword(PASSWORD, CHEAP_HASH);
  await db.transaction(async (tx) => {
    for (let o = 0; o < ORGS; o += 1) {
      const id = randomUUID();
      const slug = `synthetic-bench-${String(o + 1).padStart(2, '0')}`;
      await tx.query('insert into organisations (id, slug, name, synthetic) values ($1, $2, $3, true)', [
        id,
        slug,
        `SYNTHETIC benchmark organisation ${o + 1}`,
      ]);
      await keyring.createOrgKey(tx, id);
      const email = `caseworker@${slug}.example.org`;
      await tx.query('insert into users (id, org_id, email, role, password_hash, must_change_password) values ($1, $2, $3, $4, $5, false)', [
        randomUUID(),
        id,
        email,
        'caseworker',
        passwordHash,
      ]);
      orgs.push(id);
      emails.push(email);
    }
  });
  const clients: string[][] = orgs.map(() => []);
  const next = random(13);
  for (let done = 0; done < CLIENTS; done += BATCH) {
    await db.transaction(async (tx) => {
      for (let n = done; n < Math.min(CLIENTS, done + BATCH); n += 1) {
        const o = n % ORGS;
        const orgId = present(orgs[o], 'an organisation');
        const id = await insertClient(tx, keyring, orgId, { record: syntheticRecord(n, next), createdBy: null, synthetic: true });
        for (let k = 0; k < NOTES_PER_CLIENT; k += 1)
          await addNote(tx, keyring, orgId, id, null, { kind: k === 0 ? 'meeting' : 'note', text: `SYNTHETIC note ${k + 1} of client ${n}: first meeting.` });
        present(clients[o], 'the organisation’s list').push(id);
      }
    });
  }
  return { emails, clients };
}

interface Answer {
  status: number;
  json: Record<string, unknown>;
  cookie: string | null;
}

/** One HTTP request from a given loopback address (each member signs in from its own: the sign-in rate limit is per address). */
function call(base: string, method: string, url: string, options: { body?: object; cookie?: string; csrf?: string; from: string }): Promise<Answer> {
  const body = JSON.stringify(options.body ?? {});
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.cookie) headers.cookie = `otkaz_session=${options.cookie}`;
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${url}`, { method, headers, localAddress: options.from }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const set = (res.headers['set-cookie'] ?? []).map((c) => /^otkaz_session=([^;]*)/.exec(c)?.[1]).find((v) => v !== undefined);
        resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, cookie: set ?? null });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : body);
  });
}

/** Signs a member in over HTTP as the web app does: password, TOTP enrolment and its first code. */
async function signIn(base: string, email: string, from: string): Promise<{ cookie: string; csrf: string }> {
  const expect = (answer: Answer, step: string, next?: string) => {
    if (answer.status !== 200 || (next && answer.json.next !== next))
      throw new Error(`sign-in of ${email}: ${step} answered ${answer.status} ${JSON.stringify(answer.json)}`);
  };
  const login = await call(base, 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD }, from });
  expect(login, 'login', 'enrol_totp');
  let cookie = present(login.cookie, 'the session cookie');
  let csrf = String(login.json.csrfToken);
  const enrol = await call(base, 'POST', '/api/v1/auth/totp/enrol', { cookie, csrf, from });
  expect(enrol, 'TOTP enrolment');
  const code = TOTP.generate({ secret: Secret.fromBase32(String(enrol.json.secret)) });
  const confirm = await call(base, 'POST', '/api/v1/auth/totp/confirm', { body: { code }, cookie, csrf, from });
  expect(confirm, 'TOTP confirmation', 'done');
  cookie = confirm.cookie ?? cookie;
  if (typeof confirm.json.csrfToken === 'string') csrf = confirm.json.csrfToken;
  return { cookie, csrf };
}

async function variant(name: 'on' | 'off'): Promise<Variant & { engine: string; fromCache: boolean }> {
  const { db, drop, engine, seeded } = await database(name);
  // On: exactly the application's path (the configuration's keyring, audit written). Off: both replaced in code.
  const keyring = name === 'on' ? keyringFor(config) : new Keyring(keyringFor(config).kek, PLAINTEXT);
  const started = performance.now();
  let data = seeded;
  if (!data) {
    data = await seed(db, keyring);
    const file = cached(name);
    if (file) {
      // Everything on disk before the copy (as test/helpers/templates.ts does).
      await db.exec('checkpoint');
      keep(`${file}.tar`, new Uint8Array(await (await dumpPglite(db)).arrayBuffer()));
      keep(`${file}.json`, JSON.stringify(data));
    }
  }
  const { emails, clients } = data;
  const seedSeconds = (performance.now() - started) / 1000;
  const app = await buildApp({
    config,
    db,
    directory,
    kb,
    ...(name === 'off' ? { casework: { keyring, audit: { record: false } } } : {}),
  });
  // The time the server spent on each answer (from the request's arrival at the HTTP server to the response's last
  // byte handed to the socket), kept while a paced run records: the client's latency minus the time it waited.
  app.server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    const arrived = performance.now();
    const into = serverTimes;
    response.once('finish', () => into?.push(performance.now() - arrived));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const members: Variant['members'] = [];
  for (const [i, email] of emails.entries()) members.push(await signIn(base, email, `127.0.${name === 'on' ? 1 : 2}.${10 + i}`));
  return {
    name,
    label: name === 'on' ? 'encryption + audit' : 'both off (baseline)',
    db,
    app,
    base,
    clients,
    members,
    drop,
    seedSeconds,
    engine,
    fromCache: seeded !== null,
  };
}

type Operation = 'show' | 'list' | 'note';
const OPERATIONS: Array<{ op: Operation; label: string }> = [
  { op: 'show', label: 'open a client file' },
  { op: 'list', label: 'list clients' },
  { op: 'note', label: 'add a note' },
];

/** The requests of one run, as bench/paced-load.ts reads them: member i % 20, a client of that member's organisation. */
function requests(v: Variant, op: Operation, count: number, seed: number): string[] {
  const next = random(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const o = i % ORGS;
    const member = present(v.members[o], 'a member');
    const list = present(v.clients[o], 'the clients of an organisation');
    const client = present(list[Math.floor(next() * list.length)], 'a client');
    const cookie = `otkaz_session=${member.cookie}`;
    if (op === 'show') lines.push(JSON.stringify({ url: `${v.base}/api/v1/clients/${client}`, headers: { cookie } }));
    else if (op === 'list') lines.push(JSON.stringify({ url: `${v.base}/api/v1/clients`, headers: { cookie } }));
    else
      lines.push(
        JSON.stringify({
          url: `${v.base}/api/v1/clients/${client}/notes`,
          method: 'POST',
          headers: { cookie, 'x-csrf-token': member.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'call', text: `SYNTHETIC benchmark note ${seed}-${i}: a call about the next hearing.` }),
        }),
      );
  }
  return lines;
}

/** Where the server's own times of the paced run in progress go (none between runs). */
let serverTimes: number[] | null = null;

let runs = 0;
/** One paced run from a second process; its every latency (PACED_RAW). */
async function paced(lines: string[], seconds: number): Promise<PacedResult & { latencies: number[] }> {
  runs += 1;
  const file = path.join(WORK, `requests-${runs}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/paced-load.ts', `@${file}`, String(RATE), String(seconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PACED_RAW: '1' },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`paced-load exited with ${code}`);
  const result = JSON.parse(out) as PacedResult;
  return { ...result, latencies: (result.latencies ?? []).filter((l): l is number => typeof l === 'number') };
}

/** The median time of one request when nothing else is waiting: `count` of them, one after the other, in-process. */
async function serviceTime(lines: string[]): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  for (const line of lines) {
    const r = JSON.parse(line) as { url: string; method?: string; headers: Record<string, string>; body?: string };
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(r.url, { agent, method: r.method ?? 'GET', headers: r.headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(r.body);
    });
    if (status < 200 || status >= 300) throw new Error(`${r.method ?? 'GET'} ${r.url} answered ${status}`);
    times.push(performance.now() - started);
  }
  agent.destroy();
  return quantile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadBefore = load();
const setupStarted = performance.now();
const on = await variant('on');
const off = await variant('off');
const variants = [on, off];
console.log(
  `casework benchmark — ${CLIENTS.toLocaleString('en')} SYNTHETIC clients (${NOTES_PER_CLIENT} notes each) in ${ORGS} organisations per variant, ${on.engine}; ` +
    `${RATE} requests/s, ${SECONDS} s × ${ROUNDS} rounds per operation and variant; ${machine()}`,
);
console.log(
  `  set-up ${((performance.now() - setupStarted) / 1000).toFixed(0)} s (${on.fromCache && off.fromCache ? 'seeded databases copied from the cache' : `seeding: on ${on.seedSeconds.toFixed(0)} s, off ${off.seedSeconds.toFixed(0)} s`}); load average before: ${loadBefore}`,
);

const samples = new Map<string, number[]>();
/** The server's own time of each answer, per operation and variant. */
const server = new Map<string, number[]>();
/** Each round's own p99, per operation and variant. */
const rounds = new Map<string, number[]>();
const failures = new Map<string, Record<string, number>>();
// Warm-up: one second of each operation on each variant, not counted.
for (const { op } of OPERATIONS) for (const v of variants) await paced(requests(v, op, RATE * WARMUP_SECONDS, 1), WARMUP_SECONDS);
const service = new Map<string, number>();
for (const { op } of OPERATIONS) for (const v of variants) service.set(`${op}/${v.name}`, await serviceTime(requests(v, op, SERVICE_REQUESTS, 2)));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const { op } of OPERATIONS) {
    for (const v of round % 2 === 0 ? variants : [...variants].reverse()) {
      serverTimes = [];
      const result = await paced(requests(v, op, Math.round(RATE * SECONDS), 100 + round), SECONDS);
      const key = `${op}/${v.name}`;
      server.set(key, [...(server.get(key) ?? []), ...serverTimes]);
      serverTimes = null;
      samples.set(key, [...(samples.get(key) ?? []), ...result.latencies]);
      rounds.set(key, [
        ...(rounds.get(key) ?? []),
        quantile(
          [...result.latencies].sort((a, b) => a - b),
          0.99,
        ),
      ]);
      if (result.errors > 0) failures.set(key, result.statuses);
    }
  }
}
const loadAfter = load();

let met = true;
console.log(`  ${'operation'.padEnd(20)} ${'on p50'.padStart(8)} ${'on p99'.padStart(8)} | ${'off p50'.padStart(8)} ${'off p99'.padStart(8)} | p99 on/off`);
for (const { op, label } of OPERATIONS) {
  const at = (name: string) => {
    const sorted = [...(samples.get(`${op}/${name}`) ?? [])].sort((a, b) => a - b);
    const own = [...(server.get(`${op}/${name}`) ?? [])].sort((a, b) => a - b);
    return {
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      n: sorted.length,
      service: service.get(`${op}/${name}`) ?? Number.NaN,
      serverP99: quantile(own, 0.99),
    };
  };
  const a = at('on');
  const b = at('off');
  const ratio = a.p99 / b.p99;
  if (!(ratio <= TARGET)) met = false;
  const onRounds = rounds.get(`${op}/on`) ?? [];
  const offRounds = rounds.get(`${op}/off`) ?? [];
  const perRound = onRounds.map((p, i) => p / (offRounds[i] ?? Number.NaN)).sort((x, y) => x - y);
  console.log(
    `  ${label.padEnd(20)} ${a.p50.toFixed(1).padStart(6)} ms ${a.p99.toFixed(1).padStart(6)} ms | ${b.p50.toFixed(1).padStart(6)} ms ${b.p99.toFixed(1).padStart(6)} ms | ${ratio.toFixed(2)}× (rounds' median ${quantile(perRound, 0.5).toFixed(2)}×)  (${a.n}/${b.n} answers; one at a time ${a.service.toFixed(1)}/${b.service.toFixed(1)} ms; in the server p99 ${a.serverP99.toFixed(1)}/${b.serverP99.toFixed(1)} ms)`,
  );
}
for (const [key, statuses] of failures) console.log(`  errors in ${key}: ${JSON.stringify(statuses)}`);
const audited = async (v: Variant) => (await v.db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]?.n ?? 0;
console.log(`  audit entries written: on ${await audited(on)}, off ${await audited(off)} (the baseline writes none)`);
console.log(`  target p99 ≤ ${TARGET}× the baseline for every operation: ${met && failures.size === 0 ? 'met' : 'NOT met'}; load average after: ${loadAfter}`);

for (const v of variants) {
  await v.app.close();
  await v.drop();
}
rmSync(WORK, { recursive: true, force: true });
