/**
 * The HTTP API (Fastify): one request pipeline for every route — access decision (the route's declared access
 * level and the bearer token) → validation with zod → handler (library functions shared with the CLI) → problem+json
 * on any error, with stable codes. OpenAPI 3.1 at /api/openapi.json is generated from the same zod schemas.
 * Secure headers (strict CSP; HSTS only when served over HTTPS), request size limits and per-client rate limiting
 * apply to everything. Answers that need a token are `Cache-Control: private, no-store`; the log (src/api/log.ts)
 * names routes, never URLs or tokens.
 */
import { randomBytes } from 'node:crypto';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Actor, authenticate, bearer, cachePartition } from '../ops/actor.ts';
import { ACCESS_LEVELS, type Access, type AnyRule, isPrivate } from '../ops/policy.ts';
import { OtkazError } from '../shared/errors.ts';
import { Budget, LIMITS } from '../shared/limits.ts';
import { type CachedResponse, ResponseCache } from './cache.ts';
import { type AppContext, BODY_LIMIT, type RouteContext } from './context.ts';
import { errorFields, logController, loggerOptions, routeOf } from './log.ts';
import {
  ApiCode,
  answerClientError,
  dataException,
  frameworkProblem,
  type Problem,
  plainlyNotPersonal,
  problem,
  statusOf,
  statusOfDomain,
  validationIssue,
} from './problem.ts';
import { registerAccountRoutes } from './routes/accounts.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCaseRoutes } from './routes/cases.ts';
import { registerCaseworkRoutes } from './routes/casework.ts';
import { registerCourtRoutes } from './routes/courts.ts';
import { registerDeadlineRoutes } from './routes/deadlines.ts';
import { registerGuidanceRoutes } from './routes/guidance.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerOperationRoutes } from './routes/operations.ts';
import { registerStatsRoutes } from './routes/stats.ts';
import { registerWatchRoutes } from './routes/watch.ts';
import { notFoundPage, registerWebRoutes, WEB_DIST, wantsHtml } from './routes/web.ts';
import { authenticateSession, registerSessionCookies, sessionRefusal } from './session-auth.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: the rule of its operation (src/policies/); its access level sets caching and headers. */
    policy?: AnyRule;
    /** The policy's access level, set from it when the route is registered (headers and caching read it). */
    access?: Access;
    /** The operation the route is the adapter of (src/api/bind.ts). */
    operation?: string;
    /** The answer depends only on the stored data: served from the response cache while the data is unchanged. */
    cache?: boolean;
    /** Wall-time budget of the route's own work, ms (default LIMITS.requestBudgetMs); see src/shared/limits.ts. */
    budgetMs?: number;
    /**
     * A POST that changes nothing: a question sent in the body only to keep it out of URLs and history (the route
     * checker's page). It needs no CSRF token under a session, having nothing to forge.
     */
    readOnlyPost?: boolean;
  }
  interface FastifyRequest {
    /** Who is asking (src/ops/actor.ts), authenticated before anything else; answers are cached per actor partition. */
    actor: Actor;
    cacheKey?: string;
    cacheVersion?: string;
    /** The request's time budget, started when it arrived; long handlers pause and check it between steps. */
    budget: Budget;
  }
}

export { type AppContext, BODY_LIMIT, type RouteContext, type StartupState, UPLOAD_LIMIT } from './context.ts';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
// Fastify types these factories after its ajv compilers; at run time any schema compiler is accepted.
const zodCompilers: CompilersFactory = {
  buildValidator: (() => validatorCompiler) as unknown as CompilersFactory['buildValidator'],
  buildSerializer: (() => serializerCompiler) as unknown as CompilersFactory['buildSerializer'],
};

