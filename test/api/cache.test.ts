import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseCache } from '../../src/api/cache.ts';
import type { Queryable } from '../../src/db/database.ts';
import { ManualClock } from '../../src/shared/clock.ts';

/** A database whose data version is whatever the test says. */
function versioned(): { db: Queryable; set(v: string): void; reads: () => number } {
  let version = '1.0.0';
  let reads = 0;
  const db: Queryable = {
    query: async <T extends object>() => {
      reads += 1;
      return [{ v: version }] as unknown as T[];
    },
    exec: async () => undefined,
    copyCsv: async () => undefined,
  };
  return { db, set: (v) => (version = v), reads: () => reads };
}

describe('response cache: derived values follow the data version', () => {
  it('computes once per data version and again after the data change', async () => {
    const data = versioned();
    const cache = new ResponseCache(data.db, 10, 0);
    let computed = 0;
    const compute = async () => ++computed;
    assert.equal(await cache.derive('k', compute), 1);
    assert.equal(await cache.derive('k', compute), 1);
    assert.equal(computed, 1);
    data.set('2.0.0');
    assert.equal(await cache.derive('k', compute), 2);
    assert.equal(await cache.derive('other', compute), 3);
    assert.equal(computed, 3);
  });

  it('does not keep a failed computation', async () => {
    const cache = new ResponseCache(versioned().db, 10, 0);
    await assert.rejects(
      cache.derive('k', async () => Promise.reject(new Error('database gone'))),
      /database gone/,
    );
    assert.equal(await cache.derive('k', async () => 'ok'), 'ok');
  });

  it('reads the data version at most once per interval', async () => {
    const data = versioned();
    const clock = new ManualClock(1_000_000);
    const cache = new ResponseCache(data.db, 10, 60_000, clock);
    await cache.currentVersion();
    await cache.currentVersion();
    await cache.derive('k', async () => 1);
    assert.equal(data.reads(), 1);
    cache.invalidate();
    await cache.currentVersion();
    assert.equal(data.reads(), 2, 'a write in this process forces a fresh read');
  });

  it('reads the data version again once the interval has passed, and sees the change', async () => {
    const data = versioned();
    const clock = new ManualClock(1_000_000);
    const cache = new ResponseCache(data.db, 10, 1000, clock);
    assert.equal(await cache.currentVersion(), '1.0.0');
    data.set('2.0.0');
    clock.advance(999);
    assert.equal(await cache.currentVersion(), '1.0.0', 'within the interval the version read before is used');
    assert.equal(data.reads(), 1);
    clock.advance(1);
    assert.equal(await cache.currentVersion(), '2.0.0');
    assert.equal(data.reads(), 2);
  });
});
