import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Queryable } from './database.ts';
import { PG_OID, parseDate, parseInt8, parseNumeric, parseTimestamptz } from './types.ts';

const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_OID.INT8]: parseInt8,
  [PG_OID.NUMERIC]: parseNumeric,
  [PG_OID.DATE]: parseDate,
  [PG_OID.TIMESTAMPTZ]: parseTimestamptz,
};

const types = {
  getTypeParser: ((oid: number, format?: string) => typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], csv: string): Promise<void> {
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
  await pipeline(Readable.from([csv]), sink);
}

function wrap(client: pg.Pool | pg.PoolClient, identity: object): Queryable {
  return {
    identity,
    async copyCsv(table: string, columns: readonly string[], csv: string): Promise<void> {
      if (client instanceof pg.Pool) {
        const one = await client.connect();
        try {
          await copyInto(one, table, columns, csv);
        } finally {
          one.release();
        }
      } else {
        await copyInto(client, table, columns, csv);
      }
    },
    async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query<T>({ text: sql, values: params as unknown[], types });
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 8, options: '-c timezone=UTC' });
  // An idle pooled connection can be closed by the server (restart, admin, network). The pool drops it and
  // opens another when needed; without a listener the event would crash the process.
  pool.on('error', (error) => process.stderr.write(`otkaz: database connection lost (${error.message}); it will be reopened\n`));
  // Fail fast with a clear message instead of on the first query.
  const probe = await pool.connect();
  probe.release();
  const identity = {};
  const base = wrap(pool, identity);
  return {
    engine: 'postgres',
    identity,
    copyCsv: base.copyCsv,
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client, identity));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
