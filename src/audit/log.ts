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
 * the end is detected too — unless audit_heads was changed to match, which only a second copy can show. The table
 * refuses UPDATE, DELETE and TRUNCATE (a trigger in migration 009; its owner can switch it off, the MACs remain).
 *
 * A copy of every entry can also go to a sink (a JSON-lines file of mode 0600, OTKAZ_AUDIT_SINK): written when the
 * entry is, inside the caller's transaction, so the sink may also hold entries of transactions that were rolled back
 * (a seq can then appear twice there, the later line the one the database kept). A sink that cannot be written fails
 * the append, and with it the transaction: nothing is done unaudited.
 */

import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fchmodSync, fstatSync, openSync, writeSync } from 'node:fs';
import type { Keyring } from '../casework/keyring.ts';
import type { Queryable } from '../db/database.ts';
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import type { AuditAction } from './actions.ts';

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
  /** resource.verb, e.g. 'clients.read', 'auth.login', 'org.export' (src/audit/actions.ts lists them all) */
  readonly action: AuditAction;
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
  /**
   * Benchmark baseline only (bench/casework.bench.ts): false makes appendAudit write nothing. Set only in code — no
   * setting, environment variable or option of the application reaches it; absent (the default): every entry is written.
   */
  readonly record?: false;
}

const ZERO = new Uint8Array(32);

export const chainOf = (orgId: string | null): string => (orgId ? `org:${orgId}` : 'system');

function actorId(actor: AuditActor): string | null {
  return actor.userId ?? null;
}

/** A field absent (null): a length no field can have, so that null and '' differ. */
const NULL_FIELD = 0xffff_ffff;

/** The fields an entry's MAC covers, in their order — also the order of the insert's first twelve columns. */
const SIGNED_FIELDS = [
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
] as const satisfies ReadonlyArray<keyof AuditEntry>;

