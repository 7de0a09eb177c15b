import http from 'node:http';
import { z } from 'zod';
import { OtkazError } from '../shared/errors.ts';
import type { Config } from '../config/config.ts';
import { openDatabase, storageTarget } from '../db/open.ts';
import { parseArea } from '../stats/codes/countries.ts';
import { isIndicator } from '../stats/model.ts';
import { listReleases } from '../stats/query/releases.ts';
import { series } from '../stats/query/series.ts';
import { ensureSnapshot } from '../stats/snapshot.ts';
import { loadDirectory } from '../courts/directory/load.ts';
import { syncCourts } from '../courts/directory/sync.ts';
import { DIMENSIONS, prosecutionCounts } from '../courts/stats.ts';

/**
 * Interim read-only server behind `npm start`: the court directory and prosecution counts as JSON, and a
 * plain page that links them. The full API (Fastify, OpenAPI, auth) and the web app come with the web issue.
 */
const StatsQuery = z.object({
  by: z
    .string()
    .default('month,article')
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(DIMENSIONS))),
  articles: z.string().optional().transform((v) => (v ? v.split(',') : undefined)),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const SeriesParams = z.object({
  indicator: z.string().refine(isIndicator, 'unknown indicator').default('applications'),
  measure: z.string().optional(),
  origin: z.string().transform((v) => parseArea(v) ?? '').refine(Boolean, 'unknown origin').default('RUS'),
  dest: z.string().transform((v) => v.split(',').map((d) => parseArea(d) ?? '')).refine((v) => v.every(Boolean), 'unknown destination').default(['DEU', 'FRA', 'EU27_2020']),
  period: z.enum(['year', 'fiscal_year', 'quarter', 'month']).default('year'),
  from: z.string().optional(),
  to: z.string().optional(),
}).strict().transform(({ dest, ...rest }) => ({ ...rest, destinations: dest }));

export async function startServer(config: Config): Promise<http.Server> {
  const db = await openDatabase(storageTarget(config));
  const directory = loadDirectory();
  await syncCourts(db, directory);
  const loaded = await ensureSnapshot(db);
  if (loaded.length) process.stdout.write(`loaded the bundled statistics: ${loaded.length} files, ${loaded.reduce((n, r) => n + r.observations, 0)} observations\n`);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (req.method !== 'GET') return send(res, 405, { type: 'about:blank', title: 'method not allowed', status: 405 }, 'application/problem+json');
      if (url.pathname === '/healthz') return send(res, 200, { ok: true });
      if (url.pathname === '/api/v1/courts') return send(res, 200, directory);
      if (url.pathname === '/api/v1/stats/prosecutions') {
        const parsed = StatsQuery.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) return send(res, 400, { type: 'about:blank', title: 'invalid query', status: 400, detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, 'application/problem+json');
        return send(res, 200, await prosecutionCounts(db, parsed.data));
      }
      if (url.pathname === '/api/v1/stats/releases') return send(res, 200, await listReleases(db));
      if (url.pathname === '/api/v1/stats/series') {
        const parsed = SeriesParams.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) return send(res, 400, { type: 'about:blank', title: 'invalid query', status: 400, detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, 'application/problem+json');
        return send(res, 200, await series(db, parsed.data));
      }
      if (url.pathname === '/') {
        const c = directory.counts;
        const [cases] = await db.query<{ n: number; synthetic: number }>('select count(*)::int as n, count(*) filter (where synthetic)::int as synthetic from cases');
        return send(
          res,
          200,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>otkaz</title></head><body style="font-family:sans-serif;max-width:46rem;margin:2rem auto">
<h1>otkaz</h1><p>Prosecutions of Russian military refusers, from court records, with an evidence archive.</p>
<p>Court directory: ${c.total} military courts (${c.garrison} garrison, ${c.okrug_fleet} okrug/fleet, ${c.appellate} appellate, ${c.cassation} cassation) — <a href="/api/v1/courts">JSON</a>.</p>
<p>Cases stored: ${cases?.n ?? 0}${cases?.synthetic ? ` (${cases.synthetic} SYNTHETIC demo cases)` : ''} — <a href="/api/v1/stats/prosecutions?by=month,article">counts by month and article</a>.</p>
<p>Asylum statistics: ${(await listReleases(db)).length} releases of UNHCR, Eurostat and US CBP data — e.g. <a href="/api/v1/stats/series?indicator=applications&amp;measure=first_time&amp;dest=DEU,FRA,EU27&amp;from=2019">first-time applications by Russian citizens in Germany, France and the EU</a>, <a href="/api/v1/stats/series?indicator=encounters&amp;dest=USA&amp;period=fiscal_year">US CBP encounters by fiscal year</a>; <a href="/api/v1/stats/releases">releases and provenance</a>.</p>
<p>Fill the database with <code>npx otkaz ingest &lt;pages or .warc&gt;</code> or <code>npx otkaz crawl</code>; for an offline demo with SYNTHETIC data, stop this server and run <code>npx otkaz demo</code>. The full web app is being built.</p></body></html>`,
          'text/html; charset=utf-8',
        );
      }
      return send(res, 404, { type: 'about:blank', title: 'not found', status: 404 }, 'application/problem+json');
    };
    handle().catch((error: unknown) => {
      if (error instanceof OtkazError && !res.headersSent) {
        return send(res, 400, { type: 'about:blank', title: 'invalid request', status: 400, code: error.code, detail: error.message }, 'application/problem+json');
      }
      process.stderr.write(`request failed: ${(error as Error).message}\n`);
      if (!res.headersSent) send(res, 500, { type: 'about:blank', title: 'internal error', status: 500 }, 'application/problem+json');
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`otkaz is serving at http://${config.host}:${port}/ (${db.engine} database)\n`);
  server.on('close', () => void db.close());
  return server;
}
