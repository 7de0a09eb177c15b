/**
 * Planner statistics and the visibility map. PostgreSQL's autovacuum keeps them current; the embedded engine
 * (PGlite, one backend, no background workers) never does, so without this a table filled by an import or a crawl
 * keeps the statistics of an empty table and the planner picks nested loops over every row (measured: the
 * prosecution counts over 100,000 cases took 3.8 s before and 1.1 s after). A table is refreshed when it was
 * never analysed or has grown by more than a fifth since (pages now vs. pages at the last ANALYZE, which both
 * engines keep in pg_class); on PGlite it is also vacuumed, which no one else would do.
 */
import type { Database } from './database.ts';

export interface Refreshed {
  table: string;
  pages: number;
  ms: number;
}

/** Refreshes the tables that need it (all public tables, or the ones named); returns what it did. */
export async function refreshPlannerStatistics(
  db: Database,
  tables?: readonly string[],
  options: { vacuum?: boolean; statisticsTarget?: number } = {},
): Promise<Refreshed[]> {
  const rows = await db.query<{ relname: string; relpages: number; reltuples: number; pages: number }>(
    `select c.relname, c.relpages, c.reltuples, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and ($1::text[] is null or c.relname = any($1))
      order by c.relname`,
    [tables ? [...tables] : null],
  );
  const done: Refreshed[] = [];
  for (const r of rows) {
    const stale = r.pages > 0 && (r.reltuples < 0 || r.relpages === 0 || r.pages > r.relpages * 1.2 + 8);
    if (!stale) continue;
    const started = performance.now();
    // Table names come from pg_class (not from input); quoted all the same.
    const name = `"${r.relname.replace(/"/g, '""')}"`;
    // `vacuum: false`: ANALYZE only (it samples; a VACUUM reads the whole table, one statement that holds the
    // embedded engine's only connection — seconds for millions of rows, during which no reader is answered).
    // `statisticsTarget`: ANALYZE samples 300 × this many rows (default 100: 30,000 rows, ~2 s on millions of rows).
    if (options.statisticsTarget) {
      const target = Math.max(1, Math.min(10_000, Math.trunc(options.statisticsTarget)));
      await db.transaction(async (tx) => {
        await tx.exec(`set local default_statistics_target = ${target}`);
        await tx.exec(`analyze ${name}`);
      });
    } else await db.exec(db.engine === 'pglite' && options.vacuum !== false ? `vacuum (analyze) ${name}` : `analyze ${name}`);
    done.push({ table: r.relname, pages: r.pages, ms: Math.round(performance.now() - started) });
  }
  return done;
}
