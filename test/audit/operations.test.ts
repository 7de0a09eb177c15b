// audit.list and audit.verify (src/operations/audit/) on both engines, with members built by hand (sign-in is built
// elsewhere): each call goes the way a request does — the route's decision without a resource, the input schema,
// then the operation with its context. An admin of one organisation never sees, nor verifies, another's chain; a
// refusal is itself recorded; reading the log is recorded ('audit.read'). Over HTTP, anonymous callers get 401.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { z } from 'zod';
import { buildApp } from '../../src/api/app.ts';
import { type AuditEvent, appendAudit, chainOf } from '../../src/audit/log.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import type { CaseworkServices } from '../../src/casework/services.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { LocalKek } from '../../src/crypto/kek.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { listAuditOperation } from '../../src/operations/audit/list.ts';
import { verifyAuditOperation } from '../../src/operations/audit/verify.ts';
import { updateOrgSettingsOperation } from '../../src/operations/orgs/settings.ts';
import { createUserOperation } from '../../src/operations/users/create.ts';
import { disableUserOperation } from '../../src/operations/users/disable.ts';
import { resetPasswordOperation } from '../../src/operations/users/reset-password.ts';
import { type Actor, LOCAL, type MemberRole, type UserActor } from '../../src/ops/actor.ts';
import { type Operation, type OperationContext, parseInput } from '../../src/ops/operation.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { UNBOUNDED } from '../../src/shared/limits.ts';
import { ENGINES } from '../helpers/engines.ts';

const config = loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' });
const IP = '192.0.2.44';

interface Org {
  id: string;
  slug: string;
  admin: UserActor;
  lawyer: UserActor;
}

function member(orgId: string, role: MemberRole, verified = true): UserActor {
  return { kind: 'user', userId: randomUUID(), orgId, role, sessionId: null, verified };
}

const denied = (error: unknown) => error instanceof OtkazError && error.code === ErrorCode.AccessDenied;

