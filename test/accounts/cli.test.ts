// The first administrator is made on the command line: `org create` (organisation and data key in one step),
// `user create` (a one-time password printed once, never stored in plaintext), a bad role named with the list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifyPassword } from '../../src/accounts/passwords.ts';
import { openDatabase } from '../../src/db/open.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';

describe('otkaz org / user (embedded database in a temporary folder)', () => {
  const dataDir = useTempDataDir('otkaz-accounts-cli-');

  it('creates an organisation with its data key, then its first administrator', async () => {
    const org = await cli('org', 'create', '--name', 'Test Legal Aid', '--json');
    assert.equal(org.code, 0, org.err);
    const created = JSON.parse(org.out) as { id: string; slug: string; requireTotp: boolean };
    assert.equal(created.slug, 'test-legal-aid');
    assert.equal(created.requireTotp, true);
    const text = await cli('org', 'create', '--name', 'Второй центр', '--slug', 'second-centre', '--no-totp');
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /organisation second-centre created\n {2}id {4}[0-9a-f-]{36}/);
    assert.match(text.out, /TOTP {2}not required/);
    const again = await cli('org', 'create', '--name', 'Test Legal Aid');
    assert.equal(again.code, 2);
    assert.match(again.err, /exists already/);
    const cyrillic = await cli('org', 'create', '--name', 'Центр');
    assert.equal(cyrillic.code, 2);
    assert.match(cyrillic.err, /--slug/);

    const user = await cli('user', 'create', '--org', 'test-legal-aid', '--email', 'First.Admin@example.org', '--role', 'org_admin');
    assert.equal(user.code, 0, user.err);
    const password = /one-time password {3}(\S+)/.exec(user.out)?.[1];
    assert.ok(password && password.length === 20, user.out);
    const byId = await cli('user', 'create', '--org', created.id, '--email', 'lawyer@example.org', '--role', 'lawyer', '--json');
    assert.equal(byId.code, 0, byId.err);
    assert.equal((JSON.parse(byId.out) as { org: { slug: string } }).org.slug, 'test-legal-aid');

    const db = await openDatabase({ kind: 'pglite', dataDir: `${dataDir}/db` });
    try {
      const keys = await db.query('select version from org_keys where org_id = $1', [created.id]);
      assert.equal(keys.length, 1, 'the organisation has its data key');
      const rows = await db.query<{ email: string; password_hash: string; must_change_password: boolean; role: string }>(
        'select email, password_hash, must_change_password, role from users order by email',
      );
      assert.deepEqual(
        rows.map((r) => [r.email, r.role, r.must_change_password]),
        [
          ['first.admin@example.org', 'org_admin', true],
          ['lawyer@example.org', 'lawyer', true],
        ],
      );
      const admin = rows[0];
      assert.ok(admin && !admin.password_hash.includes(password));
      assert.equal(await verifyPassword(admin.password_hash, password), true);
      const audit = await db.query<{ action: string }>('select action from audit_log order by chain, seq');
      assert.ok(!JSON.stringify(audit).includes(password));
    } finally {
      await db.close();
    }
    const list = await cli('user', 'list', '--org', 'test-legal-aid');
    assert.match(list.out, /first\.admin@example\.org/);
    assert.match(list.out, /2 member\(s\)/);
    const reset = await cli('user', 'reset-password', 'first.admin@example.org', '--org', 'test-legal-aid');
    assert.equal(reset.code, 0, reset.err);
    const fresh = /one-time password (\S+)/.exec(reset.out)?.[1] ?? '';
    assert.ok(fresh.length >= 12, reset.out);
    const reopened = await openDatabase({ kind: 'pglite', dataDir: `${dataDir}/db` });
    try {
      const [row] = await reopened.query<{ password_hash: string; must_change_password: boolean }>(
        "select password_hash, must_change_password from users where email = 'first.admin@example.org'",
      );
      assert.ok(row);
      assert.equal(await verifyPassword(row.password_hash, fresh), true, 'the new one-time password works');
      assert.equal(await verifyPassword(row.password_hash, password ?? ''), false, 'the old password does not');
      assert.equal(row.must_change_password, true);
    } finally {
      await reopened.close();
    }
    const disabled = await cli('user', 'disable', 'lawyer@example.org', '--org', 'test-legal-aid');
    assert.equal(disabled.code, 0, disabled.err);
    assert.match(disabled.out, /lawyer@example\.org disabled/);
  });

  it('refuses a role that does not exist, listing the roles', async () => {
    const bad = await cli('user', 'create', '--org', 'test-legal-aid', '--email', 'x@example.org', '--role', 'superuser');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--role: the role must be one of org_admin, lawyer, caseworker, volunteer, statistics/);
    assert.match(bad.err, /cli\.usage/);
    const noOrg = await cli('user', 'create', '--org', 'no-such-org', '--email', 'x@example.org', '--role', 'lawyer');
    assert.equal(noOrg.code, 2);
    assert.match(noOrg.err, /no such organisation/);
  });
});
