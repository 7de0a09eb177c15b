/**
 * The HTTP API (Fastify): one request pipeline for every route — access decision (the route's declared access
 * level and the bearer token) → validation with zod → handler (library functions shared with the CLI) → problem+json
 * on any error, with stable codes. OpenAPI 3.1 at /api/openapi.json is generated from the same zod schemas.
 * Secure headers (strict CSP), request size limits and per-client rate limiting apply to everything.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config/config.ts';
import type { CourtDirectory } from '../courts/directory/types.ts';
import type { Database } from '../db/database.ts';
import type { LoadedKnowledgeBase } from '../guidance/load.ts';
import { OtkazError } from '../shared/errors.ts';
import { Budget, LIMITS } from '../shared/limits.ts';
import { ACCESS_LEVELS, type Access, bearer, decide } from './access.ts';
import { type CachedResponse, ResponseCache } from './cache.ts';
import { ApiCode, problem, statusOf, statusOfDomain } from './problem.ts';
import { registerCaseRoutes } from './routes/cases.ts';
import { registerCourtRoutes } from './routes/courts.ts';
import { registerGuidanceRoutes } from './routes/guidance.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerOperationRoutes } from './routes/operations.ts';
import { registerStatsRoutes } from './routes/stats.ts';
import { registerWebRoutes } from './routes/web.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The answer depends only on the stored data: served from the response cache while the data is unchanged. */
    cache?: boolean;
    /** Wall-time budget of the route's own work, ms (default LIMITS.requestBudgetMs); see src/shared/limits.ts. */
    budgetMs?: number;
  }
  interface FastifyRequest {
    cacheKey?: string;
    cacheVersion?: string;
    /** The request's time budget, started when it arrived; long handlers pause and check it between steps. */
    budget: Budget;
  }
}

/** What the background work of the server's start is doing; /healthz reports it. */
export interface StartupState {
  statistics: 'loading' | 'ready' | 'failed';
}

export interface AppContext {
  config: Config;
  db: Database;
  directory: CourtDirectory;
  kb: LoadedKnowledgeBase;
  /** Default: a new one. */
  cache?: ResponseCache;
  /** Background work of the server's start, reported by /healthz (absent: nothing running). */
  startup?: StartupState;
}

/** What the routes get: the context with its response cache. */
export type RouteContext = AppContext & { cache: ResponseCache };


