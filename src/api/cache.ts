/**
 * Response cache for read routes whose answer depends only on the stored data: counts, series, lists. Each entry
 * is an answer for a URL at a data version — the newest capture, statistics release, case-history row and watch event, read
 * from the database at most once a second, so a crawl worker or an import in another process is seen within a
 * second. Looked up only after the access decision.
 *
 * - fresh: the entry's version is current — served as is;
 * - one computation per URL and version: requests that miss while it runs wait for it instead of repeating it;
 * - stale while revalidating: after the data changed, the previous answer is served (marked `stale`, with its
 *   version) while one background request computes the new one, so a crawl that writes every second does not
 *   make every overview wait for a count over all cases. A write through this process (`invalidate`) drops
 *   everything: its own writes are never answered stale.
 *
 * Bounded (least recently used entries go first); only 200 responses are kept.
 */
import { LRUCache } from 'lru-cache';
import type { Queryable } from '../db/database.ts';
import { type Clock, systemClock } from '../shared/clock.ts';

export interface CachedResponse {
  body: string;
  contentType: string;
  version: string;
}

export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly inflight = new Map<string, { done: Promise<void>; resolve: () => void }>();
  /** Values derived from the data for answers that are not cacheable whole (they also depend on the date). */
  private readonly derived: LRUCache<string, Promise<unknown>>;
  private version = '';
  private checkedAt = 0;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly db: Queryable,
    maxEntries = 500,
    private readonly ttlMs = 1000,
    private readonly clock: Clock = systemClock,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
    this.derived = new LRUCache({ max: maxEntries });
  }

  /** The data version, refreshed at most once per `ttlMs`. */
  async currentVersion(now = this.clock.now()): Promise<string> {
    if (now - this.checkedAt < this.ttlMs && this.version) return this.version;
    this.pending ??= this.db
      .query<{ v: string }>(
        `select (select coalesce(max(id), 0) from captures)::text || '.' || (select coalesce(max(id), 0) from stat_releases where not loading)::text || '.' || (select coalesce(max(id), 0) from case_history)::text
           || '.' || (select coalesce(max(id), 0) from case_watch_events)::text as v`,
      )
      .then(([row]) => {
        const v = row?.v ?? '';
        if (v !== this.version) this.derived.clear();
        this.version = v;
        this.checkedAt = this.clock.now();
        return v;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  /** The last answer for a URL, of whatever version. */
  get(url: string): CachedResponse | undefined {
    return this.entries.get(url);
  }

  set(url: string, value: CachedResponse): void {
    this.entries.set(url, value);
  }

  /** The computation running for this URL and version, if any. */
  running(url: string, version: string): Promise<void> | undefined {
    return this.inflight.get(`${version} ${url}`)?.done;
  }

  /** Marks a computation as running; call `finish` when its response is sent or abandoned. */
  start(url: string, version: string): void {
    const key = `${version} ${url}`;
    if (this.inflight.has(key)) return;
    let resolve = (): void => undefined;
    const done = new Promise<void>((r) => {
      resolve = r;
    });
    this.inflight.set(key, { done, resolve });
  }

  finish(url: string, version: string): void {
    const key = `${version} ${url}`;
    this.inflight.get(key)?.resolve();
    this.inflight.delete(key);
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
    }
    return value;
  }

  /** After a write in this process: forget everything now. */
  invalidate(): void {
    this.entries.clear();
    this.derived.clear();
    this.checkedAt = 0;
  }
}
