// The reminder sender's schedule (src/agenda/schedule.ts) with a scheduler driven by hand — no timer, no waiting
// on the wall clock: one timer at the configured interval (none when off), one run per tick and never two at once,
// a failed run or a refused reminder logged by its code only and tried again at the next tick, nothing after stop.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReminderLine, ReminderReport } from '../../src/agenda/reminders.ts';
import { reminderSchedule } from '../../src/agenda/schedule.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { HandScheduler } from '../helpers/scheduler.ts';

const ADDRESS = 'lawyer@schedule.test';

function line(state: ReminderLine['state'], failure: string | null = null): ReminderLine {
  return { orgId: 'o', userId: 'u', fileRef: '1a2b3c4d', rule: 'de.bamf.klage', due: '2026-03-27', kind: 'before', language: 'en', state, failure };
}
const report = (...reminders: ReminderLine[]): ReminderReport => ({ today: '2026-03-24', dryRun: false, organisations: 1, deadlines: 1, reminders });

function logs() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, sink: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('the reminder schedule', () => {
  it('one timer at the interval in milliseconds; none when the interval is 0', async () => {
    const scheduler = new HandScheduler();
    const { sink } = logs();
    const schedule = reminderSchedule({ everyMinutes: 15, scheduler, run: async () => report(), ...sink });
    assert.deepEqual(
      scheduler.timers.map((t) => t.ms),
      [15 * 60_000],
    );
    await schedule.stop();
    const off = new HandScheduler();
    let runs = 0;
    const never = reminderSchedule({
      everyMinutes: 0,
      scheduler: off,
      run: async () => {
        runs += 1;
        return report();
      },
      ...sink,
    });
    assert.equal(off.timers.length, 0);
    await off.fire();
    assert.equal(runs, 0);
    await never.stop();
  });

  it('each tick is one run; a tick while a run is going is skipped, not queued', async () => {
    const scheduler = new HandScheduler();
    const { out, sink } = logs();
    let runs = 0;
    let release: () => void = () => undefined;
    const schedule = reminderSchedule({
      everyMinutes: 5,
      scheduler,
      run: async () => {
        runs += 1;
        if (runs === 2) await new Promise<void>((resolve) => (release = resolve));
        return report(line('sent'));
      },
      ...sink,
    });
    await scheduler.fire();
    assert.equal(runs, 1);
    assert.deepEqual(out, ['reminders: 1 sent']);
    const slow = scheduler.fire(); // run 2 waits (a slow SMTP server)
    const overlapping = scheduler.fire(); // a tick meanwhile: the same run, no third one
    await Promise.resolve();
    assert.equal(runs, 2);
    release();
    await Promise.all([slow, overlapping]);
    assert.equal(runs, 2);
    await scheduler.fire();
    assert.equal(runs, 3);
    await schedule.stop();
  });

  it('a refused reminder and a failed run are logged by their code only, and the next tick runs again', async () => {
    const scheduler = new HandScheduler();
    const { out, err, sink } = logs();
    const outcomes: Array<() => ReminderReport> = [
      () => report(line('sent'), line('failed', 'EENVELOPE'), line('failed', 'EENVELOPE')),
      () => {
        // The SMTP library's message quotes the address: it must never reach the log.
        throw Object.assign(new Error(`connect ECONNREFUSED while sending to ${ADDRESS}`), { code: 'ECONNECTION' });
      },
      () => {
        throw new OtkazError(ErrorCode.DbConnect, `database unreachable for ${ADDRESS}`);
      },
      () => {
        throw new TypeError(`cannot read ${ADDRESS}`);
      },
      () => report(line('already_sent'), line('sent'), line('sent')),
    ];
    let runs = 0;
    const schedule = reminderSchedule({
      everyMinutes: 15,
      scheduler,
      run: async () => {
        const next = outcomes[runs];
        runs += 1;
        assert.ok(next);
        return next();
      },
      ...sink,
    });
    for (let i = 0; i < outcomes.length; i += 1) await scheduler.fire();
    assert.equal(runs, outcomes.length, 'every tick ran, failures or not');
    assert.deepEqual(err, [
      'otkaz: error [reminders.send_failed]: 2 of 3 reminder(s) not sent (EENVELOPE); they are tried again at the next run',
      'otkaz: error [reminders.send_failed]: the reminder run failed (ECONNECTION); it is tried again at the next run',
      'otkaz: error [reminders.send_failed]: the reminder run failed (db.connect); it is tried again at the next run',
      'otkaz: error [reminders.send_failed]: the reminder run failed (TypeError); it is tried again at the next run',
    ]);
    assert.deepEqual(out, ['reminders: 1 sent', 'reminders: 2 sent']);
    for (const l of [...out, ...err]) assert.ok(!l.includes(ADDRESS) && !l.includes('de.bamf') && !l.includes('1a2b3c4d'), l);
    await schedule.stop();
  });

  it('stop cancels the timer and waits for the run in progress; no run after it', async () => {
    const scheduler = new HandScheduler();
    const { sink } = logs();
    let runs = 0;
    let finished = false;
    let release: () => void = () => undefined;
    const schedule = reminderSchedule({
      everyMinutes: 15,
      scheduler,
      run: async () => {
        runs += 1;
        await new Promise<void>((resolve) => (release = resolve));
        finished = true;
        return report();
      },
      ...sink,
    });
    const running = scheduler.fire();
    await Promise.resolve();
    const stopped = schedule.stop();
    assert.equal(scheduler.timers[0]?.cancelled, true);
    let settled = false;
    void stopped.then(() => (settled = true));
    await Promise.resolve();
    assert.equal(settled, false, 'stop waits for the run');
    release();
    await stopped;
    await running;
    assert.equal(finished, true);
    await schedule.tick();
    assert.equal(runs, 1);
  });
});
