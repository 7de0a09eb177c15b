// The server's background work applies retention: at the start (and then daily, by its clock) the files past their
// organisation's retention are purged and audited. The clock is injected (moved to a day past the retention).
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, it } from 'node:test';
import { insertClient } from '../../src/casework/clients.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { loadConfig } from '../../src/config/config.ts';
import { kekFromEnvironment } from '../../src/crypto/kek.ts';
import { openDatabase } from '../../src/db/open.ts';
import { startServer } from '../../src/server/server.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

describe('retention in the server’s background work', () => {
  it('purges the expired file at the start (clock moved), keeps the other, audits the purge', async () => {
    const dataDir = tempDir('otkaz-serve-retention-');
    const kek = randomBytes(32).toString('base64');
    const keyring = new Keyring(kekFromEnvironment(kek));
    const orgId = randomUUID();
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'statistics');
    const file = (family: string) => ({
      record: {
        person: { names: [{ script: 'latin' as const, family }], languages: [] },
        documents: [],
        criminalCases: [],
        consent: { shareWithinOrganisation: false, referralTo: [] },
      },
      createdBy: null,
      synthetic: true,
      status: 'closed' as const,
    });
    let expired: string;
    let kept: string;
    try {
      [expired, kept] = await db.transaction(async (tx) => {
        await tx.query(
          `insert into organisations (id, slug, name, retention, synthetic) values ($1, 'test-serve-retention', 'Test (SYNTHETIC)', '{"closed": 30}', true)`,
          [orgId],
        );
        await keyring.createOrgKey(tx, orgId);
        return [await insertClient(tx, keyring, orgId, file('Expiredov')), await insertClient(tx, keyring, orgId, file('Keptov'))];
      });
      await db.query("update clients set closed_at = '2026-01-01T00:00:00Z' where id = $1", [expired]);
      await db.query("update clients set closed_at = '2026-02-15T00:00:00Z' where id = $1", [kept]);
    } finally {
      await db.close();
    }
    const server = await startServer(loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_KEK: kek }), { now: () => new Date('2026-03-01T00:00:00Z') });
    await server.ready;
    await server.stop();
    const after = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    try {
      const left = await after.query<{ id: string }>('select id from clients where org_id = $1', [orgId]);
      assert.deepEqual(
        left.map((r) => r.id),
        [kept],
      );
      const audited = await after.query<{ resource_id: string; actor_kind: string }>(
        "select resource_id, actor_kind from audit_log where chain = $1 and action = 'clients.purge'",
        [`org:${orgId}`],
      );
      assert.deepEqual(audited, [{ resource_id: expired, actor_kind: 'system' }]);
    } finally {
      await after.close();
    }
  });
});
