// The server does not load the CLI: nothing src/api or src/server imports (directly or through other modules,
// static or dynamic imports) lies under src/cli — the CLI's closed-pipe handler, which ends the process, must
// never be installed in a serving process.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/shared/paths.ts';
import { present } from '../../src/shared/present.ts';

const SRC = path.join(PROJECT_ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => present(m[1], 'the import specifier'));
  return specifiers.map((s) => path.resolve(path.dirname(file), s));
}

/** Every module reachable from `entry` by relative imports, with the chain that reaches it. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = present(queue.shift(), 'the next queued module');
    for (const next of imports(file)) {
      if (seen.has(next) || !next.endsWith('.ts')) continue;
      seen.set(next, [...present(seen.get(file), 'the chain to a queued module'), next]);
      queue.push(next);
    }
  }
  return seen;
}

describe('layering', () => {
  it('no module of src/api or src/server reaches src/cli', () => {
    const entries = [...tsFiles(path.join(SRC, 'api')), ...tsFiles(path.join(SRC, 'server'))];
    assert.ok(entries.length > 10);
    for (const entry of entries) {
      for (const [file, chain] of reachable(entry)) {
        assert.ok(!file.startsWith(path.join(SRC, 'cli') + path.sep), `${chain.map((f) => path.relative(PROJECT_ROOT, f)).join(' → ')}`);
      }
    }
  });
});
