/**
 * Guidance: the knowledge base, its check, the route checker (JSON: operations of src/operations/guidance/), and
 * the pages in English and Russian (web pages, not operations; the route page runs the route checker's operation).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { series } from '../../asylum/query/series.ts';
import type { Database } from '../../db/database.ts';
import type { Lang } from '../../guidance/render.ts';
import { checkKnowledgeBaseOperation, knowledgeBaseOperation } from '../../operations/guidance/check.ts';
import { factsOperation, offencesOperation } from '../../operations/guidance/knowledge.ts';
import { guidanceRouteOperation, RouteInput } from '../../operations/guidance/route.ts';
import { guidancePolicy } from '../../policies/guidance.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { present } from '../../shared/present.ts';
import { bindRoute, requestContext } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import { destinationPage, factsPage, guidanceHome, routePage } from '../pages/guidance.ts';
import { escapeHtml } from '../pages/html.ts';
import type { ZodApp } from '../types.ts';

const today = () => new Date().toISOString().slice(0, 10);
const lang = z.enum(['en', 'ru']).optional();

/** The page /guidance/route takes the API's parameters (and lang); the date is today's. */
const RoutePageQuery = RouteInput.omit({ today: true });

/** The page language: ?lang= (remembered in a cookie), else the cookie, else the browser's preference. */
function langOf(request: FastifyRequest, asked: string | undefined, reply: FastifyReply): Lang {
  if (asked === 'en' || asked === 'ru') {
    reply.header('set-cookie', `lang=${asked}; Path=/; Max-Age=31536000; SameSite=Lax`);
    return asked;
  }
  const cookie = /(?:^|;\s*)lang=(en|ru)/.exec(request.headers.cookie ?? '')?.[1];
  if (cookie === 'en' || cookie === 'ru') return cookie;
  return /^ru\b/i.test(request.headers['accept-language'] ?? '') ? 'ru' : 'en';
}

async function destinationStatistics(db: Database, country: string): Promise<string> {
  const result = await series(db, { indicator: 'applications', measure: 'first_time', destinations: [country], from: '2019' });
  if (!result.rows.length) return '<p>—</p>';
  return `<table><thead><tr><th scope="col">source</th><th scope="col">year</th><th scope="col">value</th><th scope="col">unit</th><th scope="col">release</th></tr></thead><tbody>${result.rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.source)}</td><td>${r.period}</td><td>${r.value ?? ''}</td><td>${r.unit}</td><td>${escapeHtml(r.releases.map((x) => `${x.release} (${x.vintage})`).join('; '))}</td></tr>`,
    )
    .join('')}</tbody></table><p>${escapeHtml(present(result.rows[0], 'the first row').definition)}</p>`;
}

export function registerGuidanceRoutes(app: ZodApp, ctx: RouteContext): void {
  const kb = ctx.kb;
  bindRoute(app, ctx, knowledgeBaseOperation, { method: 'GET', url: '/api/v1/guidance' });
  bindRoute(app, ctx, offencesOperation, { method: 'GET', url: '/api/v1/guidance/offences', description: 'CSV with format=csv' });
  bindRoute(app, ctx, factsOperation, { method: 'GET', url: '/api/v1/guidance/facts', description: 'CSV with format=csv' });
  bindRoute(app, ctx, checkKnowledgeBaseOperation, { method: 'GET', url: '/api/v1/guidance/check', omit: ['today'] });
  // The answer depends on the date (incident recency): not cached whole (the operation keeps the figures it reads).
  bindRoute(app, ctx, guidanceRouteOperation, { method: 'GET', url: '/api/v1/guidance/route', omit: ['today'] });

  app.get('/guidance', { config: { policy: guidancePolicy.read }, schema: { hide: true, querystring: z.object({ lang }).strict() } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(guidanceHome(kb, langOf(request, request.query.lang, reply), today())),
  );
  app.get(
    '/guidance/facts',
    { config: { policy: guidancePolicy.read }, schema: { hide: true, querystring: z.object({ lang }).strict() } },
    async (request, reply) => reply.type('text/html; charset=utf-8').send(factsPage(kb, langOf(request, request.query.lang, reply), today())),
  );
  app.get('/guidance/route', { config: { policy: guidancePolicy.read }, schema: { hide: true, querystring: RoutePageQuery } }, async (request, reply) => {
    const l = langOf(request, request.query.lang, reply);
    const path = `/guidance/route?${new URLSearchParams(Object.entries(request.query).flatMap(([k, v]) => (k === 'lang' || v === undefined ? [] : [[k, Array.isArray(v) ? v.join(',') : String(v)] as [string, string]]))).toString()}`;
    const result = await guidanceRouteOperation.run(requestContext(ctx, request), { ...request.query, today: today() });
    return reply.type('text/html; charset=utf-8').send(routePage(kb, result, l, path));
  });
  // The page's form posts its answers (src/api/pages/guidance.ts, routeForm): the same parameters in a form body.
  // The result is kept by no cache and names no answer in its links (the language switch goes to /guidance).
  app.register((scope, _options, registered) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(String(body))) {
        const had = fields[key];
        fields[key] = had === undefined ? value : [had, value].flat();
      }
      done(null, fields);
    });
    scope
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/guidance/route',
        { config: { policy: guidancePolicy.read, readOnlyPost: true }, schema: { hide: true, body: RoutePageQuery } },
        async (request, reply) => {
          const l = langOf(request, request.body.lang, reply);
          const result = await guidanceRouteOperation.run(requestContext(ctx, request), { ...request.body, today: today() });
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', 'no-store')
            .header('referrer-policy', 'no-referrer')
            .send(routePage(kb, result, l, '/guidance'));
        },
      );
    registered();
  });
  app.get(
    '/guidance/destination/:country',
    {
      config: { policy: guidancePolicy.read },
      schema: { hide: true, params: z.object({ country: z.string().regex(/^[A-Z]{3}$/) }), querystring: z.object({ lang }).strict() },
    },
    async (request, reply) => {
      const l = langOf(request, request.query.lang, reply);
      const country = request.params.country;
      const missing = () =>
        new OtkazError(ErrorCode.InputNotFound, 'the knowledge base has no destination with that country code (the destinations: /guidance)');
      if (!kb.destinations.some((d) => d.country === country)) throw missing();
      const page = destinationPage(
        kb,
        country,
        l,
        today(),
        await ctx.cache.derive(`guidance:destination:${country}`, () => destinationStatistics(ctx.db, country)),
      );
      if (!page) throw missing();
      return reply.type('text/html; charset=utf-8').send(page);
    },
  );
}
