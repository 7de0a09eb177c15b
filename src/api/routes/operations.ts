/**
 * Operations that change data — plan a crawl, answer a captcha, import a statistics file — need the operator
 * token. Each is one library call, in its own transaction where it writes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { planCrawl } from '../../crawler/jobs.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { type RouteContext, UPLOAD_LIMIT } from '../context.ts';
import type { ZodApp } from '../types.ts';
import { fileName, id as dbId, isoDate, text } from '../../shared/validation.ts';
const security = [{ bearer: [] }];

export function registerOperationRoutes(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/api/v1/operations/crawl',
    {
      config: { access: 'operator' },
      schema: {
        summary: 'Plan a crawl: courts × articles × months (the workers run it)',
        security,
        body: z.object({ courts: z.array(text(40).regex(/^\w+$/)).max(LIMITS.crawlCourts).optional(), articles: z.array(text(20).regex(/^\d+(\.\d+)?$/)).max(LIMITS.crawlArticles).default(['337', '338', '332', '339', '352.1']), from: isoDate, to: isoDate }).strict(),
      },
    },
    async (request) => {
      const wanted = request.body.courts;
      const courts = ctx.directory.courts
        .filter((c) => c.vnkod && c.host && !c.onlyInOldList && (wanted ? wanted.includes(c.vnkod) : c.type === 'garrison'))
        .map((c) => ({ vnkod: c.vnkod as string, host: c.host as string, layout: c.layout ?? ('classic' as const) }));
      if (!courts.length) throw new OtkazError(ErrorCode.Usage, 'no court matches', { where: 'courts' });
      return planCrawl(ctx.db, { courts, articles: request.body.articles, from: request.body.from, to: request.body.to });
    },
  );

  app.get('/api/v1/operations/captchas', { config: { access: 'operator' }, schema: { summary: 'Pending captchas with their images (PNG, base64)', security } }, async () => {
    // Loaded on first use: the captcha queue brings the crawler's page ingest, which serving needs nowhere else.
    const { pendingCaptchas } = await import('../../crawler/captcha.ts');
    const rows = await pendingCaptchas(ctx.db);
    return rows.map((r) => ({ ...r, png: r.png ? Buffer.from(r.png).toString('base64') : null }));
  });

  app.post('/api/v1/operations/captchas/:id', { config: { access: 'operator' }, schema: { summary: 'Answer a captcha; the host resumes with it', security, params: z.object({ id: dbId }), body: z.object({ answer: text(8).regex(/^\d{3,8}$/, 'the digits shown') }).strict() } }, async (request) => {
    const { answerPendingCaptcha } = await import('../../crawler/captcha.ts');
    await answerPendingCaptcha(ctx.db, request.params.id, request.body.answer);
    return { answered: request.params.id };
  });

  app.post(
    '/api/v1/operations/stats/import',
    {
      config: { access: 'operator' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        summary: 'Import a statistics file (the request body, any supported format, gzip allowed); same content again is a no-op',
        security,
        querystring: z.object({ filename: fileName, vintage: isoDate.optional(), release: text(200).optional(), dataset: text(40).regex(/^migr_[a-z]+$/).optional() }).strict(),
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new OtkazError(ErrorCode.InputInvalid, 'send the file as the request body (application/octet-stream)');
      const dir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-upload-'));
      try {
        const file = path.join(dir, request.query.filename);
        writeFileSync(file, body);
        const q = request.query;
        const { importStatistics } = await import('../../stats/import/load.ts');
        // Answers and errors name the file as uploaded, never the server's temporary folder.
        const result = await importStatistics(ctx.db, file, { name: q.filename, ...(q.vintage ? { vintage: q.vintage } : {}), ...(q.release ? { release: q.release } : {}), ...(q.dataset ? { dataset: q.dataset } : {}) });
        ctx.cache.invalidate();
        return result;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  app.addContentTypeParser(['application/octet-stream', 'text/csv', 'text/tab-separated-values', 'application/gzip'], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
}