/** Fastify's refusals before routing (a URL that does not decode, a parameter over the router's length). */
const onFrameworkError: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, _request, reply) => {
  const p = frameworkProblem(error) ?? problem(ApiCode.Validation, 400, 'invalid request');
  // Answered before routing, so without the hooks that set the secure headers: the essential ones here. (The
  // option is typed for every route's reply; before any route the plain reply is what it is.)
  void (reply as unknown as FastifyReply)
    .code(p.status)
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .type('application/problem+json')
    .send(p);
};

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  // zod validates and serialises; giving Fastify the compilers up front keeps it from loading ajv (≈ 0.2 s of a start).
  const app = Fastify({
    logger: ctx.logStream ? loggerOptions(ctx.config.logLevel, ctx.logStream) : loggerOptions('error', process.stderr),
    logController: logController(),
    // Random, not a counter: an id shown to a client says nothing about how many others asked.
    genReqId: () => randomBytes(8).toString('hex'),
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    schemaController: { compilersFactory: zodCompilers },
    // The framework's own refusals (bad URL, over-long parameter; malformed HTTP, headers too large) are problems too.
    frameworkErrors: onFrameworkError,
    clientErrorHandler: answerClientError,
  });

  // Every route must name the policy rule that decides who may call it (src/policies/); none may go without.
  const routes: string[] = [];
  const operations: string[] = [];
  app.decorate('routeAccess', routes);
  app.decorate('routeOperations', operations);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (!policy || !ACCESS_LEVELS.includes(policy.access)) throw new Error(`route ${route.method} ${route.url} names no policy rule (src/policies/)`);
    route.config = { ...route.config, access: policy.access };
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push(`${method} ${route.url} ${policy.access} ${policy.name}`);
      if (route.config.operation) operations.push(`${route.config.operation} ${method} ${route.url}`);
    }
  });

  // HSTS and upgrade-insecure-requests only when the deployment says it is served over HTTPS (OTKAZ_HTTPS): over
  // plain HTTP they would make browsers refuse the site or its requests.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        upgradeInsecureRequests: ctx.config.https ? [] : null,
      },
    },
    strictTransportSecurity: ctx.config.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  if (ctx.config.rateLimit > 0) {
    await app.register(rateLimit, {
      max: ctx.config.rateLimit,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, info) => ({
        ...problem(ApiCode.RateLimited, 429, 'too many requests', `limit ${info.max} per minute; retry after ${Math.ceil(info.ttl / 1000)} s`),
        statusCode: 429,
      }),
    });
  }
  // Every text answer (JSON, problem+json, CSV, HTML, the app's scripts and styles) brotli- or gzip-compressed when
  // the client accepts it (@fastify/compress; its hooks run after the response cache's, which stores the plain
  // text). The web app's hashed assets come compressed already (src/api/routes/web.ts: once per file, at the
  // highest levels), and are then left as they are.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'otkaz API',
        version: '1',
        description:
          'Prosecutions of Russian military refusers from court records; asylum statistics; guidance. Reads are public unless the server is configured private; operations need the operator token (Authorization: Bearer).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'otkaz_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  // Authentication (a bearer token, or a member's session cookie: src/api/session-auth.ts), then the route's policy.
  await registerSessionCookies(app);
  app.decorateRequest('actor' as string, null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.actor = authenticate(bearer(request.headers.authorization), ctx.config);
    const access = request.routeOptions.config.access;
    if (!access) return; // 404s have no route
    // An answer for this caller only — also a refusal — is kept by no shared cache, nor given to another caller.
    if (isPrivate(access, ctx.config)) reply.header('cache-control', 'private, no-store').header('vary', 'Authorization');
    // A public read may still differ by caller (a case says whether its caller may fetch the evidence): shared caches
    // must key it by the Authorization header.
    else if (access !== 'public') reply.header('vary', 'Authorization');
    const csrf = await authenticateSession(ctx, request, reply);
    if (csrf) return csrf;
    const policy = request.routeOptions.config.policy;
    const decision = policy ? policy.checkEdge(request.actor, ctx.config) : { allow: false as const, reason: 'forbidden' as const };
    if (decision.allow) return;
    const session = sessionRefusal(request, decision);
    if (session) return reply.code(session.status).type('application/problem+json').send(session);
    const code = decision.reason === 'unauthorized' ? ApiCode.Unauthorized : decision.reason === 'forbidden' ? ApiCode.Forbidden : ApiCode.OperationsDisabled;
    const evidence = access === 'evidence' ? 'raw captures and archive exports are evidence (they hold full names): ' : '';
    const redacted = access === 'evidence' ? ' — the public has the redacted rendering of a capture at /api/v1/captures/:id/redacted' : '';
    const detail =
      decision.reason === 'operations_disabled'
        ? 'operations are off: no OTKAZ_OPERATOR_TOKEN is configured'
        : decision.reason === 'unauthorized'
          ? `${evidence}send Authorization: Bearer <${access === 'operator' ? 'operator' : 'read or operator'} token>${redacted}`
          : `${evidence}this token may not do that${redacted}`;
    if (decision.reason === 'unauthorized') reply.header('www-authenticate', 'Bearer');
    return reply
      .code(statusOf(code))
      .type('application/problem+json')
      .send(problem(code, statusOf(code), decision.reason.replace('_', ' '), detail, request.routeOptions.url));
  });

  // Bounded work (src/shared/limits.ts): every request carries a time budget from its arrival.
  app.decorateRequest('budget', null as unknown as Budget);
  app.addHook('onRequest', async (request) => {
    request.budget = new Budget(request.routeOptions.config.budgetMs ?? LIMITS.requestBudgetMs);
  });

  // Cached reads (src/api/cache.ts): looked up after the access decision, stored when the handler answered 200; keyed
  // by the actor's partition (src/ops/actor.ts) as well as the URL, so an answer computed for one kind of caller never reaches another.
  const cache = ctx.cache ?? new ResponseCache(ctx.db);
  const routeCtx: RouteContext = { ...ctx, cache };
  // Marks the background request that recomputes a stale answer; only this process knows the value.
  const REFRESH_HEADER = 'x-otkaz-refresh';
  const refreshSecret = randomBytes(16).toString('hex');
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.cache) return;
    const url = `${cachePartition(request.actor)} ${request.url}`;
    const version = await cache.currentVersion();
    const send = (entry: CachedResponse, state: 'hit' | 'stale') =>
      reply.header('x-otkaz-cache', state).header('x-otkaz-data-version', entry.version).type(entry.contentType).send(entry.body);
    let entry = cache.get(url);
    if (entry?.version === version) return send(entry, 'hit');
    const refresh = request.headers[REFRESH_HEADER] === `${refreshSecret} ${version}`;
    if (!refresh) {
      const running = cache.running(url, version);
      if (entry) {
        // The data changed since this answer: serve it while one background request computes the new one.
        if (running === undefined) {
          cache.start(url, version);
          void app
            .inject({
              method: 'GET',
              url: request.url,
              headers: {
                ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
                [REFRESH_HEADER]: `${refreshSecret} ${version}`,
              },
            })
            .catch(() => cache.finish(url, version));
        }
        return send(entry, 'stale');
      }
      if (running !== undefined) {
        await running;
        entry = cache.get(url);
        if (entry?.version === version) return send(entry, 'hit');
      }
    }
    cache.start(url, version);
    request.cacheKey = url;
    request.cacheVersion = version;
    reply.raw.once('close', () => cache.finish(url, version));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.cacheKey && request.cacheVersion !== undefined && reply.statusCode === 200 && typeof payload === 'string') {
      cache.set(request.cacheKey, {
        body: payload,
        contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        version: request.cacheVersion,
      });
      reply.header('x-otkaz-data-version', request.cacheVersion);
    }
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    if (request.cacheKey && request.cacheVersion !== undefined) cache.finish(request.cacheKey, request.cacheVersion);
  });

  // Errors never echo the request: `instance` is the route's pattern (/api/v1/cases/:id), not the URL, whose path
  // and query may carry names; quoted values in validation messages are shown only when plainly not personal.
  const instanceOf = (request: FastifyRequest) => (request.routeOptions.config.access ? request.routeOptions.url : undefined);
  const quoted = (message: string) => message.replace(/"([^"]*)"/g, (all, inner: string) => (plainlyNotPersonal(inner) ? all : '"…"'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const instance = instanceOf(request);
    const send = (p: Problem) => reply.code(p.status).type('application/problem+json').send(p);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const detail = error.validation.map((v) => `${where}${v.instancePath ? v.instancePath.replace(/\//g, '.') : ''}: ${quoted(v.message ?? '')}`).join('; ');
      // The same issues as data (code and parameters), for a client to word in its language (the web app in Russian).
      const sent: unknown = where === 'body' ? request.body : where === 'querystring' ? request.query : where === 'params' ? request.params : undefined;
      const issues = error.validation.map((v) => validationIssue(where, v, quoted(v.message ?? ''), sent));
      return send({ ...problem(ApiCode.Validation, 400, 'invalid request', detail, instance), issues });
    }
    if (error instanceof OtkazError) {
      const status = statusOfDomain(error.code);
      // The error's details are members of the answer (a deadline refusal's reason, field and refusal); the
      // problem's own members win.
      return send({ ...error.details, ...problem(error.code, status, status === 404 ? 'not found' : 'request failed', error.message, instance) });
    }
    // A value the database refused (SQLSTATE class 22) is the caller's input: 400, without repeating the value.
    const data = dataException(error);
    if (data)
      return send(
        problem(ApiCode.Validation, 400, 'invalid request', `the database refused a value of the request: ${data.what} (SQLSTATE ${data.sqlstate})`, instance),
      );
    if (error.statusCode === 413) return send(problem(ApiCode.PayloadTooLarge, 413, 'payload too large', error.message, instance));
    if (error.statusCode === 429) return send(problem(ApiCode.RateLimited, 429, 'too many requests', error.message, instance));
    const framework = frameworkProblem(error);
    if (framework) return send(instance ? { ...framework, instance } : framework);
    // Never echo internals (or page text) to the client; the log line names the route and the SQLSTATE only.
    request.log.error({ method: request.method, route: routeOf(request), ...errorFields(error) }, 'request failed');
    return send(problem(ApiCode.Internal, 500, 'internal error', undefined, instance));
  });
  app.setNotFoundHandler((request, reply) => {
    const [url = request.url] = request.url.split('?');
    const allowed = (['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const).filter(
      (method) => method !== request.method && app.findRoute({ method, url }) !== null,
    );
    if (allowed.length)
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .type('application/problem+json')
        .send(problem(ApiCode.MethodNotAllowed, 405, 'method not allowed', `this path accepts ${allowed.join(', ')}`));
    // A browser asking for a page that does not exist gets the app, which says so (in the reader's language);
    // the API, and any client that asks for JSON, gets the problem.
    if ((request.method === 'GET' || request.method === 'HEAD') && wantsHtml(url, request.headers.accept))
      return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(notFoundPage(WEB_DIST));
    return reply
      .code(404)
      .type('application/problem+json')
      .send(problem(ApiCode.NotFound, 404, 'not found', `no route ${request.method} for this path (the API: /api/openapi.json)`));
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  registerMetaRoutes(typed, routeCtx);
  registerCourtRoutes(typed, routeCtx);
  registerCaseRoutes(typed, routeCtx);
  registerWatchRoutes(typed, routeCtx);
  registerStatsRoutes(typed, routeCtx);
  registerGuidanceRoutes(typed, routeCtx);
  registerDeadlineRoutes(typed, routeCtx);
  registerOperationRoutes(typed, routeCtx);
  registerAuditRoutes(typed, routeCtx);
  registerCaseworkRoutes(typed, routeCtx);
  registerAuthRoutes(typed, routeCtx);
  registerAccountRoutes(typed, routeCtx);
  registerWebRoutes(typed, routeCtx);
  await app.ready();
  return app;
}

/** Method, URL, access level and policy rule of every route: the guard snapshot test compares it with the committed list. */
export function routeTable(app: FastifyInstance): string[] {
  return [...(app as FastifyInstance & { routeAccess: string[] }).routeAccess].sort();
}

/** "operation METHOD URL" of every route bound to an operation (the operation coverage test reads it). */
export function routeOperations(app: FastifyInstance): string[] {
  return [...(app as FastifyInstance & { routeOperations: string[] }).routeOperations].sort();
}
