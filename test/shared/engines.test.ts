// The declared Node engine and the locked dependencies agree: every locked package that names the Node versions it
// runs on accepts the lowest version of each range package.json declares (so `npm ci` warns of no EBADENGINE on
// a machine the README says is enough), and the Node running the tests is inside the declared range.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';
import { PROJECT_ROOT } from '../../src/shared/paths.ts';

const read = (file: string) => JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Record<string, unknown>;

describe('Node engine', () => {
  const declared = (read('package.json').engines as { node: string }).node;
  const lowest = declared
    .split('||')
    .map((part) => semver.minVersion(part.trim())?.version)
    .filter((v): v is string => v !== undefined);

  it('declares a range, with a lowest version per part, that this Node is inside', () => {
    assert.ok(semver.validRange(declared), declared);
    assert.ok(lowest.length >= 1, declared);
    assert.ok(semver.satisfies(process.versions.node, declared), `Node ${process.versions.node} is outside ${declared}`);
  });

  it('every locked package accepts the lowest declared versions', () => {
    const packages = read('package-lock.json').packages as Record<string, { engines?: { node?: string } | string[] }>;
    const refused: string[] = [];
    let checked = 0;
    for (const [where, info] of Object.entries(packages)) {
      const node = !Array.isArray(info.engines) ? info.engines?.node : undefined;
      if (!where || !node) continue;
      checked += 1;
      for (const version of lowest)
        if (!semver.satisfies(version, node)) refused.push(`${where.replace(/^.*node_modules\//, '')} wants ${node}, not ${version}`);
    }
    assert.ok(checked > 50, `packages with an engine field: ${checked}`);
    assert.deepEqual(refused, []);
  });
});
