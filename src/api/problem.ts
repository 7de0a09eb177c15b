/**
 * Errors as RFC 9457 problem details (application/problem+json) with stable codes. Every code maps to exactly
 * one HTTP status (exhaustive switch); domain errors (OtkazError) map by their own code.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { type ErrorCode as DomainCode, ErrorCode } from '../shared/errors.ts';

export const ApiCode = {
  Validation: 'api.validation',
  NotFound: 'api.not_found',
  MethodNotAllowed: 'api.method_not_allowed',
  RequestTimeout: 'api.request_timeout',
  UriTooLong: 'api.uri_too_long',
  UnsupportedMediaType: 'api.unsupported_media_type',
  HeadersTooLarge: 'api.headers_too_large',
  Unauthorized: 'api.unauthorized',
  Forbidden: 'api.forbidden',
  OperationsDisabled: 'api.operations_disabled',
  RateLimited: 'api.rate_limited',
  PayloadTooLarge: 'api.payload_too_large',
  Internal: 'api.internal',
} as const;
export type ApiCode = (typeof ApiCode)[keyof typeof ApiCode];

export function statusOf(code: ApiCode): number {
  switch (code) {
    case ApiCode.Validation:
      return 400;
    case ApiCode.Unauthorized:
      return 401;
    case ApiCode.Forbidden:
    case ApiCode.OperationsDisabled:
      return 403;
    case ApiCode.NotFound:
      return 404;
    case ApiCode.MethodNotAllowed:
      return 405;
    case ApiCode.RequestTimeout:
      return 408;
    case ApiCode.UriTooLong:
      return 414;
    case ApiCode.UnsupportedMediaType:
      return 415;
    case ApiCode.HeadersTooLarge:
      return 431;
    case ApiCode.PayloadTooLarge:
      return 413;
    case ApiCode.RateLimited:
      return 429;
    case ApiCode.Internal:
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** HTTP status for a domain error: the caller's input is 400 (404 when something named is missing), the rest 500/503. */
export function statusOfDomain(code: DomainCode): number {
  switch (code) {
    case ErrorCode.InputNotFound:
      return 404;
    case ErrorCode.AccessDenied:
    case ErrorCode.CsrfInvalid:
      return 403;
    case ErrorCode.AuthFailed:
    case ErrorCode.AuthRequired:
      return 401;
    case ErrorCode.AuthLocked:
      return 423;
    case ErrorCode.AuthThrottled:
      return 429;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.Usage:
    case ErrorCode.InputInvalid:
    case ErrorCode.WarcInvalid:
    case ErrorCode.WarcRevisitUnresolved:
    case ErrorCode.WaczUnsupported:
    case ErrorCode.WaczInvalid:
    case ErrorCode.WaczMismatch:
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
    case ErrorCode.IngestIncomplete:
      return 400;
    case ErrorCode.LimitExceeded:
      return 413;
    case ErrorCode.TimeBudget:
    case ErrorCode.StatsFetch:
    case ErrorCode.TimestampFetch:
    case ErrorCode.TimestampRefused:
    case ErrorCode.BrowserMissing:
    case ErrorCode.RenderFailed:
    case ErrorCode.DbConnect:
      return 503;
    case ErrorCode.ConfigInvalid:
    case ErrorCode.DataDirUnsafe:
    case ErrorCode.DbMigration:
    case ErrorCode.DirectoryInvalid:
    case ErrorCode.ArchiveMismatch:
    case ErrorCode.TimestampInvalid:
    case ErrorCode.TimestampMismatch:
    case ErrorCode.StampUnverified:
    case ErrorCode.GuidanceInvalid:
    case ErrorCode.DeadlineRulesInvalid:
    case ErrorCode.CryptoInvalid:
    case ErrorCode.AuditBroken:
      return 500;
    case ErrorCode.KeyUnavailable:
    case ErrorCode.ReminderSend:
      return 503;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/**
 * One refused value of a request's validation (api.validation), as data for a client to word in its own language:
 * where (`in` the body, query or path parameters, at `path`), zod's issue `code`, the English `message` (as in
 * `detail`), and the code's parameters — only ones the schema defines (bounds, the accepted values, the format, a
 * `reason` of the project's own checks), never a value of the request (an unrecognised key only when plainly not
 * personal, as in `detail`), and `missing` when the value was not sent at all.
 */
export interface ValidationIssue {
  in: string;
  path: (string | number)[];
  code: string;
  message: string;
  expected?: string;
  origin?: string;
  minimum?: number | string;
  maximum?: number | string;
  inclusive?: boolean;
  exact?: boolean;
  format?: string;
  values?: (string | number | boolean | null)[];
  keys?: string[];
  divisor?: number;
  reason?: string;
  missing?: boolean;
}

export const ValidationIssueSchema = z.object({
  in: z.string().describe('body, querystring, params or headers'),
  path: z.array(z.union([z.string(), z.number()])).describe('the path of the refused value inside it'),
  code: z.string().describe("zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, …"),
  message: z.string().describe('the reason in English, as in detail'),
  expected: z.string().optional(),
  origin: z.string().optional().describe('too_small/too_big: string (characters), array (items), number, …'),
  minimum: z.union([z.number(), z.string()]).optional(),
  maximum: z.union([z.number(), z.string()]).optional(),
  inclusive: z.boolean().optional(),
  exact: z.boolean().optional(),
  format: z.string().optional().describe('invalid_format: date, email, regex, …'),
  values: z
    .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional()
    .describe('invalid_value: the accepted values'),
  keys: z.array(z.string()).optional().describe('unrecognized_keys'),
  divisor: z.number().optional(),
  reason: z.string().optional().describe("custom: the project's own check (src/shared/validation.ts), e.g. calendar_date"),
  missing: z.boolean().optional().describe('the value was not sent'),
});

/** A key or value is repeated in a problem only when plainly not personal (a short word, a code). */
export const plainlyNotPersonal = (text: string): boolean => /^[\w .,:|-]{0,40}$/.test(text);

/** Fastify's form of a zod issue (fastify-type-provider-zod): keyword = code, params = the rest. */
export interface FastifyZodIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

const scalar = (v: unknown): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const bound = (v: unknown): number | string | undefined =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : undefined;

/**
 * The issue as data. `sent` is the part of the request validated (its body, query or params), to tell a value not
 * sent (`missing`) from a wrong one; `message` is already the problem's wording.
 */
export function validationIssue(where: string, issue: FastifyZodIssue, message: string, sent: unknown): ValidationIssue {
  const path = issue.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const p = issue.params;
  const out: ValidationIssue = { in: where, path, code: issue.keyword, message };
  if (typeof p.expected === 'string') out.expected = p.expected;
  if (typeof p.origin === 'string') out.origin = p.origin;
  const minimum = bound(p.minimum);
  if (minimum !== undefined) out.minimum = minimum;
  const maximum = bound(p.maximum);
  if (maximum !== undefined) out.maximum = maximum;
  if (typeof p.inclusive === 'boolean') out.inclusive = p.inclusive;
  if (typeof p.exact === 'boolean') out.exact = p.exact;
  if (typeof p.format === 'string') out.format = p.format;
  if (Array.isArray(p.values)) out.values = p.values.filter(scalar);
  if (Array.isArray(p.keys)) out.keys = p.keys.map((k) => (typeof k === 'string' && plainlyNotPersonal(k) ? k : '…'));
  if (typeof p.divisor === 'number') out.divisor = p.divisor;
  const custom = p.params;
  if (typeof custom === 'object' && custom !== null && typeof (custom as { reason?: unknown }).reason === 'string')
    out.reason = (custom as { reason: string }).reason;
  if (issue.keyword === 'invalid_type') {
    let value: unknown = sent;
    for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
    if (value === undefined) out.missing = true;
  }
  return out;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  /** api.validation from a request's schema: each refused value as data. */
  issues?: ValidationIssue[];
}

/** A problem's shape in the OpenAPI document (loose: the answer keeps any member it has). */
export const ProblemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('stable error code, e.g. api.validation, input.not_found'),
  detail: z.string().optional(),
  instance: z.string().optional().describe("the route's pattern, never the URL asked"),
  issues: z.array(ValidationIssueSchema).optional().describe('api.validation: each refused value as data (code and parameters), to word in any language'),
  reason: z
    .string()
    .optional()
    .describe('why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal'),
  values: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe("a case-file refusal's values for its sentence (model ids, dates, counts; never personal)"),
  field: z.string().optional().describe('the refused field, as the API spells it'),
});

