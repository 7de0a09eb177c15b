// One keyring (one KEK) over two databases: each database's own keys are used, never a key cached from the other.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Keyring } from '../../src/casework/keyring.ts';
import { LocalKek } from '../../src/crypto/kek.ts';
import { ENGINES } from '../helpers/engines.ts';

describe('keyring over two databases under one KEK', () => {
  it('each database keeps its own system key', async () => {
    const pglite = ENGINES.find((e) => e.name === 'pglite');
    assert.ok(pglite);
    const ring = new Keyring(new LocalKek(new Uint8Array(randomBytes(32)), 'test'));
    const one = await pglite.create();
    const two = await pglite.create();
    try {
      const a = await ring.systemKey(one.db, 'audit');
      const b = await ring.systemKey(two.db, 'audit');
      assert.equal(a.version, 1);
      assert.equal(b.version, 1);
      assert.notDeepEqual(b.key, a.key, 'the second database’s key, not the first one’s from the cache');
      assert.deepEqual((await ring.systemKey(one.db, 'audit')).key, a.key);
    } finally {
      await one.drop();
      await two.drop();
    }
  });
});
