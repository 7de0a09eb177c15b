/** The knowledge-base files (assets/guidance/*.yaml) and the hash of their content, which names a version. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../shared/paths.ts';

export const GUIDANCE_DIR = projectPath('assets', 'guidance');

export function knowledgeBaseFiles(dir = GUIDANCE_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function knowledgeBaseHash(dir = GUIDANCE_DIR): string {
  const hash = createHash('sha256');
  for (const name of knowledgeBaseFiles(dir)) hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest('hex');
}