/** The entry's fields in a fixed order, each length-prefixed (null told from ''): what the MAC covers. */
function canonical(entry: Omit<AuditEntry, 'mac' | 'prev_mac'>): Buffer {
  const fields = SIGNED_FIELDS.map((name) => {
    const value = entry[name];
    return typeof value === 'number' ? String(value) : value;
  });
  return Buffer.concat(
    fields.flatMap((field) => {
      const length = Buffer.alloc(4);
      if (field === null) {
        length.writeUInt32BE(NULL_FIELD);
        return [length];
      }
      const bytes = Buffer.from(field, 'utf8');
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

function macOf(key: Uint8Array, prev: Uint8Array, entry: Omit<AuditEntry, 'mac' | 'prev_mac'>): Uint8Array {
  return new Uint8Array(createHmac('sha256', key).update(prev).update(canonical(entry)).digest());
}

/**
 * Appends one entry to its chain, inside the caller's transaction (the chain's head row is locked until it ends).
 * Returns the entry; null only under `record: false` (the benchmark's baseline), where nothing is written.
 */
export async function appendAudit(tx: Queryable, options: AuditOptions & { readonly record?: undefined }, event: AuditEvent): Promise<AuditEntry>;
export async function appendAudit(tx: Queryable, options: AuditOptions, event: AuditEvent): Promise<AuditEntry | null>;
export async function appendAudit(tx: Queryable, options: AuditOptions, event: AuditEvent): Promise<AuditEntry | null> {
  if (options.record === false) return null;
  const { version, key } = await options.keyring.systemKey(tx, 'audit');
  const chain = chainOf(event.orgId);
  const at = (options.now?.() ?? new Date()).toISOString();
  const entryOf = (head: { seq: number; mac: Uint8Array }): AuditEntry => {
    const body: Omit<AuditEntry, 'mac' | 'prev_mac'> = {
      chain,
      seq: head.seq + 1,
      at,
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
    return { ...body, prev_mac: head.mac, mac: macOf(key, head.mac, body) };
  };
  const heads = tx.identity ? knownHeads(tx.identity) : null;
  const known = heads?.get(chain);
  let entry: AuditEntry | null = null;
  if (known) {
    // The head this process wrote last, if it is still the chain's head: one statement moves the head (taking its row
    // lock) only if it still is, and inserts the entry only if the head moved. Anything else — another process or
    // transaction appended meanwhile, or the transaction that wrote `known` was rolled back — moves nothing and
    // falls through to reading the head under its lock.
    const guess = entryOf(known);
    const moved = await tx.query<{ n: number }>(
      `with head as (
         update audit_heads set seq = $2, mac = $14 where chain = $1 and seq = $2 - 1 and mac = $13 returning chain),
       entry as (
         insert into audit_log (chain, seq, at, org_id, actor_id, actor_kind, action, resource_type, resource_id, outcome, ip, key_version, prev_mac, mac)
         select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 from head
         returning seq)
       select count(*)::int as n from entry`,
      entryParameters(guess),
    );
    if (moved[0]?.n === 1) entry = guess;
  }
  if (!entry) {
    // The chain's head, created when missing, and locked until the transaction ends (one statement: the no-op update
    // takes the row lock and returns the stored values).
    const locked = await tx.query<{ seq: number; mac: Uint8Array }>(
      'insert into audit_heads (chain, seq, mac) values ($1, 0, $2) on conflict (chain) do update set chain = excluded.chain returning seq, mac',
      [chain, ZERO],
    );
    const head = locked[0] ?? { seq: 0, mac: ZERO };
    entry = entryOf({ seq: Number(head.seq), mac: head.mac });
    // The entry and the chain's new head in one statement (a data-modifying CTE: both or neither).
    await tx.query(
      `with entry as (
         insert into audit_log (chain, seq, at, org_id, actor_id, actor_kind, action, resource_type, resource_id, outcome, ip, key_version, prev_mac, mac)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         returning chain, seq, mac)
       update audit_heads h set seq = entry.seq, mac = entry.mac from entry where h.chain = entry.chain`,
      entryParameters(entry),
    );
  }
  heads?.set(chain, { seq: entry.seq, mac: entry.mac });
  if (options.sink) writeSink(options.sink, entry);
  return entry;
}

/**
 * The head each chain had after this process's last append, per database (Queryable.identity): a guess that saves
 * reading and locking the head (src/audit/log.ts, appendAudit), never trusted — the append that uses it checks it in
 * the same statement.
 */
const HEADS = new WeakMap<object, Map<string, { seq: number; mac: Uint8Array }>>();

function knownHeads(identity: object): Map<string, { seq: number; mac: Uint8Array }> {
  let heads = HEADS.get(identity);
  if (!heads) {
    heads = new Map();
    HEADS.set(identity, heads);
  }
  return heads;
}

function entryParameters(entry: AuditEntry): unknown[] {
  return [...SIGNED_FIELDS.map((name) => entry[name]), entry.prev_mac, entry.mac];
}

/** Appends the entry to the sink file as one JSON line (bytes as hex); the file is made, or kept, private (0600). */
function writeSink(sink: string, entry: AuditEntry): void {
  const { prev_mac, mac, ...rest } = entry;
  const line = `${JSON.stringify({ ...rest, prev_mac: Buffer.from(prev_mac).toString('hex'), mac: Buffer.from(mac).toString('hex') })}\n`;
  let fd: number | null = null;
  try {
    fd = openSync(sink, 'a', 0o600);
    // A file made beforehand (touch) may be readable by others: the entries name who did what, from where.
    if ((fstatSync(fd).mode & 0o077) !== 0) fchmodSync(fd, 0o600);
    writeSync(fd, line);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? 'error';
    throw new OtkazError(ErrorCode.ConfigInvalid, `the audit sink cannot be written (${reason}); nothing was done`, {
      where: `OTKAZ_AUDIT_SINK=${sink}`,
      cause,
    });
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Why a chain does not verify (the first problem found, walking it from entry 1):
 *  - missing:     a gap in the numbering: entries were removed;
 *  - link:        an entry does not link to the one before it: entries before it were removed, inserted or reordered;
 *  - mac:         an entry's MAC does not match its content: changed, or written without the audit key;
 *  - key:         an entry names a version of the audit key this installation does not have;
 *  - truncated:   the chain ends before its head: entries were removed from the end;
 *  - beyond_head: entries go on after the head: the head was moved back, or entries were added without it;
 *  - head:        the head does not match the last entry;
 *  - headless:    entries without a head row: the head was deleted, so removals at the end could not be detected.
 */
export const CHAIN_PROBLEM_KINDS = ['missing', 'link', 'mac', 'key', 'truncated', 'beyond_head', 'head', 'headless'] as const;
export type ChainProblemKind = (typeof CHAIN_PROBLEM_KINDS)[number];

export interface ChainProblem {
  /** The first entry that does not verify (for a chain cut short, the first one missing). */
  seq: number;
  kind: ChainProblemKind;
  reason: string;
}

export interface ChainReport {
  chain: string;
  entries: number;
  ok: boolean;
  /** The first entry that does not verify, and why. */
  problem?: ChainProblem;
}

/** Entries are read in pages of this many (a chain may be long). */
const PAGE = 2000;

/** Every version of the audit key this installation can unwrap (entries name the version they were made with). */
async function auditKeys(db: Queryable, keyring: Keyring): Promise<Map<number, Uint8Array>> {
  const current = await keyring.systemKey(db, 'audit');
  const keys = new Map<number, Uint8Array>([[current.version, current.key]]);
  const others = await db.query<{ version: number; kek_id: string; wrapped: Uint8Array }>(
    "select version, kek_id, wrapped from system_keys where purpose = 'audit' and version <> $1",
    [current.version],
  );
  for (const row of others) {
    if (row.kek_id !== keyring.kek.id) continue; // its entries are reported ('key')
    try {
      keys.set(row.version, await keyring.kek.unwrap(row.wrapped, `system:audit:v${row.version}`));
    } catch {
      // likewise: reported at the first entry made with it
    }
  }
  return keys;
}

/**
 * Recomputes every chain (or one organisation's: a report of 0 entries when it has none): a changed, removed,
 * inserted or reordered entry is found, and a chain cut short at its end while its head is intact. Chains are the
 * union of the heads and the entries, so deleting a head does not hide its chain.
 */
export async function verifyAudit(db: Queryable, keyring: Keyring, orgId?: string): Promise<ChainReport[]> {
  const keys = await auditKeys(db, keyring);
  const chains = orgId
    ? [chainOf(orgId)]
    : (await db.query<{ chain: string }>('select chain from audit_heads union select chain from audit_log order by chain')).map((row) => row.chain);
  const reports: ChainReport[] = [];
  for (const chain of chains) reports.push(await verifyChain(db, keys, chain));
  return reports;
}

async function verifyChain(db: Queryable, keys: ReadonlyMap<number, Uint8Array>, chain: string): Promise<ChainReport> {
  const [headRow] = await db.query<{ seq: number; mac: Uint8Array }>('select seq, mac from audit_heads where chain = $1', [chain]);
  const head = headRow ? { seq: Number(headRow.seq), mac: headRow.mac } : null;
  let prev: Uint8Array = ZERO;
  let expected = 1;
  let problem: ChainProblem | undefined;
  walk: for (;;) {
    const rows = await db.query<AuditEntry>('select * from audit_log where chain = $1 and seq >= $2 order by seq limit $3', [chain, expected, PAGE]);
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected) {
        const reason = seq - 1 === expected ? `entry ${expected} is missing` : `entries ${expected}–${seq - 1} are missing`;
        problem = { seq: expected, kind: 'missing', reason };
        break walk;
      }
      const { mac, prev_mac, ...body } = row;
      if (!equal(prev_mac, prev)) {
        problem = { seq, kind: 'link', reason: 'its link to the previous entry does not match: entries before it were removed, inserted or reordered' };
        break walk;
      }
      const version = Number(body.key_version);
      const key = keys.get(version);
      if (!key) {
        problem = { seq, kind: 'key', reason: `it names audit key version ${version}, which this installation does not have` };
        break walk;
      }
      const recomputed = macOf(key, prev, { ...body, seq, at: new Date(body.at).toISOString(), key_version: version });
      if (!equal(mac, recomputed)) {
        problem = { seq, kind: 'mac', reason: 'its content does not match its MAC: it was changed, or written without the audit key' };
        break walk;
      }
      if (head && seq > head.seq) {
        problem = {
          seq,
          kind: 'beyond_head',
          reason: `the chain's head says it ends at entry ${head.seq}: the head was moved back, or entries were added without it`,
        };
        break walk;
      }
      prev = mac;
      expected += 1;
    }
    if (rows.length < PAGE) break;
  }
  const last = expected - 1;
  const [count] = await db.query<{ n: number }>('select count(*)::int as n from audit_log where chain = $1', [chain]);
  const entries = count?.n ?? 0;
  if (!problem && !head && entries > 0)
    problem = { seq: last + 1, kind: 'headless', reason: 'the chain has no head row (deleted?): entries removed from its end could not be detected' };
  if (!problem && head && head.seq !== last)
    problem = { seq: last + 1, kind: 'truncated', reason: `the chain ends at entry ${last} but its head says ${head.seq}: entries were removed from the end` };
  if (!problem && head && !equal(head.mac, prev)) problem = { seq: last, kind: 'head', reason: `the head does not match entry ${last}: the head was changed` };
  return { chain, entries, ok: !problem, ...(problem ? { problem } : {}) };
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
