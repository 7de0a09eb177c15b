// The README's command-line examples work as written: each one (but those that need a file of the reader's own, the
// network, or run until stopped) runs against a new data folder and ends with status 0, or — where the empty
// database has nothing to show, e.g. `cases show 12` — with a coded error; never a stack trace. The folder is as
// after a first start (migrated, the bundled statistics loaded: their first load is test/cli/stats-cli's).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/shared/paths.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';

/** The README's `./otkaz …` lines, without their comments; the words split as a POSIX shell would (quotes only). */
function examples(): string[][] {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').split('\n'));
  return lines
    .filter((line) => line.startsWith('./otkaz '))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .map((line) => [...line.slice('./otkaz '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? ''));
}

/** Examples that cannot run here as written, and why. */
function reasonToSkip(args: string[]): string | null {
  const line = args.join(' ');
  if (/\[|\||…|page\.html|pages\/|file\.tsv|Фамилия|FILE-ID|MEMBER-ID/.test(line)) return "a placeholder for the reader's own file or choice";
  if (args[0] === 'demo' && args.length === 1) return 'runs a server until stopped';
  if (['simulate-courts', 'worker'].includes(args[0] ?? '') || (args[0] === 'crawl' && args.includes('--base-url'))) return 'runs against a server until done';
  if (args[0] === 'stats' && args[1] === 'fetch') return 'needs the network';
  if (args[0] === 'stats' && args[1] === 'import-release')
    return 'needs a release file made by `stats release` from shared case files (test/casework/statistics-release)';
  if (args[0] === 'courts' && args[1] === 'build') return 'rewrites the shipped directory (tested in test/cli with --out)';
  return null;
}

describe('README examples', () => {
  const dataDir = useTempDataDir('otkaz-readme-', 'statistics');
  const all = examples();

  it('there are examples, and most of them run here', () => {
    assert.ok(all.length >= 20, `${all.length} examples found`);
    assert.ok(all.filter((args) => !reasonToSkip(args)).length >= 15);
  });

  it('each runnable example ends with status 0 or a coded error, never a stack trace', async () => {
    for (const args of all) {
      if (reasonToSkip(args)) continue;
      // Files the examples write go to the data folder, not into the clone.
      const run = args.map((a, i) => (args[i - 1] === '--out' ? path.join(dataDir, a) : a));
      const { code, err } = await cli(...run);
      const line = `./otkaz ${args.join(' ')}`;
      assert.ok(!/unexpected error|\n\s+at /.test(err), `${line}: ${err}`);
      if (code !== 0) assert.match(err, /error \[[a-z_]+\.[a-z_]+\]/, `${line} exited ${code}: ${err}`);
      if (!(args[0] === 'cases' && args[1] === 'show')) assert.equal(code, 0, `${line}: ${err}`);
    }
  });
});
