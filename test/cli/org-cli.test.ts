// `otkaz org export|import|erase|rotate-key|retention|purge` on the command line: the passphrase from
// OTKAZ_EXPORT_PASSPHRASE (no terminal: a usage error naming it), the archive never overwritten, erasure refused
// without confirmation, the import telling how members get a password; `otkaz audit verify` passes afterwards.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { insertClient } from '../../src/casework/clients.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { loadConfig } from '../../src/config/config.ts';
import { kekFromEnvironment } from '../../src/crypto/kek.ts';
import { openDatabase, storageTarget } from '../../src/db/open.ts';
import { cheapArchives } from '../helpers/archives.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';

const ORG = randomUUID();

describe('otkaz org', () => {
  const dataDir = useTempDataDir('otkaz-org-cli-');
  const archive = () => path.join(dataDir, '..', `${path.basename(dataDir)}-export.age`);

  before(async () => {
    // the archive is sealed in this process (the command line runs in-process): scrypt at 2^10, not age's 2^18
    cheapArchives();
    process.env.OTKAZ_KEK = randomBytes(32).toString('base64');
    delete process.env.OTKAZ_AUDIT_SINK;
    delete process.env.OTKAZ_EXPORT_PASSPHRASE;
    const keyring = new Keyring(kekFromEnvironment(process.env.OTKAZ_KEK));
    const db = await openDatabase(storageTarget(loadConfig()));
    try {
      await db.transaction(async (tx) => {
        await tx.query("insert into organisations (id, slug, name, synthetic) values ($1, 'test-org-cli', 'Test organisation (SYNTHETIC)', true)", [ORG]);
        await keyring.createOrgKey(tx, ORG);
        await tx.query("insert into users (id, org_id, email, role, password_hash) values ($1, $2, 'admin-cli@example.org', 'org_admin', 'x')", [
          randomUUID(),
          ORG,
        ]);
        await insertClient(tx, keyring, ORG, {
          record: {
            person: { names: [{ script: 'latin', family: 'Clitestov' }], languages: [] },
            documents: [],
            criminalCases: [],
            consent: { shareWithinOrganisation: false, referralTo: [] },
          },
          createdBy: null,
          synthetic: true,
        });
      });
    } finally {
      await db.close();
    }
  });

  it('export: without a passphrase or a terminal, a usage error naming OTKAZ_EXPORT_PASSPHRASE; with it, a file of mode 0600, never overwritten', async () => {
    const none = await cli('org', 'export', 'test-org-cli', '--out', archive());
    assert.equal(none.code, 2);
    assert.match(none.err, /OTKAZ_EXPORT_PASSPHRASE/);
    assert.equal(existsSync(archive()), false);
    process.env.OTKAZ_EXPORT_PASSPHRASE = 'SYNTHETIC test passphrase';
    const done = await cli('org', 'export', 'test-org-cli', '--out', archive(), '--json');
    assert.equal(done.code, 0, done.err);
    assert.equal(JSON.parse(done.out).counts.clients, 1);
    assert.equal(statSync(archive()).mode & 0o777, 0o600);
    const again = await cli('org', 'export', 'test-org-cli', '--out', archive());
    assert.equal(again.code, 2);
    assert.match(again.err, /never overwrites/);
    const bad = await cli('org', 'export', 'test-org-cli', '--out', `${archive()}.2`, '--recipient', 'not-a-recipient');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--recipient/);
  });

  it('rotate-key, retention and purge', async () => {
    const rotated = await cli('org', 'rotate-key', 'test-org-cli');
    assert.equal(rotated.code, 0, rotated.err);
    assert.match(rotated.out, /data key version 2/);
    const set = await cli('org', 'retention', 'test-org-cli', '--closed', '30', '--referred', '10');
    assert.equal(set.code, 0, set.err);
    assert.match(set.out, /closed files kept 30 day\(s\), referred files 10 day\(s\)/);
    const wrong = await cli('org', 'retention', 'test-org-cli', '--closed', 'soon');
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /--closed/);
    const purge = await cli('org', 'purge', '--dry-run', '--json');
    assert.equal(purge.code, 0, purge.err);
    assert.deepEqual(JSON.parse(purge.out), { dryRun: true, files: [] });
  });

  it('erase asks for the slug (no terminal: refused), then with --yes erases; the audit still verifies; import under a new slug', async () => {
    const refused = await cli('org', 'erase', 'test-org-cli');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--yes/);
    const erased = await cli('org', 'erase', 'test-org-cli', '--yes');
    assert.equal(erased.code, 0, erased.err);
    assert.match(erased.out, /1 data key\(s\) deleted, 1 client file\(s\) deleted, 1 member\(s\) disabled/);
    const verify = await cli('audit', 'verify');
    assert.equal(verify.code, 0, verify.out + verify.err);
    // the slug stays taken by the erased organisation; its disabled member's e-mail does not block the new
    // organisation (e-mails are unique within an organisation: migration 012)
    const sameSlug = await cli('org', 'import', archive());
    assert.equal(sameSlug.code, 2);
    assert.match(sameSlug.err, /--slug/);
    const imported = await cli('org', 'import', archive(), '--slug', 'test-org-restored');
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /imported 'test-org-restored'.*1 client file/);
    assert.match(imported.out, /must give each a new password/);
    const db = await openDatabase(storageTarget(loadConfig()));
    try {
      const holders = await db.query<{ slug: string; disabled: boolean }>(
        "select o.slug, u.disabled_at is not null as disabled from users u join organisations o on o.id = u.org_id where u.email = 'admin-cli@example.org' order by o.slug",
      );
      assert.deepEqual(holders, [
        { slug: 'test-org-cli', disabled: true },
        { slug: 'test-org-restored', disabled: false },
      ]);
    } finally {
      await db.close();
    }
    process.env.OTKAZ_EXPORT_PASSPHRASE = 'SYNTHETIC wrong passphrase';
    const wrong = await cli('org', 'import', archive(), '--slug', 'test-org-third');
    assert.equal(wrong.code, 4);
    assert.match(wrong.err, /crypto\.invalid/);
  });
});
