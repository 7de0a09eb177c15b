/**
 * Counts and statistics: prosecution counts, asylum series (with provenance: releases and the exact query),
 * comparisons across definitions, recognition rates, releases, and the claim check. Tables also as CSV.
 */
import { z } from 'zod';
import { DIMENSIONS, prosecutionCounts } from '../../courts/stats.ts';
import { compareOperation } from '../../operations/stats/compare.ts';
import { ratesOperation } from '../../operations/stats/rates.ts';
import { releasesOperation } from '../../operations/stats/releases.ts';
import { seriesOperation } from '../../operations/stats/series.ts';
import { checkClaims, claimsRequestSchema } from '../../stats/claims/check.ts';
import { LIMITS } from '../../shared/limits.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import { bomParam, sendCsv } from '../csv.ts';
import type { ZodApp } from '../types.ts';
import { isoDate, text } from '../../shared/validation.ts';

const format = z.enum(['json', 'csv']).default('json');

export function registerStatsRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/v1/stats/prosecutions',
    {
      config: { access: 'read', cache: true },
      schema: {
        summary: 'Prosecution counts by month, year, article, part, court, district, outcome, sentence — with the method',
        querystring: z
          .object({
            by: text(200).default('month,article').transform((v) => v.split(',').filter(Boolean)).pipe(z.array(z.enum(DIMENSIONS)).max(DIMENSIONS.length)),
            articles: text(LIMITS.articles * 10).regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'articles such as 337,338,352.1').optional().transform((v) => (v ? v.split(',') : undefined)).pipe(z.array(z.string().min(1)).max(LIMITS.articles, `at most ${LIMITS.articles} articles`).optional()),
            from: isoDate.optional(),
            to: isoDate.optional(),
            date: z.enum(['receipt', 'decision']).default('receipt'),
            synthetic: z.enum(['include', 'exclude', 'only']).default('include'),
            growth: z.enum(['true', 'false']).optional(),
            format,
            bom: bomParam,
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await prosecutionCounts(ctx.db, { by: q.by, ...(q.articles ? { articles: q.articles } : {}), from: q.from ?? null, to: q.to ?? null, dateBasis: q.date, synthetic: q.synthetic, growth: q.growth === 'true' });
      if (q.format === 'csv') return sendCsv(reply, 'prosecutions.csv', [...q.by, 'synthetic', 'cases', 'defendants'], result.rows, q.bom);
      return result;
    },
  );

  bindRoute(app, ctx, seriesOperation, { method: 'GET', url: '/api/v1/stats/series', cache: true, description: 'CSV with format=csv' });
  bindRoute(app, ctx, compareOperation, { method: 'GET', url: '/api/v1/stats/compare', cache: true });
  bindRoute(app, ctx, ratesOperation, { method: 'GET', url: '/api/v1/stats/rates', cache: true });
  bindRoute(app, ctx, releasesOperation, { method: 'GET', url: '/api/v1/stats/releases', cache: true });

  app.post('/api/v1/claims/check', { config: { access: 'read' }, schema: { summary: `Check structured claims (as in the claims YAML, sent as JSON; at most ${LIMITS.claimsPerCheck} per request) against every source`, body: claimsRequestSchema } }, async (request) => checkClaims(ctx.db, request.body.claims, request.budget));
}
