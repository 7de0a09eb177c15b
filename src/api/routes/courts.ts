/** The court directory with each court's crawl status. */
import { z } from 'zod';
import { crawlStatus } from '../../crawler/jobs.ts';
import type { AppContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerCourtRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/courts',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Military courts (directory) with their crawl status',
        querystring: z.object({ type: z.enum(['garrison', 'okrug_fleet', 'appellate', 'cassation']).optional() }).strict(),
      },
    },
    async (request) => {
      const status = new Map((await crawlStatus(ctx.db)).map((s) => [s.court_vnkod, s]));
      const courts = ctx.directory.courts.filter((c) => !request.query.type || c.type === request.query.type).map((c) => ({ ...c, crawl: (c.vnkod && status.get(c.vnkod)) || null }));
      return { ...ctx.directory, courts };
    },
  );
}
