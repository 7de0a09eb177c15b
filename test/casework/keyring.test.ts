// One keyring (one KEK) over two databases: each database's own keys are used, never a key cached from the other;
// a system key is cached only once committed (a rolled-back one is never used again), then read without a query.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Keyring } from '../../src/casework/keyring.ts';
import { LocalKek } from '../../src/crypto/kek.ts';
import type { Queryable } from '../../src/db/database.ts';
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

for (const engine of ENGINES) {
  describe(`keyring system-key cache (${engine.name})`, () => {
    it('never keeps a key whose transaction rolled back; keeps a committed one and reads it without a query', async () => {
      const kek = new LocalKek(new Uint8Array(randomBytes(32)), 'test');
      const ring = new Keyring(kek);
      const { db, drop } = await engine.create();
      try {
        let rolledBack: Uint8Array | null = null;
        await assert.rejects(
          db.transaction(async (tx) => {
            rolledBack = (await ring.systemKey(tx, 'audit')).key;
            throw new Error('roll back');
          }),
          /roll back/,
        );
        assert.ok(rolledBack);
        assert.equal((await db.query('select 1 from system_keys')).length, 0, 'the insert was rolled back');
        const kept = await ring.systemKey(db, 'audit');
        assert.notDeepEqual(kept.key, rolledBack, 'not the rolled-back key from a cache');
        assert.deepEqual((await new Keyring(kek).systemKey(db, 'audit')).key, kept.key, 'the stored key');

        let queries = 0;
        const counting: Queryable = {
          identity: db.identity,
          query: (sql, params) => {
            queries += 1;
            return db.query(sql, params);
          },
          exec: (sql) => db.exec(sql),
          copyCsv: (table, columns, csv) => db.copyCsv(table, columns, csv),
        };
        assert.deepEqual((await ring.systemKey(counting, 'audit')).key, kept.key);
        assert.equal(queries, 0, 'cached for this database');
        const elsewhere: Queryable = { ...counting, identity: {} };
        assert.deepEqual((await ring.systemKey(elsewhere, 'audit')).key, kept.key);
        assert.equal(queries, 1, 'another identity reads the database');
      } finally {
        await drop();
      }
    });
  });
}
