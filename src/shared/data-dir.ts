/**
 * The data folder holds the raw court pages (full names), the case store and, by default, the key of the name
 * hashes: only its owner may read it. Every start checks it (`prepareDataDir`): created 0700; refused when other
 * users can write to it (they could have changed the evidence — the operator has to look, then fix it); read or
 * search rights of others, on it or on anything inside, are taken away. PGlite writes the files of a new database
 * 0666 whatever the process umask (its file system layer sets the modes itself), so the embedded database's
 * folder is tightened again after every open (src/db/pglite.ts).
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, OtkazError } from './errors.ts';

/** The umask of every otkaz process: files and folders it creates are its owner's only. */
export const PRIVATE_UMASK = 0o077;

/** Call first thing in an entry point (CLI, server): whatever is created afterwards is owner-only. */
export function restrictNewFiles(): void {
  process.umask(PRIVATE_UMASK);
}

function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0');
}

/** The fix to print for a folder others can write to. */
export function dataDirFix(dir: string): string {
  return `chmod -R go-rwx '${dir.replace(/'/g, "'\\''")}'`;
}

/**
 * Takes away every right of group and others on `dir` and everything under it (symbolic links are not followed).
 * Returns the entries (relative to `dir`) that others could write to before — except the embedded database's own
 * regular files under `db/`, which PGlite writes 0666 itself (folders there count, and so does `db` itself).
 */
export function tightenTree(dir: string): string[] {
  const writable: string[] = [];
  const visit = (entry: string) => {
    const st = lstatSync(entry);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) {
      chmodSync(entry, st.mode & 0o700);
      const relative = path.relative(dir, entry);
      if (st.mode & 0o022 && relative !== '' && !(st.isFile() && relative.startsWith(`db${path.sep}`))) writable.push(relative);
    }
    if (st.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dir);
  return writable;
}

/**
 * Creates the data folder (0700) or checks it; refuses one that other users can write to; tightens the rest, and
 * returns a warning (no contents, only paths) when something inside could be written by others until now.
 */
export function prepareDataDir(dataDir: string): string[] {
  const where = dataDir;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (cause) {
    throw new OtkazError(ErrorCode.DataDirUnsafe, `cannot create the data folder: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, {
      where,
      cause,
    });
  }
  const st = statSync(dataDir);
  if (!st.isDirectory()) throw new OtkazError(ErrorCode.DataDirUnsafe, 'the data folder is not a folder', { where });
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new OtkazError(
      ErrorCode.DataDirUnsafe,
      `the data folder belongs to another user (uid ${st.uid}, this process runs as ${uid}): run otkaz as its owner, or use a folder of your own (OTKAZ_DATA_DIR)`,
      { where },
    );
  }
  if (st.mode & 0o022) {
    throw new OtkazError(
      ErrorCode.DataDirUnsafe,
      `the data folder can be written by other users (mode ${octal(st.mode)}): they could have changed the evidence or read the names in it. Check it, then allow only its owner: ${dataDirFix(realpathSync(dataDir))}`,
      { where },
    );
  }
  let writable: string[];
  try {
    writable = tightenTree(dataDir);
  } catch (cause) {
    throw new OtkazError(
      ErrorCode.DataDirUnsafe,
      `cannot restrict the data folder to its owner: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}; fix it with: ${dataDirFix(dataDir)}`,
      { where, cause },
    );
  }
  if (writable.length === 0) return [];
  const shown = writable.slice(0, 5).join(', ') + (writable.length > 5 ? ` and ${writable.length - 5} more` : '');
  return [
    `otkaz: warning: in the data folder ${dataDir}, other users could write to ${shown} until now (now its owner's only): they may have changed the evidence or the key — check them (otkaz archive verify re-hashes every stored page)`,
  ];
}

/** Whether `file` lies inside `dir` (both resolved through symbolic links as far as they exist). */
export function isInside(file: string, dir: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      const parent = path.dirname(p);
      return parent === p ? p : path.join(real(parent), path.basename(p));
    }
  };
  const relative = path.relative(real(dir), real(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
