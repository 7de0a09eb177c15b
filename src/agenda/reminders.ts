/**
 * Deadline reminders by e-mail: for every open client file with a dated deadline not yet met, the members it
 * belongs to (the worker who opened it and the workers it is shared with by name — those who may read its
 * applications) get one e-mail `reminderDays` before the last day and one on the day, in their own language
 * (users.locale). A run that missed days still sends the "before" one while the last day is ahead; past the last
 * day none is sent (the overview lists it as overdue).
 *
 * Never twice: each reminder sent is one row of deadline_reminders, named by a keyed digest (HMAC under the system
 * key 'reminders', derived per organisation) of the deadline and its due date — a corrected date is a new deadline
 * and is reminded again. The row is written in the transaction that sends: a failed send leaves no row (and is
 * tried again on the next run); two runs at once wait on the row's key, and the second finds it.
 *
 * Each organisation's run reads its client data, so it is one entry of its audit chain (actor: system).
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { type AuditOptions, appendAudit } from '../audit/log.ts';
import type { Keyring } from '../casework/keyring.ts';
import type { Database, Queryable } from '../db/database.ts';
import { daysBetween, type PlainDate } from '../deadlines/dates.ts';
import type { ProcedureCatalogue } from '../procedures/load.ts';
import { type AgendaEntry, loadAgenda } from './load.ts';
import { failureCode, type Mailer } from './mailer.ts';
import { type Language, type ReminderKind, reminderMessage } from './messages.ts';

export interface ReminderOptions {
  readonly today: PlainDate;
  /** Days ahead the first reminder goes out. */
  readonly days: number;
  /** Plan only: nothing is sent or recorded. */
  readonly dryRun: boolean;
  readonly publicUrl: string | undefined;
}

export const REMINDER_STATES = ['sent', 'would_send', 'already_sent', 'failed'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** One reminder of the run, as reported: ids, the rule and the date — no name, no address. */
export interface ReminderLine {
  readonly orgId: string;
  readonly userId: string;
  readonly fileRef: string;
  readonly rule: string | null;
  readonly due: PlainDate;
  readonly kind: ReminderKind;
  readonly language: Language;
  readonly state: ReminderState;
  /** A failed send: the error's code. */
  readonly failure: string | null;
}

export interface ReminderReport {
  readonly today: PlainDate;
  readonly dryRun: boolean;
  readonly organisations: number;
  readonly deadlines: number;
  readonly reminders: ReminderLine[];
}

const WORKER_ROLES = ['org_admin', 'lawyer', 'caseworker'];

/** Which reminder is due today for a deadline, if any. */
export function reminderKindOn(due: PlainDate, today: PlainDate, days: number): ReminderKind | null {
  const left = daysBetween(today, due);
  if (left === 0) return 'due';
  if (left > 0 && left <= days) return 'before';
  return null;
}

async function reminderKey(db: Queryable, keyring: Keyring, orgId: string): Promise<Uint8Array> {
  const { key } = await keyring.systemKey(db, 'reminders');
  return new Uint8Array(hkdfSync('sha256', key, Buffer.from(orgId, 'utf8'), Buffer.from('otkaz/reminders/v1', 'utf8'), 32));
}

export function reminderDigest(key: Uint8Array, entry: Pick<AgendaEntry, 'key'>, due: PlainDate): Uint8Array {
  return new Uint8Array(createHmac('sha256', key).update(`${entry.key}\u0000${due}`, 'utf8').digest());
}

interface Recipient {
  client_id: string;
  user_id: string;
  email: string;
  locale: Language;
}

/** The members each open file's reminders go to: its opener and the workers it is shared with, if active. */
async function recipients(db: Queryable, orgId: string): Promise<Map<string, Recipient[]>> {
  const rows = await db.query<Recipient>(
    `select c.id as client_id, u.id as user_id, u.email, u.locale
       from clients c
       join users u on u.org_id = c.org_id and u.disabled_at is null and u.role = any($2::text[])
      where c.org_id = $1 and c.status = 'open'
        and (u.id = c.created_by or exists (select 1 from client_shares s where s.org_id = c.org_id and s.client_id = c.id and s.user_id = u.id))
      order by c.id, u.id`,
    [orgId, WORKER_ROLES],
  );
  const out = new Map<string, Recipient[]>();
  for (const row of rows) out.set(row.client_id, [...(out.get(row.client_id) ?? []), row]);
  return out;
}

export interface ReminderServices {
  readonly db: Database;
  readonly keyring: Keyring;
  readonly audit: AuditOptions;
  readonly catalogue: ProcedureCatalogue;
  /** Null: plan only (a dry run needs none). */
  readonly mailer: Mailer | null;
  readonly now: () => Date;
}

export async function sendReminders(services: ReminderServices, options: ReminderOptions): Promise<ReminderReport> {
  const { db, keyring, audit, catalogue, mailer, now } = services;
  if (!options.dryRun && !mailer) throw new Error('sendReminders: a mailer is needed unless dryRun');
  const orgs = await db.query<{ id: string }>('select id from organisations where erased_at is null order by id');
  const lines: ReminderLine[] = [];
  let deadlines = 0;
  for (const { id: orgId } of orgs) {
    const { entries, byClient, key } = await db.transaction(async (tx) => {
      const entries = await loadAgenda(tx, keyring, catalogue, orgId, { withNames: false });
      const byClient = await recipients(tx, orgId);
      const key = await reminderKey(tx, keyring, orgId);
      if (entries.length)
        await appendAudit(tx, audit, {
          orgId,
          actor: { kind: 'system' },
          action: options.dryRun ? 'reminders.plan' : 'reminders.send',
          resourceType: 'organisation',
          resourceId: orgId,
          outcome: 'ok',
          ip: null,
        });
      return { entries, byClient, key };
    });
    for (const entry of entries) {
      if (entry.status !== 'due' || !entry.due || entry.done) continue;
      const kind = reminderKindOn(entry.due, options.today, options.days);
      if (!kind) continue;
      deadlines += 1;
      const digest = reminderDigest(key, entry, entry.due);
      for (const to of byClient.get(entry.clientId) ?? []) {
        const line = { orgId, userId: to.user_id, fileRef: entry.fileRef, rule: entry.rule, due: entry.due, kind, language: to.locale, failure: null };
        if (options.dryRun || !mailer) {
          const seen = await db.query('select 1 from deadline_reminders where org_id = $1 and user_id = $2 and digest = $3 and kind = $4', [
            orgId,
            to.user_id,
            digest,
            kind,
          ]);
          lines.push({ ...line, state: seen.length ? 'already_sent' : 'would_send' });
          continue;
        }
        try {
          const state = await db.transaction(async (tx) => {
            const claimed = await tx.query(
              'insert into deadline_reminders (org_id, user_id, digest, kind, sent_at) values ($1, $2, $3, $4, $5) on conflict do nothing returning kind',
              [orgId, to.user_id, digest, kind, now().toISOString()],
            );
            if (!claimed.length) return 'already_sent' as const;
            const message = reminderMessage(entry, kind, daysBetween(options.today, entry.due as PlainDate), to.locale, options.publicUrl);
            await mailer.send({ to: to.email, ...message, language: to.locale });
            return 'sent' as const;
          });
          lines.push({ ...line, state });
        } catch (error) {
          lines.push({ ...line, state: 'failed', failure: failureCode(error) });
        }
      }
    }
  }
  return { today: options.today, dryRun: options.dryRun, organisations: orgs.length, deadlines, reminders: lines };
}
