import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ErrorCode, OtkazError } from '../shared/errors.ts';

/**
 * The one validated configuration. Sources, later ones winning: defaults, an optional JSON config file
 * (`OTKAZ_CONFIG`, or `otkaz.config.json` in the working directory), environment variables.
 * Bad values stop the process with a message that names the setting.
 */
/** A yes/no setting: a JSON boolean, or `true`/`false`/`1`/`0` in the environment. */
const flag = z
  .preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }))
  .transform((v) => v === 'true' || v === '1');

const ConfigSchema = z
  .object({
    dataDir: z.string().min(1),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    personKey: z.string().min(16, 'must be at least 16 characters').optional(),
    /** A file holding the name-hash key, best outside the data folder (default: person.key inside it). */
    personKeyFile: z.string().min(1).optional(),
    host: z.string().min(1),
    port: z.coerce.number().int().min(0).max(65535),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']),
    /** Who runs the crawl and how to reach them (e-mail or URL): sent in the User-Agent of every request. */
    crawlContact: z.string().min(5, 'must name a way to reach the operator (e-mail or URL)').optional(),
    /** Bearer token for operations that change data (crawl, captcha answers, imports). Unset: operations off. */
    operatorToken: z.string().min(24, 'must be at least 24 characters').optional(),
    /** Set to make read-only data private: reads then need this token (or the operator token). */
    readToken: z.string().min(24, 'must be at least 24 characters').optional(),
    /** Requests per minute per client address; 0 turns rate limiting off. */
    rateLimit: z.coerce.number().int().min(0),
    /**
     * Raw captures and archive exports (WARC) are evidence: they hold full names. Off (default): they need the read
     * or operator token; on: as open as other reads. The public always has the redacted rendering of a capture.
     */
    publicEvidence: flag,
    /**
     * The key-encryption key of the case files (32 random bytes), kept outside the data folder. Default:
     * $XDG_CONFIG_HOME/otkaz/kek (~/.config/otkaz/kek), created on first start. `kek` (OTKAZ_KEK, base64) wins.
     */
    kekFile: z.string().min(1).optional(),
    kek: z.string().min(40, 'must be 32 bytes in base64').optional(),
    /** Where a copy of every audit entry is also written (JSON lines, appended); unset: the database only. */
    auditSink: z.string().min(1).optional(),
    /** The deployment is served over HTTPS (e.g. behind a TLS proxy): only then send HSTS and upgrade-insecure-requests. */
    https: flag,
    /**
     * Deadline reminders by e-mail (src/agenda): the SMTP server, as a URL (smtp://user:password@host:587, or
     * smtps://… for TLS from the start). Unset (default): no e-mail is sent.
     */
    smtpUrl: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    /** The sender of the reminders, e.g. "otkaz <deadlines@example.org>"; required with smtpUrl. */
    mailFrom: z.string().min(3).max(300).optional(),
    /** Days before a deadline its first reminder is sent (a second one goes on the day itself). */
    reminderDays: z.coerce.number().int().min(1).max(60),
    /** Minutes between the server's reminder runs; 0 (default): the server sends none (run `otkaz reminders send`). */
    reminderInterval: z.coerce.number().int().min(0).max(10080),
    /** The address the web app is reached at (https://…), for links in reminders and calendar entries; unset: no links. */
    publicUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    /** The time zone "today" is taken in for deadlines (overdue, due this week, reminders), e.g. Europe/Berlin. */
    timeZone: z.string().refine(validTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin'),
    /**
     * The embedded engine's shared buffers (PostgreSQL's shared_buffers, e.g. 16MB). Unset: PostgreSQL's 128MB.
     * Every start zeroes them: 16MB starts in about half the CPU (the tests use it), 128MB keeps more pages in memory.
     */
    /**
     * The time-stamping authority (RFC 3161) that `otkaz archive stamp` asks for trusted time stamps: its URL (http://
     * or https://). Unset: no stamps. Only a qualified TSA's stamp carries eIDAS's legal presumption (article 41).
     */
    tsaUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    /** The TSA's CA certificate(s), PEM: what `otkaz archive verify-stamp` checks a token's signature against. */
    tsaCaFile: z.string().min(1).optional(),
    /** The Chromium that renders an evidence packet's PDFs. Unset: /usr/bin/chromium (or another usual path) if present. */
    chromium: z.string().min(1).optional(),
    pgliteSharedBuffers: z
      .string()
      .regex(/^[1-9]\d{0,6}(kB|MB|GB)$/, 'must be a size such as 16MB (kB, MB or GB)')
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

const ENV_KEYS: Record<keyof Config, string> = {
  dataDir: 'OTKAZ_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  personKey: 'OTKAZ_PERSON_KEY',
  personKeyFile: 'OTKAZ_PERSON_KEY_FILE',
  host: 'HOST',
  port: 'PORT',
  logLevel: 'OTKAZ_LOG_LEVEL',
  crawlContact: 'OTKAZ_CRAWL_CONTACT',
  operatorToken: 'OTKAZ_OPERATOR_TOKEN',
  readToken: 'OTKAZ_READ_TOKEN',
  rateLimit: 'OTKAZ_RATE_LIMIT',
  publicEvidence: 'OTKAZ_PUBLIC_EVIDENCE',
  https: 'OTKAZ_HTTPS',
  kekFile: 'OTKAZ_KEK_FILE',
  kek: 'OTKAZ_KEK',
  auditSink: 'OTKAZ_AUDIT_SINK',
  smtpUrl: 'OTKAZ_SMTP_URL',
  mailFrom: 'OTKAZ_MAIL_FROM',
  reminderDays: 'OTKAZ_REMINDER_DAYS',
  reminderInterval: 'OTKAZ_REMINDER_INTERVAL',
  publicUrl: 'OTKAZ_PUBLIC_URL',
  timeZone: 'OTKAZ_TIME_ZONE',
  pgliteSharedBuffers: 'OTKAZ_PGLITE_SHARED_BUFFERS',
  tsaUrl: 'OTKAZ_TSA_URL',
  tsaCaFile: 'OTKAZ_TSA_CA_FILE',
  chromium: 'OTKAZ_CHROMIUM',
};

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const defaults: Record<string, unknown> = {
    dataDir: './data',
    host: '127.0.0.1',
    port: 8080,
    logLevel: 'info',
    rateLimit: 3000,
    publicEvidence: false,
    https: false,
    reminderDays: 3,
    reminderInterval: 0,
    timeZone: 'UTC',
  };
  const explicitFile = env.OTKAZ_CONFIG;
  const file = explicitFile ?? path.join(cwd, 'otkaz.config.json');
  let fromFile: Record<string, unknown> = {};
  if (explicitFile !== undefined || existsSync(file)) {
    if (!existsSync(file)) {
      throw new OtkazError(ErrorCode.ConfigInvalid, 'config file not found', { where: `OTKAZ_CONFIG=${file}` });
    }
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      fromFile = parsed as Record<string, unknown>;
    } catch (cause) {
      throw new OtkazError(ErrorCode.ConfigInvalid, `config file is not a valid JSON object: ${(cause as Error).message}`, {
        where: file,
        cause,
      });
    }
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const result = ConfigSchema.superRefine((c, ctx) => {
    if (c.smtpUrl && !c.mailFrom) ctx.addIssue({ code: 'custom', path: ['mailFrom'], message: 'required with OTKAZ_SMTP_URL: the sender of the reminders' });
    if (c.reminderInterval > 0 && !c.smtpUrl)
      ctx.addIssue({ code: 'custom', path: ['reminderInterval'], message: 'reminders on an interval need OTKAZ_SMTP_URL' });
  }).safeParse({ ...defaults, ...fromFile, ...fromEnv });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const source = key in fromEnv ? `environment variable ${ENV_KEYS[key as keyof Config]}` : key in fromFile ? `${file}: "${key}"` : key || 'config';
      return `${source}: ${issue.message}`;
    });
    throw new OtkazError(ErrorCode.ConfigInvalid, `invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const { personKeyFile, kekFile, auditSink, tsaCaFile, chromium, ...rest } = result.data;
  return {
    ...rest,
    dataDir: path.resolve(cwd, result.data.dataDir),
    ...(personKeyFile ? { personKeyFile: path.resolve(cwd, personKeyFile) } : {}),
    kekFile: path.resolve(cwd, kekFile ?? defaultKekFile(env)),
    ...(auditSink ? { auditSink: path.resolve(cwd, auditSink) } : {}),
    ...(tsaCaFile ? { tsaCaFile: path.resolve(cwd, tsaCaFile) } : {}),
    ...(chromium ? { chromium: path.resolve(cwd, chromium) } : {}),
  };
}

/** The default place of the key-encryption key: the user's configuration folder, never the data folder. */
export function defaultKekFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(env.HOME ?? homedir(), '.config');
  return path.join(base, 'otkaz', 'kek');
}
