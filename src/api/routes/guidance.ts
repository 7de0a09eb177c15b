/** Guidance: the knowledge base, its check, the route checker (JSON), and the pages in English and Russian. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { series } from '../../asylum/query/series.ts';
import type { Database } from '../../db/database.ts';
import { checkKnowledgeBase } from '../../guidance/check.ts';
import type { Lang } from '../../guidance/render.ts';
import { checkRoute, DISCLAIMER } from '../../guidance/route.ts';
import { DOCUMENTS, STATUSES } from '../../guidance/schema.ts';
import { recognitionFigures } from '../../guidance/statistics.ts';
import { factsOperation, offencesOperation } from '../../operations/guidance/knowledge.ts';
import { guidancePolicy } from '../../policies/guidance.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { present } from '../../shared/present.ts';
import { text } from '../../shared/validation.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import { destinationPage, factsPage, guidanceHome, routePage } from '../pages/guidance.ts';
import { escapeHtml } from '../pages/html.ts';
import type { ZodApp } from '../types.ts';

const today = () => new Date().toISOString().slice(0, 10);
const lang = z.enum(['en', 'ru']).optional();

export const RouteQuery = z
  .object({
    status: z.enum(STATUSES),
    documents: z
      .union([text(400), z.array(text(400))])
      .default([])
      .transform((v) =>
        [v]
          .flat()
          .flatMap((d) => d.split(','))
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(DOCUMENTS)).max(DOCUMENTS.length * 2)),
    case: z.enum(['1', 'true', 'on']).optional(),
    location: text(10)
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, 'ISO3 country code'))
      .default('RUS'),
    prefer: text(100).optional(),
    lang,
  })
  .strict();

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
  // The route checker's answer depends on the date (incident recency), so it is not cached whole; the figures it
  // reads from the statistics are, until the data change.
  const route = async (q: z.infer<typeof RouteQuery>) => {
    const stats = await ctx.cache.derive('guidance:recognition', () =>
      recognitionFigures(
        ctx.db,
        kb.destinations.filter((d) => d.statistics).map((d) => d.country),
      ),
    );
    return checkRoute(
      kb,
      {
        documents: q.documents.filter((d) => d !== 'none'),
        status: q.status,
        caseOpen: q.case !== undefined,
        location: q.location,
        preferences: q.prefer ? q.prefer.toUpperCase().split(',') : [],
        today: today(),
      },
      stats,
    );
  };

  app.get(
    '/api/v1/guidance',
    {
      config: { policy: guidancePolicy.read },
      schema: { summary: 'The knowledge base: facts, offences, exit routes, restrictions, destinations, organisations' },
    },
    async () => ({
      disclaimer: DISCLAIMER,
      facts: kb.facts,
      offences: kb.offences,
      exit_routes: kb.exit_routes,
      restrictions: kb.restrictions,
      destinations: kb.destinations,
      organisations: kb.organisations,
    }),
  );
  bindRoute(app, ctx, offencesOperation, { method: 'GET', url: '/api/v1/guidance/offences', description: 'CSV with format=csv' });
  bindRoute(app, ctx, factsOperation, { method: 'GET', url: '/api/v1/guidance/facts', description: 'CSV with format=csv' });
  app.get(
    '/api/v1/guidance/check',
    { config: { policy: guidancePolicy.read }, schema: { summary: 'Unsourced, stale, conflicting and unconfirmed facts' } },
    async () => checkKnowledgeBase(kb, today()),
  );
  app.get(
    '/api/v1/guidance/route',
    {
      config: { policy: guidancePolicy.read },
      schema: {
        summary: 'Route checker: reachable destinations, risks from dated incidents, protection prospects, evidence, organisations',
        querystring: RouteQuery,
      },
    },
    async (request) => route(request.query),
  );

  app.get('/guidance', { config: { policy: guidancePolicy.read }, schema: { hide: true, querystring: z.object({ lang }).strict() } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(guidanceHome(kb, langOf(request, request.query.lang, reply), today())),
  );
  app.get(
    '/guidance/facts',
    { config: { policy: guidancePolicy.read }, schema: { hide: true, querystring: z.object({ lang }).strict() } },
    async (request, reply) => reply.type('text/html; charset=utf-8').send(factsPage(kb, langOf(request, request.query.lang, reply), today())),
  );
  app.get('/guidance/route', { config: { policy: guidancePolicy.read }, schema: { hide: true, querystring: RouteQuery } }, async (request, reply) => {
    const l = langOf(request, request.query.lang, reply);
    const path = `/guidance/route?${new URLSearchParams(Object.entries(request.query).flatMap(([k, v]) => (k === 'lang' || v === undefined ? [] : [[k, Array.isArray(v) ? v.join(',') : String(v)] as [string, string]]))).toString()}`;
    return reply.type('text/html; charset=utf-8').send(routePage(kb, await route(request.query), l, path));
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
