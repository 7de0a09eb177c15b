// The audit log (src/audit/log.ts) on both engines: a chain verifies; whatever someone with database access does to
// it behind the application's back — the "attacker" here disables the append-only trigger first, as the table's
// owner can — is found, at the right entry and for the right reason; the trigger refuses changes; entries hold no
// field values; parallel appends keep one gap-free chain; the sink file gets one line per entry, private.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type AuditEvent, type AuditOptions, appendAudit, type ChainReport, chainOf, verifyAudit } from '../../src/audit/log.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { LocalKek } from '../../src/crypto/kek.ts';
import type { Database, Queryable } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { present } from '../../src/shared/present.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/temp.ts';

const N = 6;

/** The entry's columns: who, what, when, from where, the outcome and the chain's links — nothing else. */
const COLUMNS = [
  'chain',
  'seq',
  'at',
  'org_id',
  'actor_id',
  'actor_kind',
  'action',
  'resource_type',
  'resource_id',
  'outcome',
  'ip',
  'key_version',
  'prev_mac',
  'mac',
];

function event(orgId: string | null, i: number): AuditEvent {
  return {
    orgId,
    actor: i % 3 === 0 ? { kind: 'local' } : { kind: 'user', userId: randomUUID() },
    action: i % 2 === 0 ? 'clients.read' : 'clients.update',
    resourceType: 'client',
    // every third entry has no resource id, so null fields are covered too
    ...(i % 3 === 2 ? {} : { resourceId: randomUUID() }),
    outcome: i % 4 === 3 ? 'refused' : 'ok',
    ip: i % 2 === 0 ? '192.0.2.10' : null,
  };
}

/** What someone with database access can do: switch the append-only trigger off, change the table, switch it on. */
async function tamper(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('alter table audit_log disable trigger user');
    await tx.query(sql, params);
    await tx.query('alter table audit_log enable trigger user');
  });
}

