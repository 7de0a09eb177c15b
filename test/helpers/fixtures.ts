import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../src/shared/paths.ts';

// From the project folder, not this file's: the test runner runs the tests bundled (scripts/build-tests.mjs).
export const FIXTURES = projectPath('test', 'fixtures');

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, 'courts', name));
}
