// The layers of src (docs/architecture.md): no module imports from a higher layer, and no import cycle exists
// between modules (type imports included). In particular the server does not load the CLI: nothing src/api or
// src/server imports (directly or through other modules, static or dynamic imports) lies under src/cli — the CLI's
// closed-pipe handler, which ends the process, must never be installed in a serving process.
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
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    present(m[1], 'the import specifier'),
  );
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

  it("the test fixtures' cheap password parameters are set by no module of src (only test/helpers/passwords.ts)", () => {
    const definedIn = path.join(SRC, 'accounts', 'passwords.ts');
    assert.match(readFileSync(definedIn, 'utf8'), /export function usePasswordParamsForTests\(/);
    const callers = tsFiles(SRC).filter((file) => file !== definedIn && readFileSync(file, 'utf8').includes('usePasswordParamsForTests'));
    assert.deepEqual(
      callers.map((f) => path.relative(PROJECT_ROOT, f)),
      [],
    );
  });

  it("the test fixtures' cheap archive work factor is set by no module of src (only test/helpers/archives.ts)", () => {
    const definedIn = path.join(SRC, 'casework', 'archive.ts');
    assert.match(readFileSync(definedIn, 'utf8'), /export function useScryptWorkFactorForTests\(/);
    const callers = tsFiles(SRC).filter((file) => file !== definedIn && readFileSync(file, 'utf8').includes('useScryptWorkFactorForTests'));
    assert.deepEqual(
      callers.map((f) => path.relative(PROJECT_ROOT, f)),
      [],
    );
  });
});

/**
 * The layers, lowest first: a module may import from its own layer and the ones below. The unit of a file is its
 * first folder under src (src/courts/<x> and src/asylum/<x> count as their own units).
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['shared', 'privacy', 'config', 'crypto'],
  ['db'],
  ['courts/parse', 'courts/layouts', 'courts/marker', 'asylum/codes', 'asylum/model', 'procedures', 'disclosure'],
  [
    'courts/directory',
    'courts/archive',
    'courts/cases',
    'courts/ingest',
    'courts/ingest-files',
    'courts/counts',
    'courts/watch',
    'courts/synthetic',
    'asylum',
    'guidance',
    'crawler',
    'net',
    'casework',
    'audit',
    'accounts',
  ],
  ['deadlines'],
  ['agenda'],
  ['ops', 'policies'],
  ['operations'],
  ['api', 'cli'],
  ['server'],
];

function unitOf(file: string): string {
  const parts = path.relative(SRC, file).replace(/\.ts$/, '').split(path.sep);
  if ((parts[0] === 'courts' || parts[0] === 'asylum') && parts.length > 1) {
    const sub = `${parts[0]}/${parts[1]}`;
    if (LAYERS.some((layer) => layer.includes(sub))) return sub;
  }
  return parts[0] ?? '';
}

function layerOf(unit: string): number {
  return LAYERS.findIndex((layer) => layer.includes(unit));
}

describe('layers and cycles', () => {
  const files = tsFiles(SRC);

  it('every unit of src has a layer', () => {
    for (const file of files)
      assert.notEqual(layerOf(unitOf(file)), -1, `${path.relative(PROJECT_ROOT, file)}: unit ${unitOf(file)} is in no layer (test/shared/layering.test.ts)`);
  });

  it('no import runs from a lower layer to a higher one', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = unitOf(file);
      for (const target of imports(file).filter((t) => t.endsWith('.ts'))) {
        const to = unitOf(target);
        // The CLI may start the server (otkaz serve): the one upward step, checked not to pull src/cli into src/server above.
        if (from === 'cli' && to === 'server') continue;
        if (layerOf(to) > layerOf(from)) wrong.push(`${path.relative(PROJECT_ROOT, file)} (${from}) → ${path.relative(PROJECT_ROOT, target)} (${to})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('no import cycle between modules', () => {
    const graph = new Map(files.map((f) => [f, imports(f).filter((t) => t.endsWith('.ts'))]));
    // Tarjan's strongly connected components: any component of more than one module is a cycle.
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          component.push(path.relative(PROJECT_ROOT, w));
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of files) if (!index.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });
});
