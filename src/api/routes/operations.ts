/**
 * Operations that change data — plan a crawl, answer a captcha, import a statistics file — and the crawl's state
 * need the operator token. Each is one library call, in its own transaction where it writes; the crawl's are bound
 * operations (src/operations/crawl/), shared with the CLI.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { answerCaptchaOperation, listCaptchasOperation } from '../../operations/crawl/captchas.ts';
import { planCrawlOperation } from '../../operations/crawl/plan.ts';
import { crawlStatusOperation } from '../../operations/crawl/status.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { fileName, isoDate, text } from '../../shared/validation.ts';
import { bindRoute } from '../bind.ts';
import { type RouteContext, UPLOAD_LIMIT } from '../context.ts';
import type { ZodApp } from '../types.ts';

const security = [{ bearer: [] }];

export function registerOperationRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, planCrawlOperation, { method: 'POST', url: '/api/v1/operations/crawl' });
  bindRoute(app, ctx, crawlStatusOperation, { method: 'GET', url: '/api/v1/operations/crawl/status', description: 'CSV with format=csv' });
  bindRoute(app, ctx, listCaptchasOperation, { method: 'GET', url: '/api/v1/operations/captchas' });
  bindRoute(app, ctx, answerCaptchaOperation, { method: 'POST', url: '/api/v1/operations/captchas/:id', params: ['id'] });

  app.post(
    '/api/v1/operations/stats/import',
    {
      config: { policy: statisticsPolicy.import },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        summary: 'Import a statistics file (the request body, any supported format, gzip allowed); same content again is a no-op',
        security,
        querystring: z
          .object({
            filename: fileName,
            vintage: isoDate.optional(),
            release: text(200).optional(),
            dataset: text(40)
              .regex(/^migr_[a-z]+$/)
              .optional(),
          })
          .strict(),
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new OtkazError(ErrorCode.InputInvalid, 'send the file as the request body (application/octet-stream)');
      const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-upload-'));
      try {
        const file = path.join(dir, request.query.filename);
        writeFileSync(file, body);
        const q = request.query;
        const { importStatistics } = await import('../../asylum/import/load.ts');
        // Answers and errors name the file as uploaded, never the server's temporary folder.
        const result = await importStatistics(ctx.db, file, {
          name: q.filename,
          ...(q.vintage ? { vintage: q.vintage } : {}),
          ...(q.release ? { release: q.release } : {}),
          ...(q.dataset ? { dataset: q.dataset } : {}),
        });
        ctx.cache.invalidate();
        return result;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  app.addContentTypeParser(
    ['application/octet-stream', 'text/csv', 'text/tab-separated-values', 'application/gzip'],
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => done(null, body),
  );
}
