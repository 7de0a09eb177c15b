/**
 * `reminders.send`: e-mails the reminders due today (src/agenda/reminders.ts) through the configured SMTP server,
 * or with `dryRun` only says which it would send. The installation's own work: the command line (`otkaz reminders
 * send`), or the server on an interval (OTKAZ_REMINDER_INTERVAL). The report names members by id and files by
 * their short reference — no name, no address.
 */
import { z } from 'zod';
import { smtpMailer } from '../../agenda/mailer.ts';
import { LANGUAGES, REMINDER_KINDS } from '../../agenda/messages.ts';
import { REMINDER_STATES, sendReminders } from '../../agenda/reminders.ts';
import { todayIn } from '../../agenda/today.ts';
import { defineOperation } from '../../ops/operation.ts';
import { deadlinePolicy } from '../../policies/deadlines.ts';
import { loadProcedures } from '../../procedures/load.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { isoDate } from '../../shared/validation.ts';

const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1')
  .default(false);

export const remindersOperation = defineOperation({
  name: 'reminders.send',
  summary: 'Send the deadline reminders due today by e-mail (dryRun: only list them)',
  input: z
    .object({
      dryRun: flag.describe('list the reminders due, send and record nothing'),
      today: isoDate.optional().describe('the day to send for (default: today in OTKAZ_TIME_ZONE), e.g. to catch up a missed run'),
    })
    .strict(),
  output: z.object({
    today: z.string(),
    dryRun: z.boolean(),
    organisations: z.number().int().describe('organisations looked at (every one not erased), not only those with a reminder'),
    deadlines: z.number().int().describe('deadlines with a reminder due today'),
    reminders: z.array(
      z.object({
        orgId: z.string(),
        userId: z.string(),
        fileRef: z.string(),
        rule: z.string().nullable(),
        due: z.string(),
        kind: z.enum(REMINDER_KINDS),
        language: z.enum(LANGUAGES),
        state: z.enum(REMINDER_STATES),
        failure: z.string().nullable(),
      }),
    ),
  }),
  policy: deadlinePolicy.remind,
  surfaces: { api: 'the installation’s scheduled work: `otkaz reminders send`, or the server’s interval (OTKAZ_REMINDER_INTERVAL)', cli: true },
  table: {
    fileName: 'reminders.csv',
    columns: ['orgId', 'userId', 'fileRef', 'rule', 'due', 'kind', 'language', 'state', 'failure'],
    rows: (r) => r.reminders,
  },
  async run(ctx, { dryRun, today }) {
    const { smtpUrl, mailFrom } = ctx.config;
    if (!dryRun && !(smtpUrl && mailFrom))
      throw new OtkazError(ErrorCode.ConfigInvalid, 'reminders are off: set OTKAZ_SMTP_URL and OTKAZ_MAIL_FROM (or use --dry-run)', {
        where: 'OTKAZ_SMTP_URL',
      });
    const mailer = !dryRun && smtpUrl && mailFrom ? smtpMailer(smtpUrl, mailFrom) : null;
    try {
      return await sendReminders(
        { db: ctx.db, keyring: ctx.casework.keyring, audit: ctx.casework.audit, catalogue: loadProcedures(), mailer, now: ctx.casework.now },
        { today: today ?? todayIn(ctx.config.timeZone, ctx.casework.now()), days: ctx.config.reminderDays, dryRun, publicUrl: ctx.config.publicUrl },
      );
    } finally {
      mailer?.close();
    }
  },
});
