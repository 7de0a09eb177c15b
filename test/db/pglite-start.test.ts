// The embedded engine's start settings: OTKAZ_PGLITE_SHARED_BUFFERS reaches PostgreSQL (the tests run with 16MB,
// test/helpers/no-network.ts), a bad value is refused by the configuration naming the variable, and unset leaves
// PostgreSQL's default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { storageTarget } from '../../src/db/open.ts';
import { openPglite } from '../../src/db/pglite.ts';

describe('the embedded engine’s shared buffers', () => {
  it('the configured size is the one PostgreSQL runs with; unset, PostgreSQL’s own', async () => {
    for (const [sharedBuffers, expected] of [
      ['8MB', '8MB'],
      [undefined, '128MB'],
    ] as const) {
      const db = await openPglite(null, sharedBuffers ? { sharedBuffers } : {});
      try {
        const [row] = await db.query<{ shared_buffers: string }>('show shared_buffers');
        assert.equal(row?.shared_buffers, expected);
      } finally {
        await db.close();
      }
    }
  });

  it('the configuration carries it to the embedded target only, and refuses a size it cannot be', () => {
    const target = storageTarget(loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-unused', OTKAZ_PGLITE_SHARED_BUFFERS: '16MB' }));
    assert.deepEqual(target, { kind: 'pglite', dataDir: '/tmp/otkaz-unused/db', sharedBuffers: '16MB' });
    assert.deepEqual(storageTarget(loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-unused' })), { kind: 'pglite', dataDir: '/tmp/otkaz-unused/db' });
    assert.throws(() => loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-unused', OTKAZ_PGLITE_SHARED_BUFFERS: '16 MB; drop' }), /OTKAZ_PGLITE_SHARED_BUFFERS/);
  });
});
