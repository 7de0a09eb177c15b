/**
 * Every error the application raises on purpose carries a stable code, so the CLI, the API and the logs
 * can name what went wrong without parsing messages. Each module declares its own codes here; a switch
 * over `ErrorCode` must stay exhaustive (see `exitCodeFor`).
 */
export const ErrorCode = {
  ConfigInvalid: 'config.invalid',
  DataDirUnsafe: 'config.data_dir_unsafe',
  DbConnect: 'db.connect',
  DbMigration: 'db.migration',
  InputNotFound: 'input.not_found',
  InputInvalid: 'input.invalid',
  /** The actor may not do this (src/ops/policy.ts). */
  AccessDenied: 'access.denied',
  WarcInvalid: 'archive.warc_invalid',
  WarcRevisitUnresolved: 'archive.revisit_unresolved',
  /** A WACZ that uses what otkaz does not read: another major version, a hash algorithm, encryption, a compression. */
  WaczUnsupported: 'archive.wacz_unsupported',
  /** A .wacz that is not a WACZ: not a zip, no datapackage.json, a resource missing, names repeated, too large. */
  WaczInvalid: 'archive.wacz_invalid',
  /** A file of a WACZ whose bytes do not match the hash or size its datapackage.json gives (nothing of it is ingested). */
  WaczMismatch: 'archive.wacz_mismatch',
  ArchiveMismatch: 'archive.mismatch',
  /** The time-stamping authority could not be reached, or answered with an HTTP error (src/courts/archive/stamp.ts). */
  TimestampFetch: 'archive.timestamp_fetch',
  /** The time-stamping authority refused the request (its PKIStatus and failure bits are named). */
  TimestampRefused: 'archive.timestamp_refused',
  /** The answer, or a stored token, is not a readable RFC 3161 time-stamp response or token. */
  TimestampInvalid: 'archive.timestamp_invalid',
  /** A token that covers something else: another imprint, another nonce, another hash algorithm. */
  TimestampMismatch: 'archive.timestamp_mismatch',
  /** A capture's stamp does not verify: its proof does not lead to the stamped root, or the token's signature fails. */
  StampUnverified: 'archive.stamp_unverified',
  /** No Chromium to render an evidence packet's PDFs: none at OTKAZ_CHROMIUM or the usual paths, or it did not start. */
  BrowserMissing: 'evidence.browser_missing',
  /** A capture could not be rendered to PDF (the capture is named). */
  RenderFailed: 'evidence.render_failed',
  IngestParse: 'ingest.parse_failed',
  IngestStore: 'ingest.store_failed',
  IngestArchive: 'ingest.archive_failed',
  IngestIncomplete: 'ingest.incomplete',
  DirectoryInvalid: 'courts.directory_invalid',
  Usage: 'cli.usage',
  StatsFormat: 'stats.format_unknown',
  StatsParse: 'stats.parse',
  StatsUnknownCode: 'stats.unknown_code',
  StatsDuplicate: 'stats.duplicate',
  StatsFetch: 'stats.fetch',
  StatsQuery: 'stats.query',
  ClaimsInvalid: 'stats.claims_invalid',
  GuidanceInvalid: 'guidance.invalid',
  GuidanceRoute: 'guidance.route',
  /** A deadline rule file of assets/deadlines/ does not validate (the file and the field are named). */
  DeadlineRulesInvalid: 'deadlines.rules_invalid',
  /** A deadline cannot be computed from this input: unknown rule, bad date, dates in the wrong order, a late legal-aid request. */
  DeadlineInput: 'deadlines.input',
  /** A request or input is larger than a bound of src/shared/limits.ts (too many items, bytes, keys, depth). */
  LimitExceeded: 'limits.exceeded',
  /** Work ran past its time budget and was stopped (src/shared/limits.ts). */
  TimeBudget: 'limits.time_budget',
  /** A ciphertext failed authentication: tampered, swapped between rows, or under another key (src/crypto). */
  CryptoInvalid: 'crypto.invalid',
  /** A key the data needs is not available: the key-encryption key is missing or wrong, or the key was erased. */
  KeyUnavailable: 'crypto.key_unavailable',
  /** Sign-in failed: unknown account, wrong password or code (one message for all, so accounts cannot be probed). */
  AuthFailed: 'auth.failed',
  /** The account is locked after too many failed attempts, or disabled. */
  AuthLocked: 'auth.locked',
  /** Too many sign-in attempts from one address in a short time (src/accounts/rate-limit.ts). */
  AuthThrottled: 'auth.rate_limited',
  /** A session is required, or it ended (idle or absolute time-out, sign-out, password change). */
  AuthRequired: 'auth.required',
  /** A state-changing request without the session's CSRF token. */
  CsrfInvalid: 'auth.csrf',
  /** A change made on an older revision of a record than the stored one (nothing was overwritten). */
  Conflict: 'casework.conflict',
  /** The audit chain does not verify: an entry was changed, removed or inserted. */
  AuditBroken: 'audit.broken',
  /** Deadline reminders were not sent (the SMTP server refused or could not be reached): tried again at the next run. */
  ReminderSend: 'reminders.send_failed',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class OtkazError extends Error {
  readonly code: ErrorCode;
  /** Where the problem is: a file, line, URL, setting name. Never personal data. */
  readonly where: string | undefined;
  /**
   * What a program needs to act on the error without reading the message (e.g. a deadline refusal's `reason`,
   * `field` and `refusal`): members of the API's problem answer. Never personal data.
   */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(code: ErrorCode, message: string, options: { where?: string; cause?: unknown; details?: Readonly<Record<string, unknown>> } = {}) {
    super(options.where ? `${message} (${options.where})` : message, { cause: options.cause });
    this.name = 'OtkazError';
    this.code = code;
    this.where = options.where;
    this.details = options.details;
  }
}

/**
 * Process exit status per error code: 2 = the caller's input, 3 = environment, 4 = data integrity,
 * 5 = an ingest that finished but could not take some records (each one is listed).
 */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.Usage:
    case ErrorCode.InputNotFound:
    case ErrorCode.InputInvalid:
    case ErrorCode.AccessDenied:
    case ErrorCode.WarcInvalid:
    case ErrorCode.WarcRevisitUnresolved:
    case ErrorCode.WaczUnsupported:
    case ErrorCode.WaczInvalid:
    case ErrorCode.ConfigInvalid:
    case ErrorCode.StatsFormat:
    case ErrorCode.StatsParse:
    case ErrorCode.StatsUnknownCode:
    case ErrorCode.StatsDuplicate:
    case ErrorCode.StatsQuery:
    case ErrorCode.ClaimsInvalid:
    case ErrorCode.GuidanceRoute:
    case ErrorCode.DeadlineInput:
    case ErrorCode.IngestParse:
    case ErrorCode.IngestStore:
    case ErrorCode.IngestArchive:
    case ErrorCode.LimitExceeded:
    case ErrorCode.AuthFailed:
    case ErrorCode.AuthLocked:
    case ErrorCode.AuthThrottled:
    case ErrorCode.AuthRequired:
    case ErrorCode.CsrfInvalid:
    case ErrorCode.Conflict:
      return 2;
    case ErrorCode.DataDirUnsafe:
    case ErrorCode.TimeBudget:
    case ErrorCode.DbConnect:
    case ErrorCode.DbMigration:
    case ErrorCode.DirectoryInvalid:
    case ErrorCode.StatsFetch:
    case ErrorCode.GuidanceInvalid:
    case ErrorCode.DeadlineRulesInvalid:
    case ErrorCode.KeyUnavailable:
    case ErrorCode.ReminderSend:
    case ErrorCode.TimestampFetch:
    case ErrorCode.TimestampRefused:
    case ErrorCode.BrowserMissing:
    case ErrorCode.RenderFailed:
      return 3;
    case ErrorCode.ArchiveMismatch:
    case ErrorCode.WaczMismatch:
    case ErrorCode.CryptoInvalid:
    case ErrorCode.AuditBroken:
    case ErrorCode.TimestampInvalid:
    case ErrorCode.TimestampMismatch:
    case ErrorCode.StampUnverified:
      return 4;
    case ErrorCode.IngestIncomplete:
      return 5;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
