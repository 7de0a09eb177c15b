/**
 * The validated knowledge base kept as JSON next to the data, named by the content hash of the YAML files: a
 * start reads it instead of parsing and validating the YAML again (≈ 0.4 s of a warm restart). Any change to a
 * file changes the hash, so a stale cache is never used; a missing or unreadable cache is rebuilt.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GUIDANCE_DIR, knowledgeBaseHash } from './files.ts';
import type { LoadedKnowledgeBase } from './load.ts';
import type { Fact, KnowledgeBase } from './schema.ts';

interface CacheFile {
  hash: string;
  kb: KnowledgeBase;
}

export async function loadKnowledgeBaseCached(cacheDir: string, dir = GUIDANCE_DIR): Promise<{ kb: LoadedKnowledgeBase; hash: string }> {
  const hash = knowledgeBaseHash(dir);
  const file = path.join(cacheDir, 'guidance.json');
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cached.hash === hash) return { kb: { ...cached.kb, factById: new Map<string, Fact>(cached.kb.facts.map((f) => [f.id, f])) }, hash };
  } catch {
    /* no cache yet, or unreadable: rebuilt below */
  }
  const { loadKnowledgeBase } = await import('./load.ts');
  const kb = loadKnowledgeBase(dir);
  const { factById: _factById, ...plain } = kb;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ hash, kb: plain } satisfies CacheFile));
    renameSync(`${file}.tmp`, file);
  } catch {
    /* a read-only data folder: serve without the cache */
  }
  return { kb, hash };
}
