/**
 * Errors as RFC 9457 problem details (application/problem+json) with stable codes. Every code maps to exactly
 * one HTTP status (exhaustive switch); domain errors (OtkazError) map by their own code.
 */
import { ErrorCode, type ErrorCode as DomainCode } from '../shared/errors.ts';

export const ApiCode = {
  Validation: 'api.validation',
  NotFound: 'api.not_found',
  MethodNotAllowed: 'api.method_not_allowed',
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
    case ErrorCode.Usage:
    case ErrorCode.InputInvalid:
    case ErrorCode.WarcInvalid:
    case ErrorCode.StatsFormat:
    case ErrorCode.StatsParse:
    case ErrorCode.StatsUnknownCode:
    case ErrorCode.StatsDuplicate:
    case ErrorCode.StatsQuery:
    case ErrorCode.ClaimsInvalid:
    case ErrorCode.GuidanceRoute:
      return 400;
    case ErrorCode.LimitExceeded:
      return 413;
    case ErrorCode.TimeBudget:
    case ErrorCode.StatsFetch:
    case ErrorCode.DbConnect:
      return 503;
    case ErrorCode.ConfigInvalid:
    case ErrorCode.DbMigration:
    case ErrorCode.DirectoryInvalid:
    case ErrorCode.ArchiveMismatch:
    case ErrorCode.GuidanceInvalid:
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
}

export function problem(code: string, status: number, title: string, detail?: string, instance?: string): Problem {
  return { type: `https://otkaz.invalid/problems/${code}`, title, status, code, ...(detail ? { detail } : {}), ...(instance ? { instance } : {}) };
}