for (const engine of ENGINES) {
  describe(`audit log on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    const keyring = new Keyring(new LocalKek(new Uint8Array(randomBytes(32)), 'test'));
    const options: AuditOptions = { keyring };
    before(async () => {
      ({ db, drop } = await engine.create());
    });
    after(() => drop());

    /** A new organisation's chain of `n` entries. */
    async function chain(n = N, extra: Partial<AuditOptions> = {}): Promise<string> {
      const orgId = randomUUID();
      for (let i = 1; i <= n; i += 1) await db.transaction((tx) => appendAudit(tx, { ...options, ...extra }, event(orgId, i)));
      return orgId;
    }

    async function report(orgId: string): Promise<ChainReport> {
      const reports = await verifyAudit(db, keyring, orgId);
      assert.equal(reports.length, 1, 'one chain per organisation');
      const [one] = reports;
      assert.ok(one);
      assert.equal(one.chain, chainOf(orgId));
      return one;
    }

    async function broken(orgId: string, seq: number, kind: string, reason: RegExp): Promise<void> {
      const r = await report(orgId);
      assert.equal(r.ok, false, 'the chain is reported broken');
      assert.equal(r.problem?.seq, seq, `the first bad entry: ${JSON.stringify(r.problem)}`);
      assert.equal(r.problem?.kind, kind, JSON.stringify(r.problem));
      assert.match(r.problem?.reason ?? '', reason);
    }

    it(`a chain of ${N} entries verifies, numbered 1…${N}, each linked to the one before`, async () => {
      const orgId = await chain();
      const r = await report(orgId);
      assert.deepEqual(r, { chain: chainOf(orgId), entries: N, ok: true });
      const rows = await db.query<{ seq: number; prev_mac: Uint8Array; mac: Uint8Array }>(
        'select seq, prev_mac, mac from audit_log where chain = $1 order by seq',
        [chainOf(orgId)],
      );
      assert.deepEqual(
        rows.map((row) => row.seq),
        [1, 2, 3, 4, 5, 6],
      );
      assert.deepEqual([...(rows[0]?.prev_mac ?? [])], new Array(32).fill(0), 'the first entry links to zeros');
      for (let i = 1; i < rows.length; i += 1) assert.deepEqual(Buffer.from(rows[i]?.prev_mac ?? []), Buffer.from(rows[i - 1]?.mac ?? []));
      const [head] = await db.query<{ seq: number }>('select seq from audit_heads where chain = $1', [chainOf(orgId)]);
      assert.equal(head?.seq, N);
    });

    it('verifies every chain when no organisation is named, and an organisation without entries as empty', async () => {
      const a = await chain(2);
      const b = await chain(3);
      const all = await verifyAudit(db, keyring);
      const byChain = new Map(all.map((r) => [r.chain, r]));
      assert.deepEqual(byChain.get(chainOf(a)), { chain: chainOf(a), entries: 2, ok: true });
      assert.deepEqual(byChain.get(chainOf(b)), { chain: chainOf(b), entries: 3, ok: true });
      const none = randomUUID();
      assert.deepEqual(await verifyAudit(db, keyring, none), [{ chain: chainOf(none), entries: 0, ok: true }]);
    });

    // Each field of each entry, changed to another plausible value: found at that entry.
    const changes: Array<[field: string, sql: string, kind: string]> = [
      ['at', "at = at + interval '1 second'", 'mac'],
      ['org_id', `org_id = '${randomUUID()}'`, 'mac'],
      ['actor_id', `actor_id = '${randomUUID()}'`, 'mac'],
      ['actor_kind', "actor_kind = 'operator'", 'mac'],
      ['action', "action = 'client.delete'", 'mac'],
      ['resource_type', "resource_type = 'note'", 'mac'],
      ['resource_id', `resource_id = '${randomUUID()}'`, 'mac'],
      ['outcome', "outcome = case when outcome = 'ok' then 'failed' else 'ok' end", 'mac'],
      ['ip', "ip = '198.51.100.7'", 'mac'],
      ['key_version', 'key_version = key_version + 1', 'key'],
      ['prev_mac', "prev_mac = '\\x00'::bytea || substring(prev_mac from 2) || '\\x01'::bytea", 'link'],
      ['mac', "mac = decode(md5('x'), 'hex') || decode(md5('y'), 'hex')", 'mac'],
    ];
    for (const [field, sql, kind] of changes) {
      it(`a changed ${field} is found, at the entry changed (each of the ${N})`, async () => {
        for (let seq = 1; seq <= N; seq += 1) {
          const orgId = await chain();
          await tamper(db, `update audit_log set ${sql} where chain = $1 and seq = $2`, [chainOf(orgId), seq]);
          await broken(orgId, seq, kind, kind === 'key' ? /key version/ : kind === 'link' ? /link/ : /changed/);
        }
      });
    }

    it('an empty field and a missing one are told apart (null ↔ empty string is a change)', async () => {
      const orgId = await chain(3);
      // entry 2 has no resource id (see event()); entry 1 has no ip
      await tamper(db, "update audit_log set resource_id = '' where chain = $1 and seq = 2", [chainOf(orgId)]);
      await broken(orgId, 2, 'mac', /changed/);
      const other = await chain(3);
      await tamper(db, "update audit_log set ip = '' where chain = $1 and seq = 1", [chainOf(other)]);
      await broken(other, 1, 'mac', /changed/);
    });

    it('an entry removed in the middle is found as missing; renumbering the rest to close the gap breaks the link', async () => {
      const gap = await chain();
      await tamper(db, 'delete from audit_log where chain = $1 and seq = 3', [chainOf(gap)]);
      await broken(gap, 3, 'missing', /entry 3 is missing/);
      const two = await chain();
      await tamper(db, 'delete from audit_log where chain = $1 and seq in (2, 3)', [chainOf(two)]);
      await broken(two, 2, 'missing', /entries 2–3 are missing/);
      const closed = await chain();
      await tamper(db, 'delete from audit_log where chain = $1 and seq = 3', [chainOf(closed)]);
      await tamper(db, 'update audit_log set seq = seq + 1000 where chain = $1 and seq > 3', [chainOf(closed)]);
      await tamper(db, 'update audit_log set seq = seq - 1001 where chain = $1 and seq > 1000', [chainOf(closed)]);
      await broken(closed, 3, 'link', /link/);
    });

    it('the last entries removed are found by the head (the first missing seq)', async () => {
      const orgId = await chain();
      await tamper(db, 'delete from audit_log where chain = $1 and seq > 4', [chainOf(orgId)]);
      await broken(orgId, 5, 'truncated', /removed/);
      const all = await chain(3);
      await tamper(db, 'delete from audit_log where chain = $1', [chainOf(all)]);
      const r = await report(all);
      assert.equal(r.entries, 0);
      assert.deepEqual(r.problem && { seq: r.problem.seq, kind: r.problem.kind }, { seq: 1, kind: 'truncated' });
    });

    it('a chain whose head row was deleted is still verified, and reported', async () => {
      const orgId = await chain(3);
      await db.query('delete from audit_heads where chain = $1', [chainOf(orgId)]);
      await broken(orgId, 4, 'headless', /head/);
      const all = await verifyAudit(db, keyring);
      assert.equal(all.find((r) => r.chain === chainOf(orgId))?.ok, false, 'also when every chain is verified');
    });

    it('a head moved back (entries after it) is found', async () => {
      const orgId = await chain(4);
      await db.query('update audit_heads set seq = 2 where chain = $1', [chainOf(orgId)]);
      await broken(orgId, 3, 'beyond_head', /head/);
    });

    it('a head changed to another MAC is found', async () => {
      const orgId = await chain(3);
      await db.query('update audit_heads set mac = $2 where chain = $1', [chainOf(orgId), randomBytes(32)]);
      await broken(orgId, 3, 'head', /head/);
    });

    it('entries made under an older version of the audit key still verify after a new version is added', async () => {
      const fresh = await engine.create();
      try {
        const ring = new Keyring(new LocalKek(new Uint8Array(randomBytes(32)), 'test'));
        const orgId = randomUUID();
        for (let i = 1; i <= 2; i += 1) await fresh.db.transaction((tx) => appendAudit(tx, { keyring: ring }, event(orgId, i)));
        await fresh.db.query("insert into system_keys (purpose, version, kek_id, wrapped) values ('audit', 2, $1, $2)", [
          ring.kek.id,
          await ring.kek.wrap(new Uint8Array(randomBytes(32)), 'system:audit:v2'),
        ]);
        // A running process keeps the version it has (src/casework/keyring.ts caches system keys per database); a
        // process started after the new version was added (a new keyring over the same KEK) uses the newest.
        const kept = await fresh.db.transaction((tx) => appendAudit(tx, { keyring: ring }, event(orgId, 3)));
        assert.equal(kept.key_version, 1, 'the running process keeps its cached version');
        const restarted = new Keyring(ring.kek);
        const third = await fresh.db.transaction((tx) => appendAudit(tx, { keyring: restarted }, event(orgId, 4)));
        assert.equal(third.key_version, 2, 'new entries use the newest key');
        assert.deepEqual(await verifyAudit(fresh.db, ring, orgId), [{ chain: chainOf(orgId), entries: 4, ok: true }]);
      } finally {
        await fresh.drop();
      }
    });

    it('an inserted entry is found: in the middle (the rest renumbered) and at the end', async () => {
      const middle = await chain();
      await tamper(db, 'update audit_log set seq = seq + 1000 where chain = $1 and seq >= 3', [chainOf(middle)]);
      await tamper(db, 'update audit_log set seq = seq - 999 where chain = $1 and seq > 1000', [chainOf(middle)]);
      // a forged entry 3 that links to entry 2 correctly; without the audit key its MAC cannot be right
      await tamper(
        db,
        `insert into audit_log (chain, seq, at, org_id, actor_id, actor_kind, action, resource_type, resource_id, outcome, ip, key_version, prev_mac, mac)
         select chain, 3, at, org_id, actor_id, actor_kind, 'clients.read', resource_type, resource_id, 'ok', ip, key_version, mac, $2 from audit_log where chain = $1 and seq = 2`,
        [chainOf(middle), randomBytes(32)],
      );
      await db.query('update audit_heads set seq = seq + 1 where chain = $1', [chainOf(middle)]);
      await broken(middle, 3, 'mac', /changed|audit key/);
      const end = await chain();
      await tamper(
        db,
        `insert into audit_log (chain, seq, at, org_id, actor_id, actor_kind, action, resource_type, resource_id, outcome, ip, key_version, prev_mac, mac)
         select chain, seq + 1, at, org_id, actor_id, actor_kind, action, resource_type, resource_id, outcome, ip, key_version, mac, $2 from audit_log where chain = $1 and seq = $3`,
        [chainOf(end), randomBytes(32), N],
      );
      await broken(end, N + 1, 'mac', /changed|audit key/);
    });

    it('two entries swapped are found at the first of them', async () => {
      for (const [i, j] of [
        [2, 3],
        [1, N],
      ] as const) {
        const orgId = await chain();
        await tamper(db, 'update audit_log set seq = 1000 where chain = $1 and seq = $2', [chainOf(orgId), i]);
        await tamper(db, 'update audit_log set seq = $2 where chain = $1 and seq = $3', [chainOf(orgId), i, j]);
        await tamper(db, 'update audit_log set seq = $2 where chain = $1 and seq = 1000', [chainOf(orgId), j]);
        await broken(orgId, i, 'link', /link/);
      }
    });

    it('an entry moved to another organisation’s chain breaks both', async () => {
      const a = await chain(3);
      const b = await chain(3);
      await tamper(db, 'update audit_log set chain = $2, seq = 4 where chain = $1 and seq = 3', [chainOf(a), chainOf(b)]);
      await broken(a, 3, 'truncated', /removed/);
      await broken(b, 4, 'link', /link/);
    });

    it('the table refuses UPDATE, DELETE and TRUNCATE', async () => {
      const orgId = await chain(2);
      for (const sql of ["update audit_log set action = 'clients.read' where chain = $1", 'delete from audit_log where chain = $1', 'truncate audit_log']) {
        await assert.rejects(
          db.transaction((tx) => tx.query(sql, sql.includes('$1') ? [chainOf(orgId)] : [])),
          /append-only/,
          sql,
        );
      }
      assert.deepEqual(await report(orgId), { chain: chainOf(orgId), entries: 2, ok: true }, 'and the chain is as it was');
    });

    it('an entry holds who, what, when, from where and the outcome — no field values', async () => {
      const columns = await db.query<{ column_name: string }>(
        "select column_name from information_schema.columns where table_name = 'audit_log' and table_schema = current_schema() order by ordinal_position",
      );
      assert.deepEqual(
        columns.map((c) => c.column_name),
        COLUMNS,
      );
      // A caller that passes more than the event names (a client's record, say) gets none of it stored.
      const marker = 'Test-Client-Fieldvalue-7c1f';
      const sink = path.join(tempDir('otkaz-audit-values-'), 'audit.jsonl');
      const orgId = randomUUID();
      const withValues = { ...event(orgId, 1), name: marker, record: { name: marker } } as AuditEvent;
      const entry = await db.transaction((tx) => appendAudit(tx, { ...options, sink }, withValues));
      assert.deepEqual(Object.keys(present(entry, 'the entry')).sort(), [...COLUMNS].sort());
      const rows = await db.query('select * from audit_log where chain = $1', [chainOf(orgId)]);
      assert.doesNotMatch(JSON.stringify(rows), new RegExp(marker));
      assert.doesNotMatch(readFileSync(sink, 'utf8'), new RegExp(marker));
    });

    it('an append reads and locks the head only when this process does not know it: one statement otherwise', async () => {
      const fresh = await engine.create();
      try {
        const ring = new Keyring(new LocalKek(new Uint8Array(randomBytes(32)), 'test'));
        const orgId = randomUUID();
        const counted = async (i: number) =>
          fresh.db.transaction(async (tx) => {
            let statements = 0;
            const counting: Queryable = {
              ...(tx.identity ? { identity: tx.identity } : {}),
              query: <T extends object>(sql: string, params?: readonly unknown[]) => {
                statements += 1;
                return tx.query<T>(sql, params);
              },
              exec: (sql) => tx.exec(sql),
              copyCsv: (table, columns, csv) => tx.copyCsv(table, columns, csv),
            };
            await appendAudit(counting, { keyring: ring }, event(orgId, i));
            return statements;
          });
        await counted(1); // the key and the chain are new: the key is read again once committed
        await counted(2);
        assert.equal(await counted(3), 1, 'the key and the head were known: one statement');
        assert.equal(await counted(4), 1);
        // The head moved behind this process's back (as another process's append moves it): the guess fails, the
        // append falls back to the locked read (two more statements), and the chain still verifies.
        await fresh.db.transaction(async (tx) => {
          await tx.query('alter table audit_log disable trigger user');
          await tx.query('delete from audit_log where chain = $1 and seq = 4', [chainOf(orgId)]);
          await tx.query('alter table audit_log enable trigger user');
          await tx.query('update audit_heads set seq = 3, mac = (select mac from audit_log where chain = $1 and seq = 3) where chain = $1', [chainOf(orgId)]);
        });
        assert.equal(await counted(5), 3, 'a wrong guess costs its statement and the two of the locked path');
        assert.equal(await counted(6), 1, 'and the head is known again');
        assert.deepEqual(await verifyAudit(fresh.db, ring, orgId), [{ chain: chainOf(orgId), entries: 5, ok: true }]);
      } finally {
        await fresh.drop();
      }
    });

    it('an append in a transaction that is rolled back leaves no gap: the next one finds the real head', async () => {
      const fresh = await engine.create();
      try {
        const ring = new Keyring(new LocalKek(new Uint8Array(randomBytes(32)), 'test'));
        const orgId = randomUUID();
        for (let i = 1; i <= 2; i += 1) await fresh.db.transaction((tx) => appendAudit(tx, { keyring: ring }, event(orgId, i)));
        await assert.rejects(
          fresh.db.transaction(async (tx) => {
            await appendAudit(tx, { keyring: ring }, event(orgId, 3));
            throw new Error('the command failed after its audit entry');
          }),
          /the command failed/,
        );
        const next = await fresh.db.transaction((tx) => appendAudit(tx, { keyring: ring }, event(orgId, 4)));
        assert.equal(next.seq, 3, 'the rolled-back entry left no gap');
        const last = await fresh.db.transaction((tx) => appendAudit(tx, { keyring: ring }, event(orgId, 5)));
        assert.equal(last.seq, 4);
        assert.deepEqual(await verifyAudit(fresh.db, ring, orgId), [{ chain: chainOf(orgId), entries: 4, ok: true }]);
      } finally {
        await fresh.drop();
      }
    });

    // PGlite has one handle per database; PostgreSQL is the engine several processes share.
    if (engine.name === 'postgres')
      it('two handles on one database (two processes) appending in turn keep one verified chain', async () => {
        const fresh = await engine.create();
        try {
          const other = await openDatabase({ kind: 'postgres', url: present(fresh.url, 'the database URL') });
          try {
            const ring = new Keyring(new LocalKek(new Uint8Array(randomBytes(32)), 'test'));
            const orgId = randomUUID();
            const seqs: number[] = [];
            for (let i = 1; i <= 8; i += 1) {
              const db = i % 3 === 0 ? other : fresh.db;
              seqs.push((await db.transaction((tx) => appendAudit(tx, { keyring: ring }, event(orgId, i)))).seq);
            }
            assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6, 7, 8]);
            assert.deepEqual(await verifyAudit(fresh.db, ring, orgId), [{ chain: chainOf(orgId), entries: 8, ok: true }]);
          } finally {
            await other.close();
          }
        } finally {
          await fresh.drop();
        }
      });

    it('20 appends in parallel transactions keep one gap-free chain (also when the chain and the key are new)', async () => {
      const fresh = await engine.create();
      try {
        const ring = new Keyring(new LocalKek(new Uint8Array(randomBytes(32)), 'test'));
        const orgId = randomUUID();
        const entries = await Promise.all(
          Array.from({ length: 20 }, (_, i) => fresh.db.transaction((tx: Queryable) => appendAudit(tx, { keyring: ring }, event(orgId, i)))),
        );
        assert.deepEqual(
          entries.map((e) => e.seq).sort((x, y) => x - y),
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
        assert.deepEqual(await verifyAudit(fresh.db, ring, orgId), [{ chain: chainOf(orgId), entries: 20, ok: true }]);
        const keys = await fresh.db.query<{ n: number }>("select count(*)::int as n from system_keys where purpose = 'audit'");
        assert.equal(keys[0]?.n, 1, 'one audit key');
      } finally {
        await fresh.drop();
      }
    });

    it('the sink file gets one JSON line per entry, as stored, mode 0600', async () => {
      const sink = path.join(tempDir('otkaz-audit-sink-'), 'audit.jsonl');
      const orgId = await chain(3, { sink });
      assert.equal(statSync(sink).mode & 0o777, 0o600);
      const lines = readFileSync(sink, 'utf8').trimEnd().split('\n');
      assert.equal(lines.length, 3);
      const stored = await db.query<{ seq: number; action: string; mac: Uint8Array; prev_mac: Uint8Array }>(
        'select seq, action, mac, prev_mac from audit_log where chain = $1 order by seq',
        [chainOf(orgId)],
      );
      lines.forEach((line, i) => {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        const row = stored[i];
        assert.ok(row);
        assert.deepEqual(Object.keys(parsed).sort(), [...COLUMNS].sort());
        assert.equal(parsed.chain, chainOf(orgId));
        assert.equal(parsed.seq, row.seq);
        assert.equal(parsed.action, row.action);
        assert.equal(parsed.mac, Buffer.from(row.mac).toString('hex'));
        assert.equal(parsed.prev_mac, Buffer.from(row.prev_mac).toString('hex'));
      });
    });

    it('a sink file that already exists readable by others is made private', async () => {
      const sink = path.join(tempDir('otkaz-audit-sink-open-'), 'audit.jsonl');
      writeFileSync(sink, '');
      chmodSync(sink, 0o644);
      await chain(1, { sink });
      assert.equal(statSync(sink).mode & 0o777, 0o600);
      assert.equal(readFileSync(sink, 'utf8').trimEnd().split('\n').length, 1);
    });

    it('a sink that cannot be written is a coded error naming it, and the entry is not committed', async () => {
      const sink = path.join(tempDir('otkaz-audit-sink-missing-'), 'no-such-folder', 'audit.jsonl');
      const orgId = randomUUID();
      await assert.rejects(
        db.transaction((tx) => appendAudit(tx, { ...options, sink }, event(orgId, 1))),
        (error: unknown) => error instanceof OtkazError && error.code === ErrorCode.ConfigInvalid && error.message.includes(sink),
      );
      assert.deepEqual(await db.query('select seq from audit_log where chain = $1', [chainOf(orgId)]), []);
    });
  });
}
