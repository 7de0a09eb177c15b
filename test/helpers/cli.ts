import { after, before } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { tempDir } from './temp.ts';
import { type TemplateKind, templateDataFolder } from './templates.ts';

/** Runs the CLI in-process, capturing what it prints. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join(''), err: err.join('') };
}

/**
 * Points the CLI at a fresh embedded database in a temporary folder for the enclosing suite (and never at a
 * DATABASE_URL from the environment); returns the folder. The database is written from the migrated template
 * (test/helpers/templates.ts), so the first command does not run initdb and the migrations; with `statistics`, the
 * bundled statistics are in it already, as after a first start.
 */
export function useTempDataDir(prefix: string, kind: TemplateKind = 'migrated'): string {
  const dataDir = tempDir(prefix);
  const saved = { ...process.env };
  before(async () => {
    await templateDataFolder(dataDir, kind);
    process.env.OTKAZ_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
  });
  after(() => {
    process.env = saved;
  });
  return dataDir;
}
