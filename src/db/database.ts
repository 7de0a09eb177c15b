/**
 * The storage interface every part of otkaz talks to. Two implementations: embedded PGlite (default)
 * and PostgreSQL (when DATABASE_URL is set). Both speak the same SQL dialect and return the same JS types:
 * int8 and numeric as numbers, `date` as 'YYYY-MM-DD' strings, timestamptz as ISO strings, bytea as Uint8Array.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /**
   * The same object for a database and each of its transactions (a new one per opened database): what in-process
   * caches of facts that never change in a database key by (src/casework/keyring.ts: the system keys).
   */
  readonly identity?: object;
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements, no parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows with COPY … FROM STDIN (CSV format). `csv` is one chunk of complete CSV records in
   * `columns` order; an empty unquoted field is NULL. Table and column names are the caller's constants.
   */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly engine: Engine;
  /** Runs `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
