// The server's interval reminder sender, end to end: a server started with OTKAZ_REMINDER_INTERVAL, its timer driven
// by hand (test/helpers/scheduler.ts) and its clock injected — no test waits on the wall clock — and a local SMTP
// server. One SYNTHETIC client file: a BAMF rejection as manifestly unfounded served Friday 2026-03-20 → last day
// Friday 2026-03-27 (+ 1 week, a working day in Berlin); with OTKAZ_REMINDER_DAYS 3 the "before" reminder is due from
// Tuesday 24 March, the "due" one on the 27th. The member reads Russian.
//
// It checks: the timer is set at the interval; the first tick, while the mailbox refuses, logs a coded error (no
// address, name or rule) and records nothing; the next tick sends it; later ticks and a restarted server send it
// no more; on the day, with the SMTP server down, the tick fails the same way and the one after it — the server
// back — sends the "due" reminder.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addApplication } from '../../src/casework/applications.ts';
import { insertClient } from '../../src/casework/clients.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { loadConfig } from '../../src/config/config.ts';
import { kekFromEnvironment } from '../../src/crypto/kek.ts';
import { openDatabase } from '../../src/db/open.ts';
import { loadProcedures } from '../../src/procedures/load.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { HandScheduler } from '../helpers/scheduler.ts';
import { type LocalSmtp, localSmtp } from '../helpers/smtp.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const EMAIL = 'lawyer@server-reminders.test';
const FAMILY = 'Remindova';
const RULE = 'de.bamf.offensichtlich-unbegruendet';

/** The reminder sender's log lines (the server's option `reminderLog`); `take()` returns and clears them. */
function logLines() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    sink: { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) },
    take: () => ({ out: out.splice(0), err: err.splice(0) }),
  };
}

