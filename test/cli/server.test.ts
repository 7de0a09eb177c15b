import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { present } from '../../src/shared/present.ts';
import { tempDir } from '../helpers/temp.ts';
import { templateDataFolder } from '../helpers/templates.ts';

const dataDir = tempDir('otkaz-serve-');
after(() => rmSync(dataDir, { recursive: true, force: true }));

describe('server behind npm start', () => {
  let server: RunningServer;
  let base: string;
  let duringLoad: unknown;
  let afterLoad: unknown;
  before(async () => {
    // A first start, but on a migrated database from the template (initdb and the migrations are not what is tested
    // here; test/cli/data-dir.test.ts starts on a fresh folder): the bundled statistics are not loaded yet.
    await templateDataFolder(dataDir);
    server = await startServer(loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0' }));
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // The bundled statistics load in the background on a first start: the server answers meanwhile.
    duringLoad = await (await fetch(`${base}/healthz`)).json();
    await server.ready;
    afterLoad = await (await fetch(`${base}/healthz`)).json();
  });

  it('answers while the bundled statistics load in the background, and says so', () => {
    assert.deepEqual(duringLoad, { ok: true, engine: 'pglite', statistics: 'loading' });
    assert.deepEqual(afterLoad, { ok: true, engine: 'pglite', statistics: 'ready' });
  });
  after(() => server.stop());

  it('serves the page, the directory and counts', async () => {
    const page = await fetch(`${base}/about`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /111 military courts \(100 garrison, 9 okrug\/fleet/);
    const courts = (await (await fetch(`${base}/api/v1/courts`)).json()) as { counts: { total: number } };
    assert.equal(courts.counts.total, 111);
    const stats = (await (await fetch(`${base}/api/v1/stats/prosecutions?by=year`)).json()) as { rows: unknown[]; totals: { cases: number } };
    assert.deepEqual(stats.totals.cases, 0);
  });

  it('serves the bundled statistics with provenance', async () => {
    const page = await (await fetch(`${base}/about`)).text();
    assert.match(page, /Asylum statistics: 10 releases/);
    const series = (await (await fetch(`${base}/api/v1/stats/series?indicator=encounters&dest=USA&period=fiscal_year&from=FY2022&to=FY2022`)).json()) as {
      rows: Array<{ source: string; value: number; releases: Array<{ sha256: string }> }>;
    };
    assert.deepEqual(
      series.rows.map((r) => [r.source, r.value]),
      [['cbp', 36271]],
    );
    assert.equal(series.rows[0]?.releases[0]?.sha256, 'ec734beafafc9aa34dafe61d3f1e506c9ea9155a73e4f1db8f611e929b6aee3a');
    const bad = await fetch(`${base}/api/v1/stats/series?period=fiscal_year&from=2022-Q1`);
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { detail: string }).detail, /not a fiscal year/);
  });

  it('serves the guidance pages in English and Russian; the language choice is remembered', async () => {
    const en = await fetch(`${base}/guidance`);
    assert.equal(en.status, 200);
    const enHtml = await en.text();
    assert.match(enHtml, /<html lang="en">/);
    assert.match(enHtml, /This is not legal advice/);
    assert.match(enHtml, /<td>337\.5<\/td><td>AWOL over 1 month during mobilisation or war<\/td><td>5 to 10 years<\/td>/);
    const ru = await fetch(`${base}/guidance?lang=ru`);
    assert.match(ru.headers.get('set-cookie') ?? '', /lang=ru/);
    const ruHtml = await ru.text();
    assert.match(ruHtml, /<html lang="ru">/);
    assert.match(ruHtml, /Справочник для отказников/);
    const remembered = await (await fetch(`${base}/guidance/facts`, { headers: { cookie: 'lang=ru' } })).text();
    assert.match(remembered, /<li id="law-365fz"><strong>law-365fz<\/strong> \(2022-09-24\): Федеральный закон № 365-ФЗ/);
  });

  it('route checker page and API; a destination page shows its asylum statistics', async () => {
    const html = await (await fetch(`${base}/guidance/route?status=deserter&documents=internal_passport&case=1&lang=en`)).text();
    assert.match(html, /Kazakhstan \(KAZ\) — Reachable: yes; Risk: <span class="high">HIGH<\/span>/);
    assert.match(html, /href="\/guidance\/facts\?lang=en#kz-handover-2026"/);
    const api = (await (await fetch(`${base}/api/v1/guidance/route?status=civilian&documents=internal_passport`)).json()) as {
      destinations: Array<{ country: string; reachable: string }>;
    };
    assert.equal(api.destinations.find((d) => d.country === 'ARM')?.reachable, 'conditional');
    const bad = await fetch(`${base}/api/v1/guidance/route?status=general`);
    assert.equal(bad.status, 400);
    const germany = await (await fetch(`${base}/guidance/destination/DEU?lang=en`)).text();
    assert.match(germany, /<td>eurostat<\/td><td>2022<\/td><td>2850<\/td>/);
    assert.match(germany, /OVG Berlin-Brandenburg, 2024-08-22: refused/);
    const unknown = await fetch(`${base}/guidance/destination/ZZZ`);
    assert.equal(unknown.status, 404);
    assert.match(((await unknown.json()) as { detail: string }).detail, /no destination with that country code/, 'the route exists: not "no route"');
    const check = (await (await fetch(`${base}/api/v1/guidance/check`)).json()) as { ok: boolean; unsourced: string[] };
    assert.deepEqual([check.ok, check.unsourced], [true, []]);
  });

  it('rejects bad queries as problem+json and unknown routes with 404', async () => {
    const bad = await fetch(`${base}/api/v1/stats/prosecutions?by=colour`);
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await fetch(`${base}/nope`)).status, 404);
    assert.equal((await fetch(`${base}/api/v1/courts`, { method: 'POST' })).status, 405);
  });
});

