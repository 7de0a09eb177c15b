/**
 * Operations that change data — plan a crawl, answer a captcha, import a statistics file — and the crawl's state
 * need the operator token. Each is one library call, in its own transaction where it writes, and a bound
 * operation (src/operations/crawl/, src/operations/asylum/import.ts) shared with the CLI.
 */
import { importStatisticsOperation } from '../../operations/asylum/import.ts';
import { importReleaseOperation } from '../../operations/asylum/import-release.ts';
import { answerCaptchaOperation, listCaptchasOperation } from '../../operations/crawl/captchas.ts';
import { planCrawlOperation } from '../../operations/crawl/plan.ts';
import { crawlStatusOperation } from '../../operations/crawl/status.ts';
import { bindRoute } from '../bind.ts';
import { type RouteContext, UPLOAD_LIMIT } from '../context.ts';
import type { ZodApp } from '../types.ts';

/** The content types of a statistics upload: parsed as bytes, up to UPLOAD_LIMIT. */
const UPLOAD_TYPES = ['application/octet-stream', 'text/csv', 'text/tab-separated-values', 'application/gzip'] as const;

export function registerOperationRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, planCrawlOperation, { method: 'POST', url: '/api/v1/operations/crawl' });
  bindRoute(app, ctx, crawlStatusOperation, { method: 'GET', url: '/api/v1/operations/crawl/status', description: 'CSV with format=csv' });
  bindRoute(app, ctx, listCaptchasOperation, { method: 'GET', url: '/api/v1/operations/captchas' });
  bindRoute(app, ctx, answerCaptchaOperation, { method: 'POST', url: '/api/v1/operations/captchas/:id', params: ['id'] });

  bindRoute(app, ctx, importStatisticsOperation, {
    method: 'POST',
    url: '/api/v1/operations/stats/import',
    description: 'The file is the request body (gzip allowed); the query string names it (filename) and its release.',
    upload: { field: 'file', name: 'filename', limit: UPLOAD_LIMIT, contentTypes: UPLOAD_TYPES },
    invalidates: true,
  });
  bindRoute(app, ctx, importReleaseOperation, {
    method: 'POST',
    url: '/api/v1/operations/stats/import-release',
    description: 'An anonymised legal-aid statistics release (JSON, made by otkaz stats release) is the request body; the query string may name it (filename).',
    upload: { field: 'file', name: 'filename', limit: UPLOAD_LIMIT, contentTypes: UPLOAD_TYPES },
    invalidates: true,
  });

  app.addContentTypeParser([...UPLOAD_TYPES], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
}
