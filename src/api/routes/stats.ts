/**
 * Counts and statistics: prosecution counts, asylum series (with provenance: releases and the exact query),
 * comparisons across definitions, recognition rates, releases, and the claim check. Tables also as CSV.
 */

import { compareOperation } from '../../operations/asylum/compare.ts';
import { legalAidOperation } from '../../operations/asylum/legal-aid.ts';
import { ratesOperation } from '../../operations/asylum/rates.ts';
import { releasesOperation } from '../../operations/asylum/releases.ts';
import { seriesOperation } from '../../operations/asylum/series.ts';
import { checkClaimsOperation } from '../../operations/claims/check.ts';
import { prosecutionCountsOperation } from '../../operations/prosecutions/count.ts';
import { LIMITS } from '../../shared/limits.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerStatsRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, prosecutionCountsOperation, { method: 'GET', url: '/api/v1/stats/prosecutions', cache: true, description: 'CSV with format=csv' });
  bindRoute(app, ctx, seriesOperation, { method: 'GET', url: '/api/v1/stats/series', cache: true, description: 'CSV with format=csv' });
  bindRoute(app, ctx, compareOperation, { method: 'GET', url: '/api/v1/stats/compare', cache: true });
  bindRoute(app, ctx, ratesOperation, { method: 'GET', url: '/api/v1/stats/rates', cache: true });
  bindRoute(app, ctx, releasesOperation, { method: 'GET', url: '/api/v1/stats/releases', cache: true });
  bindRoute(app, ctx, legalAidOperation, { method: 'GET', url: '/api/v1/stats/legal-aid', cache: true });

  bindRoute(app, ctx, checkClaimsOperation, {
    method: 'POST',
    url: '/api/v1/claims/check',
    description: `At most ${LIMITS.claimsPerCheck} claims per request`,
  });
}
