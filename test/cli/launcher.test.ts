// The CLI is started with ./otkaz (this clone's bin/otkaz.mjs and node_modules), never through npx, which asks the
// public npm registry for a package of that name when run outside the clone: no document, message or source
// tells anyone to run otkaz through npx.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/shared/paths.ts';
import { tempDir } from '../helpers/temp.ts';
import { templateDataFolder } from '../helpers/templates.ts';

const LAUNCHER = path.join(PROJECT_ROOT, 'otkaz');

function files(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return ['node_modules', 'dist', '.git', 'data', 'test-artifacts'].includes(name) ? [] : files(full, keep);
    return keep(full) ? [full] : [];
  });
}

describe('starting the CLI', () => {
  it("./otkaz is executable and runs this clone's CLI from any folder, also through a symbolic link", async () => {
    accessSync(LAUNCHER, constants.X_OK);
    const elsewhere = tempDir('otkaz-launcher-');
    // A migrated database from the template (a fresh folder's first start is test/cli/data-dir's).
    await templateDataFolder(path.join(elsewhere, 'data'));
    const link = path.join(elsewhere, 'otkaz');
    symlinkSync(LAUNCHER, link);
    for (const command of [LAUNCHER, link]) {
      const run = spawnSync(command, ['courts', '--type', 'appellate', '--json'], {
        cwd: elsewhere,
        encoding: 'utf8',
        env: { ...process.env, OTKAZ_DATA_DIR: path.join(elsewhere, 'data') },
        timeout: 60_000,
      });
      assert.equal(run.status, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { courts: Array<{ host: string }> }).courts[0]?.host, 'vap.sudrf.ru');
    }
  });

  it('no document, message or source runs otkaz through npx', () => {
    const texts = [
      ...files(
        PROJECT_ROOT,
        (f) => /\.(md|ts|tsx|mjs|js|json|ya?ml|html|sh)$/.test(f) && !f.includes(`${path.sep}test${path.sep}`) && !f.endsWith('package-lock.json'),
      ),
      LAUNCHER,
    ];
    assert.ok(texts.some((f) => f.endsWith('README.md')) && texts.some((f) => f.includes(`${path.sep}src${path.sep}`)));
    const offending = texts.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bnpx(\s+-{1,2}[\w-]+)*\s+otkaz\b/.test(line) ? [`${path.relative(PROJECT_ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(offending, []);
  });
});
