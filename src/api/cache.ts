/**
 * Response cache for read routes whose answer depends only on the stored data: counts, series, lists. The key is
 * the URL plus a data version — the newest capture and the newest statistics release — read from the database
 * at most once a second, so a crawl worker or an import in another process is seen within a second. Bounded
 * (least recently used entries go first); only 200 responses are kept.
 */
import type { Queryable } from '../db/database.ts';

export interface CachedResponse {
  body: string;
  contentType: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  /** Values derived from the data for answers that are not cacheable whole (they also depend on the date). */
  private readonly derived = new Map<string, Promise<unknown>>();
  private version = '';
  private checkedAt = 0;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly maxEntries = 500,
    private readonly ttlMs = 1000,
  ) {}

  /** The data version, refreshed at most once per `ttlMs`. */
  async currentVersion(now = Date.now()): Promise<string> {
    if (now - this.checkedAt < this.ttlMs && this.version) return this.version;
    this.pending ??= this.db
      .query<{ v: string }>(`select (select coalesce(max(id), 0) from captures)::text || '.' || (select coalesce(max(id), 0) from stat_releases)::text || '.' || (select coalesce(max(id), 0) from case_history)::text as v`)
      .then(([row]) => {
        const v = row?.v ?? '';
        if (v !== this.version) {
          this.entries.clear();
          this.derived.clear();
        }
        this.version = v;
        this.checkedAt = Date.now();
        return v;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedResponse): void {
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /**
   * A value computed from the stored data, kept while the data version is unchanged (e.g. the recognition
   * figures behind every route check). A failed computation is not kept.
   */
  async derive<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.currentVersion();
    const k = `${version} ${key}`;
    let value = this.derived.get(k) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.derived.set(k, value);
      value.catch(() => this.derived.delete(k));
      while (this.derived.size > this.maxEntries) this.derived.delete(this.derived.keys().next().value as string);
    }
    return value;
  }

  /** After a write in this process: forget everything now. */
  invalidate(): void {
    this.entries.clear();
    this.derived.clear();
    this.checkedAt = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
