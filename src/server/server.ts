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
import type { Database } from '../db/database.ts';
import { checkKnowledgeBase } from '../guidance/check.ts';
import { loadKnowledgeBase } from '../guidance/load.ts';
import type { Lang } from '../guidance/render.ts';
import { checkRoute, DISCLAIMER } from '../guidance/route.ts';
import { DOCUMENTS, STATUSES } from '../guidance/schema.ts';
import { recognitionFigures } from '../guidance/statistics.ts';
import { syncKnowledgeBase } from '../guidance/store.ts';
import { destinationPage, escapeHtml, factsPage, guidanceHome, routePage } from './guidance-pages.ts';
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

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8', cookie?: string): void {
  if (cookie) res.setHeader('set-cookie', cookie);
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

const RouteParams = z.object({
  status: z.enum(STATUSES),
  documents: z.array(z.enum(DOCUMENTS)).default([]),
  case: z.enum(['1', 'true', 'on']).optional(),
  location: z.string().transform((v) => v.toUpperCase()).pipe(z.string().regex(/^[A-Z]{3}$/, 'ISO3 country code')).default('RUS'),
  prefer: z.string().optional(),
  lang: z.enum(['en', 'ru']).optional(),
}).strict().transform(({ case: open, prefer, lang, documents, ...rest }) => ({ ...rest, documents: documents.filter((d) => d !== 'none'), caseOpen: open !== undefined, preferences: prefer ? prefer.split(',').map((c) => c.toUpperCase()) : [] }));

const today = () => new Date().toISOString().slice(0, 10);

/** The page language: ?lang= (remembered in a cookie), else the cookie, else the browser's preference. */
function langOf(req: http.IncomingMessage, url: URL): Lang {
  const asked = url.searchParams.get('lang');
  if (asked === 'en' || asked === 'ru') return asked;
  const cookie = /(?:^|;\s*)lang=(en|ru)/.exec(req.headers.cookie ?? '')?.[1];
  if (cookie === 'en' || cookie === 'ru') return cookie;
  return /^ru\b/i.test(req.headers['accept-language'] ?? '') ? 'ru' : 'en';
}

function langCookie(url: URL): string | undefined {
  const asked = url.searchParams.get('lang');
  return asked === 'en' || asked === 'ru' ? `lang=${asked}; Path=/; Max-Age=31536000; SameSite=Lax` : undefined;
}

async function destinationStatistics(db: Database, country: string): Promise<string> {
  const result = await series(db, { indicator: 'applications', measure: 'first_time', destinations: [country], from: '2019' });
  if (!result.rows.length) return '<p>—</p>';
  return `<table><thead><tr><th scope="col">source</th><th scope="col">year</th><th scope="col">value</th><th scope="col">unit</th><th scope="col">release</th></tr></thead><tbody>${result.rows
    .map((r) => `<tr><td>${escapeHtml(r.source)}</td><td>${r.period}</td><td>${r.value ?? ''}</td><td>${r.unit}</td><td>${escapeHtml(r.releases.map((x) => `${x.release} (${x.vintage})`).join('; '))}</td></tr>`)
    .join('')}</tbody></table><p>${escapeHtml(result.rows[0]!.definition)}</p>`;
}

export async function startServer(config: Config): Promise<http.Server> {
  const db = await openDatabase(storageTarget(config));
  const directory = loadDirectory();
  await syncCourts(db, directory);
  const kb = loadKnowledgeBase();
  await syncKnowledgeBase(db, kb);
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
      if (url.pathname === '/api/v1/guidance') return send(res, 200, { disclaimer: DISCLAIMER, ...kb, factById: undefined });
      if (url.pathname === '/api/v1/guidance/check') return send(res, 200, checkKnowledgeBase(kb, today()));
      if (url.pathname === '/api/v1/guidance/route' || url.pathname === '/guidance/route') {
        const html = url.pathname === '/guidance/route';
        const parsed = RouteParams.safeParse({ ...Object.fromEntries(url.searchParams), documents: url.searchParams.getAll('documents').flatMap((d) => d.split(',')).filter(Boolean) });
        if (!parsed.success) return send(res, 400, { type: 'about:blank', title: 'invalid query', status: 400, detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, 'application/problem+json');
        const stats = await recognitionFigures(db, kb.destinations.filter((d) => d.statistics).map((d) => d.country));
        const result = checkRoute(kb, { ...parsed.data, today: today() }, stats);
        if (!html) return send(res, 200, result);
        return send(res, 200, routePage(kb, result, langOf(req, url), `${url.pathname}?${[...url.searchParams].filter(([k]) => k !== 'lang').map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`), 'text/html; charset=utf-8', langCookie(url));
      }
      if (url.pathname === '/guidance') return send(res, 200, guidanceHome(kb, langOf(req, url), today()), 'text/html; charset=utf-8', langCookie(url));
      if (url.pathname === '/guidance/facts') return send(res, 200, factsPage(kb, langOf(req, url), today()), 'text/html; charset=utf-8', langCookie(url));
      if (url.pathname.startsWith('/guidance/destination/')) {
        const country = url.pathname.split('/').pop() ?? '';
        const lang = langOf(req, url);
        const rows = /^[A-Z]{3}$/.test(country) ? await destinationStatistics(db, country) : '';
        const htmlPage = destinationPage(kb, country, lang, today(), rows);
        if (!htmlPage) return send(res, 404, { type: 'about:blank', title: 'not found', status: 404 }, 'application/problem+json');
        return send(res, 200, htmlPage, 'text/html; charset=utf-8', langCookie(url));
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
<p><a href="/guidance">Guidance</a> (<a href="/guidance?lang=ru">по-русски</a>): penalties, exit routes, destinations, rulings and incidents — every fact sourced and dated — and a route checker.</p>
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
