/**
 * Counts and statistics: prosecution counts, asylum series (with provenance: releases and the exact query),
 * comparisons across definitions, recognition rates, releases, and the claim check. Tables also as CSV.
 */
import { z } from 'zod';
import { prosecutionCountsOperation } from '../../operations/prosecutions/count.ts';
import { checkClaims, claimsRequestSchema } from '../../stats/claims/check.ts';
import { LIMITS } from '../../shared/limits.ts';
import { parseArea } from '../../stats/codes/countries.ts';
import { INDICATORS, isIndicator, SOURCES, type Source } from '../../stats/model.ts';
import { candidates } from '../../stats/query/compare.ts';
import { recognitionRates } from '../../stats/query/rates.ts';
import { listReleases } from '../../stats/query/releases.ts';
import { series } from '../../stats/query/series.ts';
import type { RouteContext } from '../context.ts';
import { bindRoute } from '../bind.ts';
import { bomParam, sendCsv } from '../csv.ts';
import type { ZodApp } from '../types.ts';
import { isoDate, period, periodOrRange, text, year } from '../../shared/validation.ts';

const area = text(60).transform((v, c) => {
  const code = parseArea(v);
  if (!code) {
    c.addIssue({ code: 'custom', message: `unknown country or area "${v}"` });
    return z.NEVER;
  }
  return code;
});
const areas = text(LIMITS.destinations * 20).transform((v, c) => {
  const list = v.split(',');
  if (list.length > LIMITS.destinations) {
    c.addIssue({ code: 'custom', message: `at most ${LIMITS.destinations} destinations` });
    return z.NEVER;
  }
  const codes = list.map((d) => parseArea(d));
  if (codes.some((x) => !x)) {
    c.addIssue({ code: 'custom', message: `unknown destination in "${v}"` });
    return z.NEVER;
  }
  return codes as string[];
});
const indicator = text(40).refine(isIndicator, `one of ${Object.keys(INDICATORS).join(', ')}`);
const sources = text(200).transform((v, c) => {
  const list = v.split(',');
  if (list.some((s) => !(SOURCES as readonly string[]).includes(s))) {
    c.addIssue({ code: 'custom', message: `sources are ${SOURCES.join(', ')}` });
    return z.NEVER;
  }
  return list as Source[];
});
const format = z.enum(['json', 'csv']).default('json');

export const SeriesQuery = z
  .object({
    indicator: indicator.default('applications'),
    measure: text(40).optional(),
    origin: area.default('RUS'),
    dest: areas.default(['DEU', 'FRA', 'EU27_2020']),
    source: sources.optional(),
    period: z.enum(['year', 'fiscal_year', 'quarter', 'month']).default('year'),
    from: period.optional(),
    to: period.optional(),
    level: text(60).optional(),
    asOf: isoDate.optional(),
    growth: z.enum(['true', 'false']).optional(),
    format,
    bom: bomParam,
  })
  .strict();

export function registerStatsRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, prosecutionCountsOperation, { method: 'GET', url: '/api/v1/stats/prosecutions', cache: true, description: 'CSV with format=csv' });

  app.get('/api/v1/stats/series', { config: { access: 'read', cache: true }, schema: { summary: 'An asylum or border series from every source, each value with its releases and the exact query', querystring: SeriesQuery } }, async (request, reply) => {
    const q = request.query;
    const result = await series(ctx.db, {
      indicator: q.indicator as never,
      ...(q.measure ? { measure: q.measure } : {}),
      origin: q.origin,
      destinations: q.dest,
      ...(q.source ? { sources: q.source } : {}),
      period: q.period,
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.level ? { levels: q.level.split(',') } : {}),
      ...(q.asOf ? { asOf: q.asOf } : {}),
      growth: q.growth === 'true',
    });
    if (q.format === 'csv') {
      const rows = result.rows.map((r) => ({ ...r, release: r.releases.map((x) => `${x.release} (${x.vintage})`).join('; '), sha256: r.releases.map((x) => x.sha256).join(' ') }));
      return sendCsv(reply, 'series.csv', ['source', 'dataset', 'indicator', 'measure', 'origin', 'destination', 'period', 'value', 'unit', 'levels', 'flags', 'months', 'complete', 'previous', 'growthPct', 'release', 'sha256', 'definition'], rows, q.bom);
    }
    return result;
  });

  app.get(
    '/api/v1/stats/compare',
    {
      config: { access: 'read', cache: true },
      schema: {
        summary: 'One quantity under every definition and source (fiscal vs calendar year, EU aggregate vs members, Eurostat vs UNHCR)',
        querystring: z.object({ indicator: z.union([indicator, z.literal('recognition_rate')]).default('applications'), measure: text(40).optional(), origin: area.default('RUS'), dest: area.default('DEU'), period: periodOrRange, level: text(60).optional(), asOf: isoDate.optional() }).strict(),
      },
    },
    async (request) => {
      const q = request.query;
      return candidates(ctx.db, { indicator: q.indicator as never, ...(q.measure ? { measure: q.measure } : {}), origin: q.origin, destination: q.dest, period: q.period, ...(q.level ? { levels: q.level.split(',') } : {}), ...(q.asOf ? { asOf: q.asOf } : {}) });
    },
  );

  app.get('/api/v1/stats/rates', { config: { access: 'read', cache: true }, schema: { summary: 'Recognition rates, each with its formula', querystring: z.object({ origin: area.default('RUS'), dest: areas.default(['DEU', 'FRA']), from: year.optional(), to: year.optional(), level: text(60).optional() }).strict() } }, async (request) => {
    const q = request.query;
    return recognitionRates(ctx.db, { origin: q.origin, destinations: q.dest, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.level ? { levels: q.level.split(',') } : {}) });
  });

  app.get('/api/v1/stats/releases', { config: { access: 'read', cache: true }, schema: { summary: 'Imported releases: source, dataset, vintage, sha256, superseded by' } }, async () => listReleases(ctx.db));

  app.post('/api/v1/claims/check', { config: { access: 'read' }, schema: { summary: `Check structured claims (as in the claims YAML, sent as JSON; at most ${LIMITS.claimsPerCheck} per request) against every source`, body: claimsRequestSchema } }, async (request) => checkClaims(ctx.db, request.body.claims, request.budget));
}