describe('the server’s interval reminder sender', () => {
  const dataDir = tempDir('otkaz-serve-reminders-');
  const kek = randomBytes(32).toString('base64');
  let smtp: LocalSmtp;
  let smtpPort = 0;
  let clientId = '';
  let orgId = '';
  let clock = new Date('2026-03-24T07:00:00Z'); // 08:00 in Berlin, Tuesday 24 March
  let server: RunningServer | null = null;
  const log = logLines();
  /** One tick; the lines it logged. */
  const tick = async (scheduler: HandScheduler) => {
    await scheduler.fire();
    return log.take();
  };

  const config = () =>
    loadConfig({
      OTKAZ_DATA_DIR: dataDir,
      PORT: '0',
      OTKAZ_KEK: kek,
      OTKAZ_LOG_LEVEL: 'warn',
      OTKAZ_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      OTKAZ_MAIL_FROM: 'otkaz <deadlines@server-reminders.test>',
      OTKAZ_TIME_ZONE: 'Europe/Berlin',
      OTKAZ_REMINDER_INTERVAL: '15',
    });
  /** A server on the data folder with a hand-driven scheduler and clock. */
  const start = async (): Promise<HandScheduler> => {
    const scheduler = new HandScheduler();
    server = await startServer(config(), { now: () => clock, scheduler, reminderLog: log.sink });
    await server.ready;
    return scheduler;
  };
  const stop = async () => {
    await server?.stop();
    server = null;
  };

  before(async () => {
    smtp = await localSmtp();
    smtpPort = Number(new URL(smtp.url).port);
    const keyring = new Keyring(kekFromEnvironment(kek));
    orgId = randomUUID();
    const userId = randomUUID();
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'statistics');
    try {
      clientId = await db.transaction(async (tx) => {
        await tx.query(`insert into organisations (id, slug, name, synthetic) values ($1, 'test-serve-reminders', 'Test (SYNTHETIC)', true)`, [orgId]);
        await keyring.createOrgKey(tx, orgId);
        await tx.query(`insert into users (id, org_id, email, role, locale) values ($1, $2, $3, 'lawyer', 'ru')`, [userId, orgId, EMAIL]);
        const id = await insertClient(tx, keyring, orgId, {
          record: {
            person: { names: [{ script: 'latin', family: FAMILY, given: 'Synthetic' }], languages: [] },
            documents: [],
            criminalCases: [],
            consent: { shareWithinOrganisation: false, referralTo: [] },
          },
          createdBy: userId,
          synthetic: true,
        });
        await addApplication(
          tx,
          keyring,
          loadProcedures(),
          orgId,
          id,
          {
            destination: 'DE',
            procedure: 'de.asylum',
            region: 'DE-BE',
            steps: [{ stage: 'bamf', outcome: 'rejected_manifestly_unfounded', servedOn: '2026-03-20' }],
          },
          clock,
        );
        return id;
      });
    } finally {
      await db.close();
    }
  });
  after(async () => {
    await stop();
    await smtp?.close();
  });

  it('runs on its interval, sends each reminder once (a restart too), and survives a refusal and an outage', async () => {
    let scheduler = await start();
    // One timer, at OTKAZ_REMINDER_INTERVAL (15 minutes); nothing is sent before it ticks.
    assert.deepEqual(
      scheduler.timers.map((t) => t.ms),
      [15 * 60_000],
    );
    assert.equal(smtp.inbox.length, 0);

    // Tick 1: the mailbox refuses. A coded error on standard error, no personal data; nothing recorded.
    smtp.refuse.add(EMAIL);
    const refused = await tick(scheduler);
    assert.equal(refused.err.length, 1);
    assert.match(
      refused.err[0] ?? '',
      /^otkaz: error \[reminders\.send_failed\]: 1 of 1 reminder\(s\) not sent \(E[A-Z]+\); they are tried again at the next run$/,
    );
    assert.deepEqual(refused.out, []);
    for (const secret of [EMAIL, FAMILY, RULE, clientId.slice(0, 8)]) assert.ok(!refused.err.join('\n').includes(secret), secret);
    assert.equal(smtp.inbox.length, 0);

    // Tick 2, the mailbox accepts again: sent — the sender kept running after the failure.
    smtp.refuse.clear();
    assert.deepEqual(await tick(scheduler), { out: ['reminders: 1 sent'], err: [] });
    assert.equal(smtp.inbox.length, 1);
    assert.deepEqual(smtp.inbox[0]?.to, [EMAIL]);
    assert.match(smtp.inbox[0]?.mail.subject ?? '', /^Срок через 3 дня: /);

    // Tick 3, the same day: nothing more, and nothing logged.
    assert.deepEqual(await tick(scheduler), { out: [], err: [] });
    assert.equal(smtp.inbox.length, 1);

    // A restart: the new server's first tick finds it sent.
    await stop();
    scheduler = await start();
    assert.equal(scheduler.timers.length, 1);
    assert.deepEqual(await tick(scheduler), { out: [], err: [] });
    assert.equal(smtp.inbox.length, 1, 'no second e-mail after a restart');

    // Friday 27 March, the last day, with the SMTP server down: the tick fails by its code and records nothing…
    clock = new Date('2026-03-27T06:30:00Z');
    await smtp.close();
    const down = await tick(scheduler);
    assert.equal(down.err.length, 1);
    assert.match(
      down.err[0] ?? '',
      /^otkaz: error \[reminders\.send_failed\]: 1 of 1 reminder\(s\) not sent \(E[A-Z]+\); they are tried again at the next run$/,
    );
    assert.ok(!down.err[0]?.includes(EMAIL) && !down.err[0]?.includes('127.0.0.1'), down.err[0]);
    // …and once it is back (the same address), the next tick sends the "due" reminder, once.
    smtp = await localSmtp(smtpPort);
    assert.deepEqual(await tick(scheduler), { out: ['reminders: 1 sent'], err: [] });
    assert.deepEqual(await tick(scheduler), { out: [], err: [] });
    assert.equal(smtp.inbox.length, 1);
    assert.match(smtp.inbox[0]?.mail.subject ?? '', /^Срок сегодня: /);

    // Stopped: the timer is cancelled. Recorded: two reminders (before, due) for one member, nothing else.
    await stop();
    assert.ok(scheduler.timers.every((t) => t.cancelled));
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    try {
      const rows = await db.query<{ kind: string }>('select kind from deadline_reminders where org_id = $1 order by kind', [orgId]);
      assert.deepEqual(
        rows.map((r) => r.kind),
        ['before', 'due'],
      );
    } finally {
      await db.close();
    }
  });

  it('sets no timer when reminders are off (interval 0, the default, even with an SMTP server)', async () => {
    const base = { OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_KEK: kek, OTKAZ_LOG_LEVEL: 'warn' };
    const smtpSet = { OTKAZ_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OTKAZ_MAIL_FROM: 'otkaz <deadlines@server-reminders.test>' };
    for (const env of [{ ...smtpSet, OTKAZ_REMINDER_INTERVAL: '0' }, smtpSet, {}]) {
      const scheduler = new HandScheduler();
      const s = await startServer(loadConfig({ ...base, ...env }), { now: () => clock, scheduler, reminderLog: log.sink });
      await s.ready;
      await s.stop();
      assert.equal(scheduler.timers.length, 0, JSON.stringify(env));
    }
  });
});
