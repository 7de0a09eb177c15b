// Filesystem safety: the data folder (raw pages with full names, the case store, by default the name-hash key) is
// its owner's only — created 0700 with nothing inside readable by others (PGlite's own 0666 files included),
// refused with a coded error and the fix when others can write to it; the key can live outside it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { startServer } from '../../src/server/server.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { PROJECT_ROOT } from '../../src/shared/paths.ts';
import { cli } from '../helpers/cli.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';
import { templateDataFolder } from '../helpers/templates.ts';

const PAGE = path.join(FIXTURES, 'courts', 'leninsky_ufa_criminal.html');
const NAME = 'Никитина Алина Романовна'; // the fictitious defendant of the fixture page

/** Every entry under `dir` that group or others may read, write or enter. */
function openToOthers(dir: string): string[] {
  const out: string[] = [];
  const visit = (entry: string) => {
    const st = lstatSync(entry);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) out.push(`${(st.mode & 0o777).toString(8)} ${path.relative(dir, entry)}`);
    if (st.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dir);
  return out;
}

const mode = (p: string) => statSync(p).mode & 0o777;

/** Runs the CLI in-process with these settings (and no DATABASE_URL). */
async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  delete process.env.DATABASE_URL;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}

describe("the data folder is its owner's only", () => {
  it('a fresh data folder, made by the otkaz command, is 0700 and nothing inside is open to others (the database files included)', () => {
    const dataDir = path.join(tempDir('otkaz-fresh-'), 'data');
    const env = { ...process.env, OTKAZ_DATA_DIR: dataDir, DATABASE_URL: '' };
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'otkaz.mjs'), 'ingest', PAGE, '--json'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(mode(dataDir), 0o700);
    assert.ok(readdirSync(path.join(dataDir, 'db')).length > 10, 'the embedded database is there');
    assert.ok(existsSync(path.join(dataDir, 'person.key')));
    assert.deepEqual(openToOthers(dataDir), []);
  });

  it('an existing folder left open to reading (an older install: 0755, PGlite files 0666) is closed at the start', async () => {
    // An installed database (from the template, with the bundled statistics that `stats releases` would load),
    // its files left as an older version wrote them.
    const dataDir = await templateDataFolder(path.join(tempDir('otkaz-old-'), 'data'), 'statistics');
    for (const entry of readdirSync(path.join(dataDir, 'db'), { recursive: true, withFileTypes: true }))
      if (entry.isFile()) chmodSync(path.join(entry.parentPath, entry.name), 0o666);
    writeFileSync(path.join(dataDir, 'db', 'PG_VERSION_OLD'), 'x');
    chmodSync(path.join(dataDir, 'db', 'PG_VERSION_OLD'), 0o666);
    chmodSync(path.join(dataDir, 'db'), 0o755);
    chmodSync(dataDir, 0o755);
    const result = await withEnv({ OTKAZ_DATA_DIR: dataDir }, () => cli('stats', 'releases', '--json'));
    assert.equal(result.code, 0, result.err);
    assert.equal(mode(dataDir), 0o700);
    assert.deepEqual(openToOthers(dataDir), []);
  });

  it('something inside that others could write to is closed and named in a warning (not the database files PGlite writes 0666 itself)', async () => {
    const dataDir = await templateDataFolder(path.join(tempDir('otkaz-inner-'), 'data'), 'statistics');
    chmodSync(dataDir, 0o700);
    writeFileSync(path.join(dataDir, 'db', 'PG_FILE_OF_PGLITE'), 'x');
    chmodSync(path.join(dataDir, 'db', 'PG_FILE_OF_PGLITE'), 0o666);
    writeFileSync(path.join(dataDir, 'person.key'), 'k'.repeat(64));
    chmodSync(path.join(dataDir, 'person.key'), 0o666);
    chmodSync(path.join(dataDir, 'db'), 0o777);
    mkdirSync(path.join(dataDir, 'db', 'inner'), { mode: 0o700 });
    chmodSync(path.join(dataDir, 'db', 'inner'), 0o777);
    const result = await withEnv({ OTKAZ_DATA_DIR: dataDir }, () => cli('stats', 'releases', '--json'));
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /warning: in the data folder .*other users could write to .*until now/);
    for (const entry of ['db', path.join('db', 'inner'), 'person.key']) assert.ok(result.err.includes(entry), `names ${entry}`);
    assert.doesNotMatch(result.err, /PG_FILE_OF_PGLITE/);
    assert.ok(!result.err.includes('k'.repeat(16)), 'no key material');
    assert.deepEqual(openToOthers(dataDir), []);
    const quiet = await withEnv({ OTKAZ_DATA_DIR: dataDir }, () => cli('stats', 'releases', '--json'));
    assert.doesNotMatch(quiet.err, /other users could write/, 'said once: the next start finds nothing open');
  });

  for (const bad of [0o777, 0o770, 0o1777]) {
    it(`a data folder others can write to (mode ${bad.toString(8)}) is refused with a coded error that names the fix`, async () => {
      const dataDir = tempDir('otkaz-open-');
      chmodSync(dataDir, bad);
      const result = await withEnv({ OTKAZ_DATA_DIR: dataDir }, () => cli('stats', 'releases', '--json'));
      assert.equal(result.code, 3, result.err);
      assert.match(result.err, /\[config\.data_dir_unsafe\]: the data folder can be written by other users \(mode \d+\).*chmod -R go-rwx '/);
      assert.ok(!existsSync(path.join(dataDir, 'db')), 'nothing was opened or created in it');
      await assert.rejects(
        startServer(loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0' })),
        (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.DataDirUnsafe && e.message.includes('chmod -R go-rwx'),
      );
      assert.equal(mode(dataDir), bad & 0o777, 'left as it was, for the operator to check');
    });
  }
});

describe('the name-hash key', () => {
  const outside = tempDir('otkaz-key-');
  const keyFile = path.join(outside, 'otkaz.key');
  const KEY = 'an-invented-key-for-this-test-0123456789';
  const dataDir = path.join(tempDir('otkaz-keyed-'), 'data');
  before(async () => {
    writeFileSync(keyFile, `${KEY}\n`, { mode: 0o600 });
    await templateDataFolder(dataDir);
  });

  it('OTKAZ_PERSON_KEY_FILE is honoured: the hashes use it, no key is created in the data folder, no warning', async () => {
    const env = { OTKAZ_DATA_DIR: dataDir, OTKAZ_PERSON_KEY_FILE: keyFile };
    const ingest = await withEnv(env, () => cli('ingest', PAGE, '--json'));
    assert.equal(ingest.code, 0, ingest.err);
    assert.equal(ingest.err, '');
    assert.ok(!existsSync(path.join(dataDir, 'person.key')));
    const found = await withEnv(env, () => cli('cases', 'find-person', NAME, '--json'));
    assert.equal((JSON.parse(found.out) as unknown[]).length, 1, 'found with the key from the file');
    const sameKeyDirectly = await withEnv({ OTKAZ_DATA_DIR: dataDir, OTKAZ_PERSON_KEY: KEY }, () => cli('cases', 'find-person', NAME, '--json'));
    assert.equal((JSON.parse(sameKeyDirectly.out) as unknown[]).length, 1);
    const otherKey = await withEnv({ OTKAZ_DATA_DIR: dataDir, OTKAZ_PERSON_KEY: 'another-invented-key-0000000000' }, () =>
      cli('cases', 'find-person', NAME, '--json'),
    );
    assert.deepEqual(JSON.parse(otherKey.out), [], 'another key matches nothing');
  });

  it('a key file named but missing is an error (never a silent new key); a short one too', async () => {
    const missing = await withEnv({ OTKAZ_DATA_DIR: dataDir, OTKAZ_PERSON_KEY_FILE: path.join(outside, 'not-mounted', 'otkaz.key') }, () =>
      cli('cases', 'find-person', NAME),
    );
    assert.equal(missing.code, 2);
    assert.match(missing.err, /\[config\.invalid\]: the name-hash key file does not exist.*OTKAZ_PERSON_KEY_FILE=/);
    const short = path.join(outside, 'short.key');
    writeFileSync(short, 'abc\n');
    const tooShort = await withEnv({ OTKAZ_DATA_DIR: dataDir, OTKAZ_PERSON_KEY_FILE: short }, () => cli('cases', 'find-person', NAME));
    assert.match(tooShort.err, /\[config\.invalid\]: the name-hash key file must hold at least 16 characters/);
  });

  it('a key kept inside the data folder gets a warning at start, without the key', async () => {
    const inside = await templateDataFolder(path.join(tempDir('otkaz-inside-'), 'data'));
    const first = await withEnv({ OTKAZ_DATA_DIR: inside }, () => cli('ingest', PAGE, '--json'));
    assert.equal(first.code, 0, first.err);
    const key = readFileSync(path.join(inside, 'person.key'), 'utf8').trim();
    assert.equal(mode(path.join(inside, 'person.key')), 0o600);
    const again = await withEnv({ OTKAZ_DATA_DIR: inside }, () => cli('cases', 'find-person', NAME, '--json'));
    assert.match(again.err, /warning: the name-hash key is kept inside the data folder .*OTKAZ_PERSON_KEY_FILE/);
    assert.ok(!again.err.includes(key), 'no key material in the warning');
    const saved = process.stderr.write.bind(process.stderr);
    let stderr = '';
    process.stderr.write = ((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    }) as typeof process.stderr.write;
    try {
      const server = await startServer(loadConfig({ OTKAZ_DATA_DIR: inside, PORT: '0' }));
      await server.stop();
    } finally {
      process.stderr.write = saved;
    }
    assert.match(stderr, /warning: the name-hash key is kept inside the data folder/);
    assert.ok(!stderr.includes(key));
  });
});
