/**
 * The API's log: Fastify's own pino logger, one JSON line per request at `info` (method, the route's pattern, status,
 * time, request id), at the configured level (OTKAZ_LOG_LEVEL). What it never holds: the raw URL (a query such as
 * `?q=<full name>` or a path may carry personal data — the route pattern `/api/v1/cases/:id` is logged instead),
 * request headers (tokens), bodies, error messages (a database error's message can quote a value from a page) or
 * stacks — a failure is logged as its error class and, for a database error, its SQLSTATE.
 */
import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';

/** Where the log lines go (process.stdout for the server; a collector in tests). */
export interface LogDestination {
  write(line: string): void;
}
type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The route's pattern (`/api/v1/cases/:id`), never the URL as requested. */
export function routeOf(request: FastifyRequest): string {
  try {
    return request.routeOptions?.url ?? '(no route)';
  } catch {
    return '(no route)'; // a request Fastify refused before routing (bad URL): logging must not throw
  }
}

/** What of an error may be logged: its class, its code when it is a stable identifier, the SQLSTATE of a database error. */
export function errorFields(error: unknown): { error: string; code?: string; sqlstate?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  const { code, severity } = error as Error & { code?: unknown; severity?: unknown };
  const fields: { error: string; code?: string; sqlstate?: string } = { error: error.name };
  // Both drivers (pg and PGlite) raise a DatabaseError with a severity and the five-character SQLSTATE in `code`.
  if (typeof severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) fields.sqlstate = code;
  else if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{2,63}$/.test(code)) fields.code = code;
  return fields;
}

function requestFields(request: FastifyRequest): { method: string; route: string } {
  return { method: request.method, route: routeOf(request) };
}

/** Fastify's log lines about requests, without anything the caller sent. */
class SafeLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug(requestFields(request), 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const fields = { ...requestFields(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...fields, ...errorFields(error) }, 'request errored');
    else reply.log.info(fields, 'request');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (reply.statusCode >= 500) reply.log.error({ ...requestFields(request), ...errorFields(error) }, 'request failed');
    else reply.log.info({ ...requestFields(request), ...errorFields(error) }, 'request refused');
  }

  override streamError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    reply.log.warn({ ...requestFields(request), ...errorFields(error) }, 'response stream failed');
  }

  override routeNotFound(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.info({ method: request.method, route: '(no route)' }, 'route not found');
  }

  override writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    reply.log.warn({ ...requestFields(request), ...errorFields(error) }, 'could not write the response head');
  }

  override serializerError(error: Error, request: FastifyRequest, reply: FastifyReply, metadata: { statusCode: number }): void {
    if (this.isLogDisabled(request)) return;
    reply.log.error({ ...requestFields(request), ...errorFields(error), status: metadata.statusCode }, 'response serialisation failed');
  }
}

/**
 * Fastify's logger options: level, destination, and serializers and redaction as a second line of defence for any
 * line a plugin writes with the request, the reply or an error attached.
 */
export function loggerOptions(level: LogLevel, stream: LogDestination): LoggerOptions {
  return {
    level,
    stream,
    serializers: {
      req: (request: FastifyRequest) => requestFields(request),
      res: (reply) => ({ statusCode: reply.statusCode }),
      // An error's message, stack and other fields (a database error's `detail` quotes the value) stay out of the log.
      err: (error) => ({ type: error.name, message: '[redacted]', stack: '[redacted]', ...errorFields(error) }),
    },
    redact: {
      paths: ['authorization', 'token', 'headers.authorization', 'headers.cookie', 'req.headers', 'url', 'query', 'q', '*.authorization', '*.url', '*.query'],
      censor: '[redacted]',
    },
  };
}

export function logController(): LogController {
  return new SafeLogController();
}
