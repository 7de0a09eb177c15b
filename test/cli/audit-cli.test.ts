// `otkaz audit verify [--org ORG]` and `otkaz audit list`: one line per chain, exit status 4 (audit.broken) when a
// chain is broken, the same answer as JSON; an unknown or malformed organisation is a usage error naming it.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { appendAudit, chainOf } from '../../src/audit/log.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { loadConfig } from '../../src/config/config.ts';
import { kekFromEnvironment } from '../../src/crypto/kek.ts';
import type { Database } from '../../src/db/database.ts';
import { openDatabase, storageTarget } from '../../src/db/open.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';

const ORG = randomUUID();
const OTHER = randomUUID();

describe('otkaz audit', () => {
  useTempDataDir('otkaz-audit-cli-');

  async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await openDatabase(storageTarget(loadConfig()));
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  before(async () => {
    process.env.OTKAZ_KEK = randomBytes(32).toString('base64');
    delete process.env.OTKAZ_AUDIT_SINK;
    const keyring = new Keyring(kekFromEnvironment(process.env.OTKAZ_KEK));
    await withDb(async (db) => {
      for (const [id, slug] of [
        [ORG, 'test-org-cli'],
        [OTHER, 'test-org-other'],
      ] as const) {
        await db.query('insert into organisations (id, slug, name, synthetic) values ($1, $2, $3, true)', [id, slug, `Test organisation ${slug}`]);
        for (let i = 0; i < 3; i += 1)
          await db.transaction((tx) =>
            appendAudit(
              tx,
              { keyring },
              { orgId: id, actor: { kind: 'local' }, action: 'clients.read', resourceType: 'client', resourceId: `${slug}-${i}`, outcome: 'ok' },
            ),
          );
      }
    });
  });

  it('verify: one line per chain, ok, exit 0', async () => {
    const { code, out, err } = await cli('audit', 'verify');
    assert.equal(code, 0, err);
    assert.match(out, new RegExp(`^org:${ORG} \\(test-org-cli\\): 3 entries, ok$`, 'm'));
    assert.match(out, new RegExp(`^org:${OTHER} \\(test-org-other\\): 3 entries, ok$`, 'm'));
  });

  it('verify --org by slug or id: that chain only; --json is the API answer', async () => {
    for (const org of ['test-org-cli', ORG]) {
      const { code, out } = await cli('audit', 'verify', '--org', org, '--json');
      assert.equal(code, 0);
      const result = JSON.parse(out) as { ok: boolean; chains: { chain: string; org_slug: string; entries: number; ok: boolean; problem: unknown }[] };
      assert.equal(result.ok, true);
      assert.deepEqual(
        result.chains.map((c) => [c.chain, c.org_slug, c.ok, c.problem]),
        [[chainOf(ORG), 'test-org-cli', true, null]],
      );
    }
  });

  it('an unknown organisation, or a malformed one, is a usage error naming it', async () => {
    const unknown = await cli('audit', 'verify', '--org', 'no-such-org');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /input\.not_found.*no organisation no-such-org/);
    const malformed = await cli('audit', 'verify', '--org', 'not a slug!');
    assert.equal(malformed.code, 2);
    assert.match(malformed.err, /--org: expected an organisation’s slug or id/);
    assert.doesNotMatch(malformed.err + unknown.err, /\n\s+at /, 'no stack trace');
  });

  it('list --org: the entries newest first, with the read itself recorded', async () => {
    const { code, out } = await cli('audit', 'list', '--org', 'test-org-cli', '--action', 'clients.read', '--json');
    assert.equal(code, 0);
    const page = JSON.parse(out) as { chain: string; entries: { resource_id: string; actor_kind: string }[] };
    assert.equal(page.chain, chainOf(ORG));
    assert.deepEqual(
      page.entries.map((e) => e.resource_id),
      ['test-org-cli-2', 'test-org-cli-1', 'test-org-cli-0'],
    );
    const reads = JSON.parse((await cli('audit', 'list', '--org', ORG, '--action', 'audit.read', '--json')).out) as { entries: { actor_kind: string }[] };
    assert.deepEqual(
      reads.entries.map((e) => e.actor_kind),
      ['local'],
    );
    const text = await cli('audit', 'list', '--org', 'test-org-cli', '--limit', '2');
    assert.equal(text.code, 0);
    assert.match(text.out, /audit\.read/);
    assert.match(text.out, /older entries: --before \d+/);
  });

  it('a changed entry: the line names the chain, the entry and why; exit status 4, also with --json', async () => {
    await withDb((db) =>
      db.transaction(async (tx) => {
        await tx.query('alter table audit_log disable trigger user');
        await tx.query("update audit_log set resource_id = 'someone-else' where chain = $1 and seq = 2", [chainOf(OTHER)]);
        await tx.query('alter table audit_log enable trigger user');
      }),
    );
    const { code, out, err } = await cli('audit', 'verify');
    assert.equal(code, 4);
    assert.match(out, new RegExp(`^org:${OTHER} \\(test-org-other\\): 3 entries, BROKEN at entry 2: its content does not match its MAC`, 'm'));
    assert.match(out, new RegExp(`^org:${ORG} \\(test-org-cli\\): \\d+ entries, ok$`, 'm'));
    assert.match(err, /audit\.broken.*1 audit chain\(s\) do not verify/);
    const json = await cli('audit', 'verify', '--json');
    assert.equal(json.code, 4);
    const result = JSON.parse(json.out) as { ok: boolean; chains: { chain: string; problem: { seq: number; kind: string } | null }[] };
    assert.equal(result.ok, false);
    assert.deepEqual(result.chains.find((c) => c.chain === chainOf(OTHER))?.problem?.kind, 'mac');
    const own = await cli('audit', 'verify', '--org', 'test-org-cli');
    assert.equal(own.code, 0, 'the other chains are not verified with --org');
  });
});