describe('npm start (scripts/start.mjs: the server bundle, run by plain Node)', () => {
  it('bundles the server, serves the app on a warm data folder, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, OTKAZ_DATA_DIR: dataDir, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "serving at" line in 60 s: ${output}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /otkaz is serving at (http:\/\/\S+\/)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(present(match[1], 'the URL in the "serving at" line'));
          }
        });
        child.on('exit', () => reject(new Error(`the server exited: ${output}`)));
      });
      assert.ok(existsSync('dist/server/main.js'), 'the bundle was built');
      const shell = await fetch(url);
      assert.equal(shell.status, 200);
      assert.match(await shell.text(), /<div id="root">/);
      const courts = (await (await fetch(`${url}api/v1/courts`)).json()) as { counts: { total: number } };
      assert.equal(courts.counts.total, 111);
      const guidance = await (await fetch(`${url}guidance`)).text();
      assert.match(guidance, /This is not legal advice/);
      assert.ok(existsSync(path.join(dataDir, 'cache', 'guidance.json')), 'the validated knowledge base is cached by content hash');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
    assert.match(output, /SIGTERM, stopping/);
    assert.ok(!existsSync(path.join(dataDir, 'db', 'otkaz.lock')), 'the embedded database was closed (lock released)');
  });
});

/** Runs `command` with the data folder given; resolves with the URL once it serves. */
function startProcess(command: string, args: string[], data: string) {
  const child = spawn(command, args, { env: { ...process.env, OTKAZ_DATA_DIR: data, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "serving at" line in 120 s: ${output}`)), 120_000);
    child.stdout.on('data', () => {
      const match = /otkaz is serving at (http:\/\/\S+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(present(match[1], 'the URL in the "serving at" line'));
      }
    });
    child.on('exit', () => reject(new Error(`exited before serving: ${output}`)));
  });
  return { child, exited, url, output: () => output };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server process: closed output, and stopping through npm', () => {
  const data = tempDir('otkaz-process-');
  const lockFile = path.join(data, 'db', 'otkaz.lock');
  const serverPid = () => Number(readFileSync(lockFile, 'utf8').trim());
  // Migrated from the template; the first start still loads the bundled statistics (and prints when done).
  before(() => templateDataFolder(data));

  it('keeps serving when its stdout closes, then stops cleanly on SIGTERM and releases the lock', async () => {
    // A first start: the bundled statistics load in the background and print a line when done, into a closed pipe.
    const run = startProcess(process.execPath, ['scripts/start.mjs'], data);
    try {
      const url = await run.url;
      run.child.stdout.destroy();
      let health: { ok?: boolean; statistics?: string } = {};
      await until(
        'the bundled statistics loaded',
        async () => {
          health = (await (await fetch(`${url}healthz`)).json()) as typeof health;
          return health.statistics !== 'loading';
        },
        120_000,
      );
      assert.deepEqual(health, { ok: true, engine: 'pglite', statistics: 'ready' });
      await new Promise((resolve) => setTimeout(resolve, 1500)); // past the planner-statistics step, which prints too
      assert.equal((await fetch(`${url}healthz`)).status, 200, 'still serving after writing into a closed stdout');
    } finally {
      run.child.kill('SIGTERM');
    }
    assert.equal(await run.exited, 0, run.output());
    assert.ok(!existsSync(lockFile), 'the embedded database was closed (lock released)');
  });

  it('SIGTERM to npm (`npm start`, as a service manager stops it) stops the server and releases the lock', async () => {
    const run = startProcess('npm', ['start', '--silent'], data);
    let pid = 0;
    try {
      const url = await run.url;
      pid = serverPid();
      assert.notEqual(pid, run.child.pid, 'npm runs the server as its child');
      run.child.kill('SIGTERM');
      await run.exited;
      await until('the server exited', () => !alive(pid), 20_000);
      assert.ok(!existsSync(lockFile), 'lock released');
      await assert.rejects(fetch(`${url}healthz`), 'nothing listens any more');
    } finally {
      if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('a server started by npm stops by itself when npm is killed outright (SIGKILL)', async () => {
    const run = startProcess('npm', ['start', '--silent'], data);
    let pid = 0;
    try {
      await run.url;
      pid = serverPid();
      run.child.kill('SIGKILL');
      await run.exited;
      await until('the server noticed that npm is gone and exited', () => !alive(pid), 20_000);
      assert.ok(!existsSync(lockFile), 'lock released: it stopped cleanly, not killed');
    } finally {
      if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