export const BODY_LIMIT = 1024 * 1024;
/** Imports may upload a statistics file. */
export const UPLOAD_LIMIT = 64 * 1024 * 1024;

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
// Fastify types these factories after its ajv compilers; at run time any schema compiler is accepted.
const zodCompilers: CompilersFactory = {
  buildValidator: (() => validatorCompiler) as unknown as CompilersFactory['buildValidator'],
  buildSerializer: (() => serializerCompiler) as unknown as CompilersFactory['buildSerializer'],
};

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  // zod validates and serialises; giving Fastify the compilers up front keeps it from loading ajv (≈ 0.2 s of a start).
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    schemaController: { compilersFactory: zodCompilers },
  });

  // Every route must decide who may call it.
  const routes: string[] = [];
  app.decorate('routeAccess', routes);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || !ACCESS_LEVELS.includes(access)) throw new Error(`route ${route.method} ${route.url} declares no access level (public, read, operator)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url} ${access}`);
  });

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'], connectSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] } },
    crossOriginEmbedderPolicy: false,
  });
  if (ctx.config.rateLimit > 0) {
    await app.register(rateLimit, {
      max: ctx.config.rateLimit,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, info) => ({ ...problem(ApiCode.RateLimited, 429, 'too many requests', `limit ${info.max} per minute; retry after ${Math.ceil(info.ttl / 1000)} s`), statusCode: 429 }),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'otkaz API', version: '1', description: 'Prosecutions of Russian military refusers from court records; asylum statistics; guidance. Reads are public unless the server is configured private; operations need the operator token (Authorization: Bearer).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // 404s have no route
    const decision = decide(access, bearer(request.headers.authorization), ctx.config);
    if (decision.allow) return;
    const code = decision.reason === 'unauthorized' ? ApiCode.Unauthorized : decision.reason === 'forbidden' ? ApiCode.Forbidden : ApiCode.OperationsDisabled;
    const detail = decision.reason === 'operations_disabled' ? 'operations are off: no OTKAZ_OPERATOR_TOKEN is configured' : decision.reason === 'unauthorized' ? 'send Authorization: Bearer <token>' : 'this token may not do that';
    if (decision.reason === 'unauthorized') reply.header('www-authenticate', 'Bearer');
    return reply.code(statusOf(code)).type('application/problem+json').send(problem(code, statusOf(code), decision.reason.replace('_', ' '), detail, request.url));
  });

  // Bounded work (src/shared/limits.ts): every request carries a time budget from its arrival.
  app.decorateRequest('budget', null as unknown as Budget);
  app.addHook('onRequest', async (request) => {
    request.budget = new Budget(request.routeOptions.config.budgetMs ?? LIMITS.requestBudgetMs);
  });

  // Cached reads (src/api/cache.ts): looked up after the access decision, stored when the handler answered 200.
  const cache = ctx.cache ?? new ResponseCache(ctx.db);
  const routeCtx: RouteContext = { ...ctx, cache };
  // Marks the background request that recomputes a stale answer; only this process knows the value.
  const REFRESH_HEADER = 'x-otkaz-refresh';
  const refreshSecret = randomBytes(16).toString('hex');
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.cache) return;
    const url = request.url;
    const version = await cache.currentVersion();
    const send = (entry: CachedResponse, state: 'hit' | 'stale') => reply.header('x-otkaz-cache', state).header('x-otkaz-data-version', entry.version).type(entry.contentType).send(entry.body);
    let entry = cache.get(url);
    if (entry?.version === version) return send(entry, 'hit');
    const refresh = request.headers[REFRESH_HEADER] === `${refreshSecret} ${version}`;
    if (!refresh) {
      const running = cache.running(url, version);
      if (entry) {
        // The data changed since this answer: serve it while one background request computes the new one.
        if (!running) {
          cache.start(url, version);
          void app.inject({ method: 'GET', url, headers: { ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}), [REFRESH_HEADER]: `${refreshSecret} ${version}` } }).catch(() => cache.finish(url, version));
        }
        return send(entry, 'stale');
      }
      if (running) {
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
      cache.set(request.cacheKey, { body: payload, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), version: request.cacheVersion });
      reply.header('x-otkaz-data-version', request.cacheVersion);
    }
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    if (request.cacheKey && request.cacheVersion !== undefined) cache.finish(request.cacheKey, request.cacheVersion);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const detail = error.validation.map((v) => `${error.validationContext ?? 'request'}${v.instancePath ? v.instancePath.replace(/\//g, '.') : ''}: ${v.message}`).join('; ');
      return reply.code(400).type('application/problem+json').send(problem(ApiCode.Validation, 400, 'invalid request', detail, request.url));
    }
    if (error instanceof OtkazError) {
      const status = statusOfDomain(error.code);
      return reply.code(status).type('application/problem+json').send(problem(error.code, status, status === 404 ? 'not found' : 'request failed', error.message, request.url));
    }
    if (error.statusCode === 413) return reply.code(413).type('application/problem+json').send(problem(ApiCode.PayloadTooLarge, 413, 'payload too large', error.message, request.url));
    if (error.statusCode === 429) return reply.code(429).type('application/problem+json').send(problem(ApiCode.RateLimited, 429, 'too many requests', error.message, request.url));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return reply.code(error.statusCode).type('application/problem+json').send(problem(ApiCode.Validation, error.statusCode, 'invalid request', error.message, request.url));
    // Never echo internals (or page text) to the client; the log line names the route only.
    process.stderr.write(`otkaz api: ${request.method} ${request.routeOptions.url ?? request.url} failed: ${error.name}\n`);
    return reply.code(500).type('application/problem+json').send(problem(ApiCode.Internal, 500, 'internal error', undefined, request.url));
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    const allowed = (['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const).filter((method) => method !== request.method && app.findRoute({ method, url }) !== null);
    if (allowed.length) return reply.code(405).header('allow', allowed.join(', ')).type('application/problem+json').send(problem(ApiCode.MethodNotAllowed, 405, 'method not allowed', `${url} accepts ${allowed.join(', ')}`));
    return reply.code(404).type('application/problem+json').send(problem(ApiCode.NotFound, 404, 'not found', `no route ${request.method} ${url}`));
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  registerMetaRoutes(typed, routeCtx);
  registerCourtRoutes(typed, routeCtx);
  registerCaseRoutes(typed, routeCtx);
  registerStatsRoutes(typed, routeCtx);
  registerGuidanceRoutes(typed, routeCtx);
  registerOperationRoutes(typed, routeCtx);
  registerWebRoutes(typed, routeCtx);
  await app.ready();
  return app;
}

/** Method, URL and access of every route: the guard snapshot test compares it with the committed list. */
export function routeTable(app: FastifyInstance): string[] {
  return [...(app as FastifyInstance & { routeAccess: string[] }).routeAccess].sort();
}