for (const engine of ENGINES) {
  describe(`audit operations on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    const keyring = new Keyring(new LocalKek(new Uint8Array(randomBytes(32)), 'test'));
    const services: CaseworkServices = { keyring, audit: { keyring }, now: () => new Date(), ip: IP };
    let a: Org;
    let b: Org;

    function context(actor: Actor): OperationContext {
      return {
        actor,
        config,
        db,
        get kb(): never {
          throw new Error('the audit operations need no knowledge base');
        },
        get directory(): never {
          throw new Error('the audit operations need no court directory');
        },
        personKey: 'test-person-key-0123456789',
        budget: UNBOUNDED,
        now: services.now,
        casework: services,
      };
    }

    /** As a request goes: the route's decision (no resource), the input schema, the operation. */
    async function call<In extends z.ZodObject, Out>(operation: Operation<In, Out>, actor: Actor, raw: object = {}): Promise<Out> {
      const ctx = context(actor);
      const edge = operation.policy.checkEdge(ctx.actor, ctx.config);
      if (!edge.allow) throw new OtkazError(ErrorCode.AccessDenied, `not allowed: ${operation.policy.name} (${edge.reason})`);
      return operation.run(
        ctx,
        parseInput(operation, raw, (p) => String(p[0] ?? 'input')),
      );
    }

    const list = (actor: Actor, raw: object = {}) => call(listAuditOperation, actor, raw);
    const verify = (actor: Actor, raw: object = {}) => call(verifyAuditOperation, actor, raw);

    async function organisation(slug: string): Promise<Org> {
      const id = randomUUID();
      await db.query('insert into organisations (id, slug, name, synthetic) values ($1, $2, $3, true)', [id, slug, `Test organisation ${slug}`]);
      const org = { id, slug, admin: member(id, 'org_admin'), lawyer: member(id, 'lawyer') };
      for (const user of [org.admin, org.lawyer]) {
        await db.query('insert into users (id, org_id, email, role) values ($1, $2, $3, $4)', [user.userId, id, `${user.role}@${slug}.example`, user.role]);
      }
      return org;
    }

    async function record(orgId: string, event: Partial<AuditEvent>): Promise<void> {
      await db.transaction((tx) =>
        appendAudit(tx, services.audit, { orgId, actor: { kind: 'local' }, action: 'clients.read', resourceType: 'client', outcome: 'ok', ...event }),
      );
    }

    async function chainLength(orgId: string | null): Promise<number> {
      const [row] = await db.query<{ n: number }>('select count(*)::int as n from audit_log where chain = $1', [chainOf(orgId)]);
      return row?.n ?? 0;
    }

    before(async () => {
      ({ db, drop } = await engine.create());
      a = await organisation('test-org-a');
      b = await organisation('test-org-b');
      for (let i = 0; i < 5; i += 1) await record(a.id, { actor: a.lawyer, action: i % 2 ? 'clients.update' : 'clients.read', resourceId: `a-client-${i}` });
      for (let i = 0; i < 3; i += 1) await record(b.id, { actor: b.lawyer, resourceId: `b-client-${i}` });
    });
    after(() => drop());

    it("an org admin lists their organisation's entries, newest first, with who, what, when, from where", async () => {
      const page = await list(a.admin);
      assert.equal(page.chain, chainOf(a.id));
      const seqs = page.entries.map((e) => e.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((x, y) => y - x),
        'newest first',
      );
      const clients = page.entries.filter((e) => e.resource_type === 'client');
      assert.deepEqual(
        clients.map((e) => e.resource_id),
        ['a-client-4', 'a-client-3', 'a-client-2', 'a-client-1', 'a-client-0'],
      );
      for (const e of clients) {
        assert.equal(e.actor_id, a.lawyer.userId);
        assert.equal(e.actor_kind, 'user');
        assert.equal(e.outcome, 'ok');
        assert.match(e.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
      assert.equal(page.next, null);
    });

    it('the read of the log is itself recorded: audit.read, by the admin, from their address', async () => {
      const before = await chainLength(a.id);
      await list(a.admin, { limit: '1' });
      assert.equal(await chainLength(a.id), before + 1);
      const [latest] = (await list(a.admin, { limit: '2' })).entries;
      // a read is recorded once its page is read: the newest entry of this page is the first read's
      assert.equal(latest?.action, 'audit.read');
      assert.equal(latest?.actor_id, a.admin.userId);
      assert.equal(latest?.resource_type, 'audit_chain');
      assert.equal(latest?.resource_id, chainOf(a.id));
      assert.equal(latest?.ip, IP);
    });

    it("an admin's changes to members and settings are recorded from their address too", async () => {
      const created = await call(createUserOperation, a.admin, { email: 'new-member@test-org-a.example', role: 'caseworker' });
      await call(resetPasswordOperation, a.admin, { id: created.user.id });
      await call(disableUserOperation, a.admin, { id: created.user.id });
      await call(updateOrgSettingsOperation, a.admin, { shareStatistics: true });
      await call(updateOrgSettingsOperation, a.admin, { requireTotp: true });
      const rows = await db.query<{ action: string; ip: string | null }>(
        `select action, ip from audit_log where chain = $1 and action like any (array['user.%', 'org.%']) order by seq`,
        [chainOf(a.id)],
      );
      assert.deepEqual(rows, [
        { action: 'user.create', ip: IP },
        { action: 'user.reset_password', ip: IP },
        { action: 'user.disable', ip: IP },
        { action: 'org.share_statistics', ip: IP },
        { action: 'org.settings', ip: IP },
      ]);
    });

    it('pages with before and limit, and filters by action', async () => {
      const first = await list(a.admin, { limit: '2', action: 'clients.read' });
      assert.deepEqual(
        first.entries.map((e) => e.resource_id),
        ['a-client-4', 'a-client-2'],
      );
      assert.ok(first.next);
      const second = await list(a.admin, { limit: '2', action: 'clients.read', before: String(first.next) });
      assert.deepEqual(
        second.entries.map((e) => e.resource_id),
        ['a-client-0'],
      );
      assert.equal(second.next, null);
      await assert.rejects(
        list(a.admin, { action: 'Client Read' }),
        (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.Usage && /action/.test(e.message),
      );
      await assert.rejects(list(a.admin, { limit: '0' }), (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.Usage && /limit/.test(e.message));
    });

    it("an admin of A never sees B's entries, and B's admin never sees A's", async () => {
      const seenByA = JSON.stringify(await list(a.admin, { limit: '500' }));
      assert.doesNotMatch(seenByA, /b-client-/);
      assert.doesNotMatch(seenByA, new RegExp(b.lawyer.userId));
      const seenByB = await list(b.admin, { limit: '500' });
      assert.equal(seenByB.chain, chainOf(b.id));
      assert.doesNotMatch(JSON.stringify(seenByB), /a-client-/);
      assert.deepEqual(
        seenByB.entries.filter((e) => e.resource_type === 'client').map((e) => e.resource_id),
        ['b-client-2', 'b-client-1', 'b-client-0'],
      );
    });

    it("naming another organisation is refused (by slug or id, or one that does not exist), and the refusal is recorded in the actor's chain", async () => {
      for (const org of [b.slug, b.id, 'no-such-org']) {
        const ownBefore = await chainLength(a.id);
        const theirsBefore = await chainLength(b.id);
        await assert.rejects(list(a.admin, { org }), denied, org);
        await assert.rejects(verify(a.admin, { org }), denied, org);
        assert.equal(await chainLength(b.id), theirsBefore, "nothing is written to the other organisation's chain");
        assert.equal(await chainLength(a.id), ownBefore + 2, 'both refusals recorded');
        const [row] = await db.query<{ action: string; outcome: string; actor_id: string; resource_id: string | null }>(
          'select action, outcome, actor_id, resource_id from audit_log where chain = $1 order by seq desc limit 1',
          [chainOf(a.id)],
        );
        assert.deepEqual(row, { action: 'audit.verify', outcome: 'refused', actor_id: a.admin.userId, resource_id: org === 'no-such-org' ? null : b.id });
      }
      // naming their own organisation is fine
      assert.equal((await list(a.admin, { org: a.slug })).chain, chainOf(a.id));
      assert.equal((await verify(a.admin, { org: a.id })).chains[0]?.chain, chainOf(a.id));
    });

    it('only verified org admins: a lawyer, an admin without the second factor, the tokens and anonymous callers are refused', async () => {
      const others: Actor[] = [
        a.lawyer,
        member(a.id, 'caseworker'),
        member(a.id, 'volunteer'),
        member(a.id, 'statistics'),
        { ...a.admin, verified: false },
        { kind: 'operator' },
        { kind: 'reader' },
        { kind: 'anonymous', presented: false },
      ];
      for (const actor of others) {
        await assert.rejects(list(actor), denied, JSON.stringify(actor));
        await assert.rejects(verify(actor), denied, JSON.stringify(actor));
      }
    });

    it("an admin verifies their own organisation's chain only; a broken chain elsewhere is not theirs to see", async () => {
      const mine = await verify(a.admin);
      assert.deepEqual(
        mine.chains.map((c) => [c.chain, c.org_slug, c.ok]),
        [[chainOf(a.id), a.slug, true]],
      );
      assert.equal(mine.ok, true);
      assert.equal(mine.chains[0]?.entries, (await chainLength(a.id)) - 1, 'the verification is recorded after it');
      const [last] = await db.query<{ action: string; outcome: string }>('select action, outcome from audit_log where chain = $1 order by seq desc limit 1', [
        chainOf(a.id),
      ]);
      assert.deepEqual(last, { action: 'audit.verify', outcome: 'ok' });

      const c = await organisation('test-org-c');
      for (let i = 0; i < 3; i += 1) await record(c.id, { actor: c.lawyer, resourceId: `c-client-${i}` });
      await db.transaction(async (tx) => {
        await tx.query('alter table audit_log disable trigger user');
        await tx.query("update audit_log set action = 'client.export' where chain = $1 and seq = 2", [chainOf(c.id)]);
        await tx.query('alter table audit_log enable trigger user');
      });
      assert.equal((await verify(a.admin)).ok, true, "another organisation's broken chain is not A's");
      const theirs = await verify(c.admin);
      assert.equal(theirs.ok, false);
      assert.deepEqual(
        theirs.chains.map((ch) => [ch.chain, ch.ok, ch.problem?.seq, ch.problem?.kind]),
        [[chainOf(c.id), false, 2, 'mac']],
      );
      const [failed] = await db.query<{ outcome: string }>('select outcome from audit_log where chain = $1 order by seq desc limit 1', [chainOf(c.id)]);
      assert.equal(failed?.outcome, 'failed', 'a failed verification is recorded as failed');

      // The command line sees every chain, and finds the broken one.
      const all = await verify(LOCAL);
      assert.equal(all.ok, false);
      const byChain = new Map(all.chains.map((ch) => [ch.chain, ch]));
      assert.equal(byChain.get(chainOf(a.id))?.ok, true);
      assert.equal(byChain.get(chainOf(b.id))?.ok, true);
      assert.equal(byChain.get(chainOf(c.id))?.problem?.seq, 2);
      const [system] = await db.query<{ action: string; actor_kind: string; resource_id: string }>(
        "select action, actor_kind, resource_id from audit_log where chain = 'system' order by seq desc limit 1",
      );
      assert.deepEqual(system, { action: 'audit.verify', actor_kind: 'local', resource_id: 'all' });
    });

    it('the command line may name any organisation, and is told when there is none', async () => {
      const page = await list(LOCAL, { org: b.slug });
      assert.equal(page.chain, chainOf(b.id));
      assert.ok(page.entries.some((e) => e.resource_id === 'b-client-0'));
      await assert.rejects(list(LOCAL, { org: 'no-such-org' }), (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.InputNotFound);
      assert.equal((await list(LOCAL)).chain, 'system', "without --org: the installation's own chain");
    });
  });
}

describe('audit routes over HTTP', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let db: Database;
  let drop: () => Promise<void>;
  before(async () => {
    const pglite = ENGINES.find((e) => e.name === 'pglite');
    assert.ok(pglite);
    ({ db, drop } = await pglite.create());
    const guarded = loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0', OTKAZ_OPERATOR_TOKEN: 'operator-token-0123456789abcdef' });
    app = await buildApp({ config: guarded, db, directory: loadDirectory(), kb: loadKnowledgeBase() });
  });
  after(async () => {
    await app.close();
    await drop();
  });

  for (const url of ['/api/v1/org/audit', '/api/v1/org/audit/verify', '/api/v1/org/audit?limit=5&action=clients.read']) {
    it(`GET ${url}: 401 without a session, also with the operator token (a token is no member's session); never cached`, async () => {
      const anonymous = await app.inject({ method: 'GET', url });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(anonymous.headers['cache-control'], 'private, no-store');
      const operator = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer operator-token-0123456789abcdef' } });
      assert.equal(operator.statusCode, 401);
      assert.equal(operator.json().code, 'auth.required');
      assert.equal(operator.headers['cache-control'], 'private, no-store');
    });
  }

  it('the routes are in the OpenAPI description', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/api/v1/org/audit']);
    assert.ok(spec.paths['/api/v1/org/audit/verify']);
  });
});
