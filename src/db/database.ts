/**
 * The storage interface every part of otkaz talks to. Two implementations: embedded PGlite (default)
 * and PostgreSQL (when DATABASE_URL is set). Both speak the same SQL dialect and return the same JS types:
 * int8 and numeric as numbers, `date` as 'YYYY-MM-DD' strings, timestamptz as ISO strings, bytea as Uint8Array.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements, no parameters. */
  exec(sql: string): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly engine: Engine;
  /** Runs `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
