/**
 * The server's reminder sender: every OTKAZ_REMINDER_INTERVAL minutes, one run of the reminders due
 * (src/agenda/reminders.ts). What keeps it safe to run often:
 *
 * - one run at a time: a tick while a run is still going (a slow SMTP server) is skipped, not queued;
 * - nothing twice: each reminder sent is recorded in the transaction that sends it (deadline_reminders), so a
 *   second run, another process or a restarted server finds it sent;
 * - a failure never stops it: a reminder the SMTP server refused, or a run that failed as a whole, is logged as a
 *   coded error — the code of the failure only, never the server's text (it may quote an address), a name or a
 *   rule — and is tried again at the next tick (a failed send leaves no record).
 *
 * The clock and the timer are injected: the server passes `setInterval`; a test drives the ticks by hand.
 */
import { ErrorCode, OtkazError } from '../shared/errors.ts';
import { failureCode } from './mailer.ts';
import type { ReminderReport } from './reminders.ts';

/**
 * What runs a task every so often: `setInterval` in the server (unref'd: it keeps no process alive), a test's own.
 * The task's promise never rejects; a test's scheduler may await it to know the run is done.
 */
export interface Scheduler {
  every(ms: number, task: () => Promise<void>): { cancel(): void };
}

export const timerScheduler: Scheduler = {
  every(ms, task) {
    const timer = setInterval(() => void task(), ms);
    timer.unref();
    return { cancel: () => clearInterval(timer) };
  },
};

export interface ReminderSchedule {
  /** One run now, unless one is going (then: that one). Never rejects. */
  tick(): Promise<void>;
  /** No more ticks; settles when the run in progress, if any, is done. */
  stop(): Promise<void>;
}

export interface ReminderScheduleOptions {
  /** Minutes between runs; 0: never (no timer is set). */
  readonly everyMinutes: number;
  /** One run: the reminders due now, sent (the caller opens and closes the SMTP connection). */
  readonly run: () => Promise<ReminderReport>;
  readonly scheduler?: Scheduler;
  /** A line for the log of what was done (standard output), and one for errors (standard error). */
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** The code to log for a run that failed as a whole: the coded error's code, a system or SMTP code, else the error's kind. */
function runFailure(error: unknown): string {
  if (error instanceof OtkazError) return error.code;
  const code = failureCode(error);
  if (code !== 'ESEND') return code;
  return error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'Error';
}

export function reminderSchedule(options: ReminderScheduleOptions): ReminderSchedule {
  const { out, err } = options;
  let current: Promise<void> | null = null;
  let stopped = false;

  const once = async () => {
    try {
      const report = await options.run();
      const sent = report.reminders.filter((r) => r.state === 'sent').length;
      const failed = report.reminders.filter((r) => r.state === 'failed');
      if (sent) out(`reminders: ${sent} sent`);
      if (failed.length) {
        const codes = [...new Set(failed.map((f) => f.failure ?? 'ESEND'))].sort().join(', ');
        err(
          `otkaz: error [${ErrorCode.ReminderSend}]: ${failed.length} of ${sent + failed.length} reminder(s) not sent (${codes}); they are tried again at the next run`,
        );
      }
    } catch (error) {
      err(`otkaz: error [${ErrorCode.ReminderSend}]: the reminder run failed (${runFailure(error)}); it is tried again at the next run`);
    }
  };

  const tick = () => {
    if (stopped) return Promise.resolve();
    current ??= once().finally(() => {
      current = null;
    });
    return current;
  };

  const timer = options.everyMinutes > 0 ? (options.scheduler ?? timerScheduler).every(options.everyMinutes * 60_000, tick) : null;

  return {
    tick,
    async stop() {
      stopped = true;
      timer?.cancel();
      await current;
    },
  };
}
