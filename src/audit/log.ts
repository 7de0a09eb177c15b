/**
 * The audit log: append-only and hash-chained. Every read and change of client data, every sign-in attempt,
 * export, referral and refused access is one entry: who (actor kind and id), what (action, resource type and id),
 * when, from where (address), the outcome — never a field's value.
 *
 * One chain per organisation ('org:<uuid>') and one for the installation ('system'). Each entry carries
 *   mac = HMAC-SHA256(audit key, prev_mac ‖ canonical(entry))
 * where the audit key is a system key wrapped by the key-encryption key (src/casework/keyring.ts): whoever can
 * write to the database, but does not hold the KEK, cannot forge a replacement for a changed or removed entry.
 * `verifyAudit` recomputes every chain; audit_heads holds each chain's last seq and mac, so removing entries from
 * the end is detected too. The table refuses UPDATE, DELETE and TRUNCATE (a trigger in migration 009). A copy of
 * every entry can also go to a sink (a JSON-lines file, OTKAZ_AUDIT_SINK).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { Keyring } from '../casework/keyring.ts';
import type { Queryable } from '../db/database.ts';

export type AuditOutcome = 'ok' | 'refused' | 'failed';

/** Who acted, as the log keeps it (an Actor of src/ops/actor.ts fits): its kind, and the user's id for a member. */
export interface AuditActor {
  readonly kind: string;
  readonly userId?: string;
}

export interface AuditEvent {
  /** The organisation whose data or member it concerns; null: the installation (e.g. a failed sign-in of nobody). */
  readonly orgId: string | null;
  readonly actor: AuditActor;
  /** resource.verb, e.g. 'client.read', 'auth.login', 'org.export' */
  readonly action: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly outcome: AuditOutcome;
  readonly ip?: string | null;
}

export interface AuditEntry {
  chain: string;
  seq: number;
  at: string;
  org_id: string | null;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  key_version: number;
  prev_mac: Uint8Array;
  mac: Uint8Array;
}

export interface AuditOptions {
  readonly keyring: Keyring;
  /** A JSON-lines file every entry is appended to as well. */
  readonly sink?: string;
  readonly now?: () => Date;
}

const ZERO = new Uint8Array(32);

export const chainOf = (orgId: string | null): string => (orgId ? `org:${orgId}` : 'system');

function actorId(actor: AuditActor): string | null {
  return actor.userId ?? null;
}

/** The entry's fields in a fixed order, each length-prefixed: what the MAC covers. */
function canonical(entry: Omit<AuditEntry, 'mac' | 'prev_mac'>): Buffer {
  const fields = [
    entry.chain,
    String(entry.seq),
    entry.at,
    entry.org_id ?? '',
    entry.actor_id ?? '',
    entry.actor_kind,
    entry.action,
    entry.resource_type ?? '',
    entry.resource_id ?? '',
    entry.outcome,
    entry.ip ?? '',
    String(entry.key_version),
  ];
  return Buffer.concat(
    fields.flatMap((field) => {
      const bytes = Buffer.from(field, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

function macOf(key: Uint8Array, prev: Uint8Array, entry: Omit<AuditEntry, 'mac' | 'prev_mac'>): Uint8Array {
  return new Uint8Array(createHmac('sha256', key).update(prev).update(canonical(entry)).digest());
}

/** Appends one entry to its chain, inside the caller's transaction (the chain's head row is locked until it ends). */
export async function appendAudit(tx: Queryable, options: AuditOptions, event: AuditEvent): Promise<AuditEntry> {
  const { version, key } = await options.keyring.systemKey(tx, 'audit');
  const chain = chainOf(event.orgId);
  await tx.query('insert into audit_heads (chain, seq, mac) values ($1, 0, $2) on conflict (chain) do nothing', [chain, ZERO]);
  const heads = await tx.query<{ seq: number; mac: Uint8Array }>('select seq, mac from audit_heads where chain = $1 for update', [chain]);
  const head = heads[0] ?? { seq: 0, mac: ZERO };
  const body: Omit<AuditEntry, 'mac' | 'prev_mac'> = {
    chain,
    seq: Number(head.seq) + 1,
    at: (options.now?.() ?? new Date()).toISOString(),
    org_id: event.orgId,
    actor_id: actorId(event.actor),
    actor_kind: event.actor.kind,
    action: event.action,
    resource_type: event.resourceType ?? null,
    resource_id: event.resourceId ?? null,
    outcome: event.outcome,
    ip: event.ip ?? null,
    key_version: version,
  };
  const mac = macOf(key, head.mac, body);
  const entry: AuditEntry = { ...body, prev_mac: head.mac, mac };
  await tx.query(
    `insert into audit_log (chain, seq, at, org_id, actor_id, actor_kind, action, resource_type, resource_id, outcome, ip, key_version, prev_mac, mac)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      entry.chain,
      entry.seq,
      entry.at,
      entry.org_id,
      entry.actor_id,
      entry.actor_kind,
      entry.action,
      entry.resource_type,
      entry.resource_id,
      entry.outcome,
      entry.ip,
      entry.key_version,
      entry.prev_mac,
      entry.mac,
    ],
  );
  await tx.query('update audit_heads set seq = $2, mac = $3 where chain = $1', [chain, entry.seq, mac]);
  if (options.sink) {
    const { prev_mac, mac: own, ...rest } = entry;
    appendFileSync(options.sink, `${JSON.stringify({ ...rest, prev_mac: Buffer.from(prev_mac).toString('hex'), mac: Buffer.from(own).toString('hex') })}\n`, {
      mode: 0o600,
    });
  }
  return entry;
}

export interface ChainReport {
  chain: string;
  entries: number;
  ok: boolean;
  /** The first entry that does not verify, and why. */
  problem?: { seq: number; reason: string };
}

/** Recomputes every chain (or one organisation's): a changed, removed, inserted or reordered entry is found. */
export async function verifyAudit(db: Queryable, keyring: Keyring, orgId?: string): Promise<ChainReport[]> {
  const { key } = await keyring.systemKey(db, 'audit');
  const heads = await db.query<{ chain: string; seq: number; mac: Uint8Array }>(
    orgId ? 'select chain, seq, mac from audit_heads where chain = $1' : 'select chain, seq, mac from audit_heads order by chain',
    orgId ? [chainOf(orgId)] : [],
  );
  const reports: ChainReport[] = [];
  for (const head of heads) {
    const rows = await db.query<AuditEntry>('select * from audit_log where chain = $1 order by seq', [head.chain]);
    let prev: Uint8Array = ZERO;
    let expected = 1;
    let problem: ChainReport['problem'];
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected) {
        problem = { seq: expected, reason: seq > expected ? `entries ${expected}–${seq - 1} are missing` : `entry ${seq} appears twice` };
        break;
      }
      const { mac, prev_mac, ...body } = row;
      const at = new Date(body.at).toISOString();
      const recomputed = macOf(key, prev, { ...body, seq, at, key_version: Number(body.key_version) });
      if (!equal(prev_mac, prev)) {
        problem = { seq, reason: 'its link to the previous entry does not match' };
        break;
      }
      if (!equal(mac, recomputed)) {
        problem = { seq, reason: 'its content was changed' };
        break;
      }
      prev = mac;
      expected += 1;
    }
    if (!problem && (Number(head.seq) !== expected - 1 || !equal(head.mac, prev))) {
      problem = { seq: expected, reason: `the chain ends at entry ${expected - 1} but its head says ${head.seq}: entries were removed` };
    }
    reports.push({ chain: head.chain, entries: rows.length, ok: !problem, ...(problem ? { problem } : {}) });
  }
  return reports;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
