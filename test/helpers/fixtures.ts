import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, 'courts', name));
}
