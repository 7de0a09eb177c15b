// bin/otkaz.mjs runs the CLI's esbuild bundle (scripts/build-cli.mjs): a folder per digest of the sources, so a
// changed source is a new bundle and never a stale one; builders racing for one digest all end with a whole bundle;
// old bundles go unless a running process uses them; stack traces point at src/. OTKAZ_CLI_FROM_SOURCE=1 runs tsx.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CLI_ENTRY, cliBundle, cliSources, KEEP_MS, removeOldBundles } from '../../scripts/build-cli.mjs';
import { bundleForNode } from '../../scripts/node-bundle.mjs';
import { PROJECT_ROOT } from '../../src/shared/paths.ts';
import { tempDir } from '../helpers/temp.ts';

/** A two-file program whose main answers `answer`, with the list of its sources. */
function fakeProgram(dir: string, answer: number): { entry: string; sources: string[] } {
  const entry = path.join(dir, 'main.ts');
  const part = path.join(dir, 'answer.ts');
  writeFileSync(entry, "import { answer } from './answer.ts';\nexport async function main(): Promise<number> {\n  return answer;\n}\n");
  writeFileSync(part, `export const answer: number = ${answer};\n`);
  return { entry, sources: [entry, part] };
}

async function runBundle(main: string): Promise<number> {
  const module = (await import(pathToFileURL(main).href)) as { main: () => Promise<number> };
  return module.main();
}

const entries = (dir: string) => readdirSync(dir).sort();

describe("the CLI's bundle", () => {
  it('is made of sources the digest covers: every file esbuild reads for it', async () => {
    const result = await bundleForNode({ entryPoints: { main: CLI_ENTRY }, outdir: tempDir('otkaz-cli-meta-'), write: false, metafile: true });
    const read = Object.keys(result.metafile.inputs).map((file) => path.resolve(PROJECT_ROOT, file));
    assert.ok(read.length > 100, `${read.length} inputs`);
    const covered = new Set(cliSources());
    assert.deepEqual(
      read.filter((file) => !covered.has(file)),
      [],
    );
  });

  it('a changed source is a new bundle; unchanged sources reuse the one built', async () => {
    const src = tempDir('otkaz-cli-src-');
    const outRoot = tempDir('otkaz-cli-out-');
    const first = fakeProgram(src, 1);
    const built = await cliBundle({ ...first, outRoot });
    assert.equal(await runBundle(built), 1);
    const builtAt = statSync(built).mtimeMs;
    assert.equal(await cliBundle({ ...first, outRoot }), built, 'the same digest, the same folder');
    assert.equal(statSync(built).mtimeMs, builtAt, 'not built again');

    const second = fakeProgram(src, 2);
    const rebuilt = await cliBundle({ ...second, outRoot });
    assert.notEqual(path.dirname(rebuilt), path.dirname(built));
    assert.equal(await runBundle(rebuilt), 2);
    assert.equal(entries(outRoot).length, 2, 'the old bundle is young: kept');
  });

  it('builders racing for one digest all end with the same whole bundle, and leave no temporary folder', async () => {
    const outRoot = tempDir('otkaz-cli-race-');
    const program = fakeProgram(tempDir('otkaz-cli-src-'), 7);
    // All three find no bundle and build (each awaits esbuild before renaming): two lose the rename.
    const mains = await Promise.all([1, 2, 3].map(() => cliBundle({ ...program, outRoot })));
    assert.equal(new Set(mains).size, 1);
    const [main] = mains;
    assert.ok(main !== undefined);
    assert.deepEqual(entries(outRoot), [path.basename(path.dirname(main))]);
    assert.deepEqual(
      entries(path.dirname(main)).filter((f) => !f.startsWith('.pid-')),
      ['main.js', 'main.js.map'],
    );
    assert.equal(await runBundle(main), 7);
  });

  it('old bundles are removed unless a running process uses them; so are dead builds', () => {
    const outRoot = tempDir('otkaz-cli-old-');
    const now = Date.now();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const folder = (name: string, files: string[], age: number) => {
      const dir = path.join(outRoot, name);
      mkdirSync(dir);
      for (const file of files) writeFileSync(path.join(dir, file), '');
      const at = (now - age) / 1000;
      utimesSync(dir, at, at);
    };
    const old = KEEP_MS + 60_000;
    folder('0000000000000001', ['main.js'], old); // unused
    folder('0000000000000002', ['main.js', `.pid-${dead}`], old); // used by a process that was killed
    folder('0000000000000003', ['main.js', `.pid-${process.pid}`], old); // in use
    folder('0000000000000004', ['main.js'], KEEP_MS / 2); // started or ended being used a while ago
    folder('0000000000000005', ['main.js'], old); // the current one
    folder('.build-0000000000000006-1-aa', ['main.js'], old); // a build that died
    folder('.build-0000000000000007-2-bb', [], 1_000); // a build under way
    folder('notes', [], old); // not a bundle
    removeOldBundles(outRoot, '0000000000000005', now);
    assert.deepEqual(entries(outRoot), ['.build-0000000000000007-2-bb', '0000000000000003', '0000000000000004', '0000000000000005', 'notes']);
  });
});

describe('bin/otkaz.mjs', () => {
  // A preload that makes stdout refuse to be written: `--help` then fails with an unexpected error, which prints its stack.
  const preload = (code: string) =>
    `data:text/javascript,${encodeURIComponent(`process.stdout.write = () => { throw new Error('stdout refuses'); };\n${code}`)}`;
  const bin = (code: string, env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', preload(code), 'bin/otkaz.mjs', '--help'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
  const pointsAtSource = (stderr: string) => {
    assert.match(stderr, /^otkaz: unexpected error: Error: stdout refuses\n/);
    assert.match(stderr, /at main \(.*src\/cli\/main\.ts:\d+:\d+\)/);
    assert.doesNotMatch(stderr, /dist\/cli/);
  };

  it('runs the bundle, with stack traces pointing at src/, marking it as in use until it exits', () => {
    // Registered before the bin's own exit handler, so it looks before the mark is removed.
    const look =
      "import { existsSync, readdirSync } from 'node:fs';\n" +
      "process.on('exit', () => process.stderr.write('marked: ' + readdirSync('dist/cli').filter((d) => existsSync('dist/cli/' + d + '/.pid-' + process.pid)).join(',') + '\\n'));";
    const run = bin(look, {});
    assert.equal(run.status, 1, run.stderr);
    pointsAtSource(run.stderr);
    assert.match(run.stderr, /\nmarked: [0-9a-f]{16}\n$/);
    const cli = path.join(PROJECT_ROOT, 'dist', 'cli');
    assert.deepEqual(
      readdirSync(cli).filter((name) => existsSync(path.join(cli, name, `.pid-${run.pid}`))),
      [],
      'removed at the exit',
    );
  });

  it('runs the sources through tsx with OTKAZ_CLI_FROM_SOURCE=1', () => {
    const run = bin('', { OTKAZ_CLI_FROM_SOURCE: '1' });
    assert.equal(run.status, 1, run.stderr);
    pointsAtSource(run.stderr);
  });
});
