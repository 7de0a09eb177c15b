/** Health, the OpenAPI document and its human-readable page, and the home page. */
import { z } from 'zod';
import { listReleases } from '../../asylum/query/releases.ts';
import { caseCounts } from '../../courts/cases/read.ts';
import { sitePolicy } from '../../policies/site.ts';
import { present } from '../../shared/present.ts';
import type { AppContext } from '../context.ts';
import { escapeHtml } from '../pages/html.ts';
import type { ZodApp } from '../types.ts';

interface OpenApiOperation {
  summary?: string;
  description?: string;
  security?: unknown[];
}

/** What /healthz answers (the web app waits on `statistics` after a first start). */
export const HealthSchema = z.object({
  ok: z.literal(true),
  engine: z.enum(['pglite', 'postgres']),
  statistics: z
    .enum(['loading', 'ready', 'failed'])
    .describe('the bundled statistics: loading in the background after a first start, ready, or failed to load'),
});

export function registerMetaRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/healthz',
    {
      config: { policy: sitePolicy.health },
      schema: {
        summary: 'Health: the storage engine, and whether the bundled statistics are still loading after a first start',
        response: { 200: HealthSchema },
      },
    },
    async () => ({ ok: true as const, engine: ctx.db.engine, statistics: ctx.startup?.statistics ?? 'ready' }),
  );

  app.get('/api/openapi.json', { config: { policy: sitePolicy.describe }, schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { config: { policy: sitePolicy.describe }, schema: { hide: true } }, async (_request, reply) => {
    const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
    // Each route's declared access level ("GET /api/v1/captures/:id/raw evidence"), by its OpenAPI path.
    const levels = new Map(
      (app as unknown as { routeAccess: string[] }).routeAccess.map((line) => {
        const [method, url, access] = line.split(' ');
        return [`${method} ${present(url, 'the route URL').replace(/:(\w+)/g, '{$1}')}`, access] as const;
      }),
    );
    const who: Record<string, string> = {
      public: 'public',
      read: 'public (or read token when private)',
      evidence: 'read or operator token (evidence; unless opened by configuration)',
      operator: 'operator token',
    };
    const rows = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) =>
          `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? '')}</td><td>${who[levels.get(`${method.toUpperCase()} ${path}`) ?? ''] ?? (op.security ? 'operator token' : 'public (or read token when private)')}</td></tr>`,
      ),
    );
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>otkaz API</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left}table{border-collapse:collapse}</style></head><body><h1>otkaz API</h1><p>OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code>.</p><table><thead><tr><th scope="col">method</th><th scope="col">path</th><th scope="col">what</th><th scope="col">access</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`,
      );
  });

  app.get('/about', { config: { policy: sitePolicy.about }, schema: { hide: true, querystring: z.object({}).strict() } }, async (_request, reply) => {
    const c = ctx.directory.counts;
    const cases = await caseCounts(ctx.db);
    const releases = (await listReleases(ctx.db)).length;
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>otkaz</title></head><body style="font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem">
<h1>otkaz</h1><p>Prosecutions of Russian military refusers, from court records, with an evidence archive; asylum statistics; guidance.</p>
<p>Court directory: ${c.total} military courts (${c.garrison} garrison, ${c.okrug_fleet} okrug/fleet, ${c.appellate} appellate, ${c.cassation} cassation) — <a href="/api/v1/courts">JSON</a>.</p>
<p>Cases stored: ${cases.total}${cases.synthetic ? ` (${cases.synthetic} SYNTHETIC demo cases)` : ''} — <a href="/api/v1/cases">list</a>, <a href="/api/v1/stats/prosecutions?by=month,article">counts by month and article</a>.</p>
<p>Asylum statistics: ${releases} releases of UNHCR, Eurostat and US CBP data — e.g. <a href="/api/v1/stats/series?indicator=applications&amp;measure=first_time&amp;dest=DEU,FRA,EU27&amp;from=2019">first-time applications by Russian citizens in Germany, France and the EU</a>, <a href="/api/v1/stats/series?indicator=encounters&amp;dest=USA&amp;period=fiscal_year">US CBP encounters by fiscal year</a>; <a href="/api/v1/stats/releases">releases and provenance</a>.</p>
<p><a href="/guidance">Guidance</a> (<a href="/guidance?lang=ru">по-русски</a>): penalties, exit routes, destinations, rulings and incidents — every fact sourced and dated — and a route checker.</p>
<p>API: <a href="/api/docs">endpoints</a>, <a href="/api/openapi.json">OpenAPI</a>. Fill the database with <code>./otkaz ingest</code> or <code>./otkaz crawl</code>; for an offline demo with SYNTHETIC data, stop this server and run <code>./otkaz demo</code>. The full web app is being built.</p></body></html>`);
  });
}