/** The error answers of a route in the OpenAPI document: problem+json with a stable code. */
export const PROBLEM_RESPONSES = {
  '4xx': { description: 'refused: problem+json with a stable code', content: { 'application/problem+json': { schema: ProblemSchema } } },
  '5xx': { description: 'failed: problem+json with a stable code', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

export function problem(code: string, status: number, title: string, detail?: string, instance?: string): Problem {
  return { type: `https://otkaz.invalid/problems/${code}`, title, status, code, ...(detail ? { detail } : {}), ...(instance ? { instance } : {}) };
}

/**
 * SQLSTATE class 22 (data exception): the database refused a value the request carried (a NUL byte, a day that
 * does not exist, a number out of range). Validation should have caught it; if it did not, it is still the
 * caller's input — a 400, never a 500. Both engines' errors carry the SQLSTATE in `code` (also when wrapped as a
 * cause). The refused value itself is never repeated (it may be personal data).
 */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22001': 'a text value is too long',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22012': 'a division by zero',
  '22021': 'a text holds a character the database cannot store (NUL or invalid UTF-8)',
  '22023': 'a parameter value is not valid',
  '22025': 'an escape sequence is not valid',
  '2201B': 'a regular expression is not valid',
  '22P02': 'a value does not have the expected type',
  '22P05': 'a character cannot be represented',
};

export function dataException(error: unknown): { sqlstate: string; what: string } | null {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return { sqlstate: code, what: DATA_EXCEPTIONS[code] ?? 'a value is not valid' };
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * The framework's own refusals (routing, body parsing) as problems with fixed wording: Fastify's messages quote
 * the URL or parts of it, and a problem never echoes the request (a reflection risk; URLs may carry names).
 * Null when the error is not a client error.
 */
export function frameworkProblem(error: { code?: string; statusCode?: number }): Problem | null {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return problem(ApiCode.Validation, 400, 'invalid request', 'the URL is not valid (a percent-encoded sequence that is not UTF-8?)');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(ApiCode.UriTooLong, 414, 'URI too long', 'a path parameter is longer than the router accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(
        ApiCode.UnsupportedMediaType,
        415,
        'unsupported media type',
        'send JSON (Content-Type: application/json); a statistics upload as application/octet-stream',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(ApiCode.Validation, 400, 'invalid request', 'the body is not valid JSON');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(ApiCode.Validation, 400, 'invalid request', 'the body is empty but Content-Type says JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(ApiCode.Validation, 400, 'invalid request', 'the body does not match its Content-Length');
    case 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE':
      return problem(ApiCode.Validation, 400, 'invalid request', 'a body needs a Content-Type header');
    default:
      break;
  }
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  if (status === 414) return problem(ApiCode.UriTooLong, 414, 'URI too long');
  if (status === 415) return problem(ApiCode.UnsupportedMediaType, 415, 'unsupported media type');
  const name = STATUS_CODES[status] ?? 'client error';
  return problem(ApiCode.Validation, status, 'invalid request', error.code?.startsWith('FST_') ? `${name} (${error.code})` : name);
}

/**
 * Errors Node's HTTP parser meets before there is a request (Fastify's `clientErrorHandler`): headers over the
 * limit (431), a request that is not HTTP (400), a client too slow (408). Answered as problem+json, then closed.
 */
export function answerClientError(error: { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const p =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem(ApiCode.HeadersTooLarge, 431, 'request header fields too large', 'the request line and headers are over the size the server reads')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem(ApiCode.RequestTimeout, 408, 'request timeout', 'the request did not arrive in time')
        : error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
          ? problem(ApiCode.PayloadTooLarge, 413, 'payload too large', 'chunk extensions are over the size the server reads')
          : problem(ApiCode.Validation, 400, 'invalid request', 'the request is not valid HTTP/1.1');
  const body = JSON.stringify(p);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(
    `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\ncontent-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nx-content-type-options: nosniff\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
}
