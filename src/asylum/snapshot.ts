/**
 * The bundled snapshot of real statistics (`assets/asylum/`): compressed copies of the published files with a
 * manifest of their provenance. Loaded on first start (and whenever a bundled file is not yet in the database);
 * each file goes through the same importer as any other, so it is a release like any other.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { projectPath } from '../shared/paths.ts';
import { present } from '../shared/present.ts';
import type { ImportResult } from './import/load.ts';

export const SNAPSHOT_DIR = projectPath('assets', 'asylum');

const manifestSchema = z.object({
  note: z.string(),
  files: z.array(
    z.object({
      file: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().positive(),
      release: z.string(),
      vintage: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      licence: z.string(),
      url: z.string().url(),
      provenance: z.object({ repository: z.string(), path: z.string(), commit: z.string(), shared_path: z.string(), changes: z.string() }),
    }),
  ),
});
export type SnapshotManifest = z.infer<typeof manifestSchema>;

export function loadManifest(dir = SNAPSHOT_DIR): SnapshotManifest {
  const file = path.join(dir, 'manifest.json');
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = present(parsed.error.issues[0], 'the first validation issue');
    throw new OtkazError(ErrorCode.InputInvalid, `bundled manifest: ${issue.message} at ${issue.path.join('.')}`, { where: file });
  }
  return parsed.data;
}

/** Imports every bundled file not yet in the database; returns what it did. With a signal, stops between files. */
export async function ensureSnapshot(db: Database, dir = SNAPSHOT_DIR, signal?: AbortSignal): Promise<ImportResult[]> {
  const manifest = loadManifest(dir);
  const present = new Set((await db.query<{ sha256: string }>('select sha256 from stat_releases where not loading')).map((r) => r.sha256));
  const done: ImportResult[] = [];
  const missing = manifest.files.filter((entry) => !present.has(entry.sha256));
  if (!missing.length) return done;
  // The importers (and their CSV parser) are loaded only when there is something to import.
  const [{ hashFile }, { importStatistics }] = await Promise.all([import('./import/input.ts'), import('./import/load.ts')]);
  for (const entry of missing) {
    if (signal?.aborted) break;
    const { sha256 } = await hashFile(path.join(dir, entry.file));
    if (sha256 !== entry.sha256)
      throw new OtkazError(ErrorCode.ArchiveMismatch, `bundled file's content hash ${sha256} differs from the manifest's ${entry.sha256}`, {
        where: entry.file,
      });
    const result = await importStatistics(db, path.join(dir, entry.file), {
      ...(entry.vintage ? { vintage: entry.vintage } : {}),
      release: entry.release,
      licence: entry.licence,
      url: entry.url,
      meta: { bundled: true, provenance: entry.provenance },
    });
    done.push(result);
  }
  return done;
}
