import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { projectPath } from '../shared/paths.ts';
import type { Database } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = projectPath('src', 'db', 'migrations');

/** Reads `NNN_name.sql` files in version order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 3)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/**
 * Brings the schema up to date. Each migration runs in its own transaction, so a failure leaves the
 * database at the last good version; the error names the migration and the database's message.
 * Refuses to run when the database was migrated by newer software, or when an applied migration's
 * file has changed since.
 */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  await db.exec(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  const applied = await db.query<{ version: number; name: string; checksum: string }>('select version, name, checksum from schema_migrations order by version');
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new OtkazError(ErrorCode.DbMigration, `the database has migration ${row.name}, which this version of otkaz does not know; upgrade otkaz`);
    }
    if (migration.checksum !== row.checksum) {
      throw new OtkazError(ErrorCode.DbMigration, `migration ${row.name} was changed after it was applied`, {
        where: `src/db/migrations/${row.name}.sql`,
      });
    }
  }
  const done = new Set(applied.map((row) => row.version));
  const ran: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    try {
      await db.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [migration.version, migration.name, migration.checksum]);
      });
    } catch (cause) {
      throw new OtkazError(ErrorCode.DbMigration, `migration ${migration.name} failed: ${(cause as Error).message}`, {
        where: `src/db/migrations/${migration.name}.sql`,
        cause,
      });
    }
    ran.push(migration.version);
  }
  return ran;
}
