/**
 * Downloaders for the official endpoints: UNHCR Refugee Statistics API (paged JSON), Eurostat statistics API
 * (JSON-stat, filtered pulls — whole datasets exceed the API's size limit), CBP Nationwide Encounters (links
 * discovered on the page, never constructed). Every body is cached under its sha256 in the data folder and
 * imported; a body already seen is not imported again. Tests point `baseUrl` at a local server. Each source's
 * downloader is listed in its adapter (src/asylum/sources/); `fetchStatistics` (src/asylum/sources/fetch.ts) runs
 * one with the importer and the source's licence.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Database } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { type HttpClient, HttpError, type HttpResponse, header, httpClient, retryAfterMs, userAgent } from '../../shared/http.ts';
import { LIMITS, limitError } from '../../shared/limits.ts';
import { EUROSTAT_DATASETS } from '../import/eurostat.ts';
import type { Source } from '../model.ts';

/** Imports one downloaded file (src/asylum/import/load.ts `importStatistics`, with the source's licence). */
export type ImportDownloaded = (
  db: Database,
  file: string,
  options: { vintage?: string; release?: string; url?: string; dataset?: string },
) => Promise<{ status: 'imported' | 'unchanged'; dataset: string; observations: number }>;

export interface FetchOptions {
  source: Source;
  origin: string;
  cacheDir: string;
  baseUrl?: string;
  contact?: string;
  /** Injected in tests; defaults to global fetch. */
  fetchFn?: typeof fetch;
  maxPages?: number;
}

export interface FetchResult {
  url: string;
  cached: boolean;
  /** empty: the endpoint answered with no data for this query (nothing imported). */
  status: 'imported' | 'unchanged' | 'empty';
  dataset: string;
  observations: number;
  sha256: string;
}

const UNHCR_ENDPOINTS = ['asylum-applications', 'asylum-decisions', 'population', 'solutions'] as const;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const TIMEOUT_MS = 120_000;
const ATTEMPTS = 3;

/** The shared HTTP client (src/shared/http.ts) as the statistics fetcher uses it: its own User-Agent, the file bound. */
function client(options: FetchOptions): HttpClient {
  return httpClient({
    userAgent: userAgent('asylum statistics', options.contact ?? 'not configured'),
    timeoutMs: TIMEOUT_MS,
    maxBodyBytes: LIMITS.inflatedBytes,
    ...(options.fetchFn ? { fetch: options.fetchFn } : {}),
  });
}

/** GET with up to three attempts: again after a connection error, and after 429 or 5xx (waiting as Retry-After asks, at most a minute). */
async function get(url: string, options: FetchOptions, accept: string): Promise<{ body: Buffer; type: string; lastModified: string | null }> {
  const http = client(options);
  for (let attempt = 1; ; attempt += 1) {
    let response: HttpResponse;
    try {
      response = await http.get(url, { accept });
    } catch (cause) {
      if (cause instanceof HttpError && cause.kind === 'too_large') throw limitError(`the endpoint sent more than ${LIMITS.inflatedBytes} bytes`, url);
      if (attempt < ATTEMPTS) continue;
      throw new OtkazError(ErrorCode.StatsFetch, `cannot reach the endpoint: ${cause instanceof HttpError ? cause.detail : (cause as Error).message}`, {
        where: url,
        cause,
      });
    }
    if ((response.status === 429 || response.status >= 500) && attempt < ATTEMPTS) {
      const asked = retryAfterMs(response.headers, 0, new Date());
      await new Promise((resolve) => setTimeout(resolve, asked > 0 ? Math.min(asked, 60_000) : 1000 * attempt));
      continue;
    }
    if (response.status < 200 || response.status > 299)
      throw new OtkazError(ErrorCode.StatsFetch, `HTTP ${response.status} ${response.statusText}`, { where: url });
    const lastModified = header(response.headers, 'last-modified');
    return {
      body: Buffer.from(response.bytes),
      type: header(response.headers, 'content-type') ?? '',
      lastModified: lastModified ? new Date(lastModified).toISOString().slice(0, 10) : null,
    };
  }
}

/** Stores a body under its hash; returns the file and whether it was already there. */
function cache(dir: string, body: Buffer, extension: string): { file: string; cached: boolean; sha256: string } {
  mkdirSync(dir, { recursive: true });
  const sha256 = createHash('sha256').update(body).digest('hex');
  const file = path.join(dir, `${sha256}.${extension}`);
  const cached = existsSync(file);
  if (!cached) writeFileSync(file, body);
  return { file, cached, sha256 };
}

function parseJson(body: Buffer, url: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (cause) {
    throw new OtkazError(ErrorCode.StatsFetch, `the endpoint sent invalid JSON (${(cause as Error).message})`, { where: url, cause });
  }
}

function expectJson(type: string, url: string): void {
  // During outages Eurostat answers with an HTML page: never parse it as data.
  if (!/json/i.test(type)) throw new OtkazError(ErrorCode.StatsFetch, `expected JSON, got "${type || 'no content type'}" (an outage page?)`, { where: url });
}

export async function fetchUnhcr(db: Database, options: FetchOptions, base: string, importFile: ImportDownloaded): Promise<FetchResult[]> {
  const out: FetchResult[] = [];
  for (const endpoint of UNHCR_ENDPOINTS) {
    const pages: unknown[] = [];
    let first = '';
    for (let page = 1; page <= (options.maxPages ?? 50); page += 1) {
      const url = `${base}/population/v1/${endpoint}/?coo=${options.origin}&cf_type=ISO&coa_all=true&yearFrom=2000&limit=10000&page=${page}`;
      if (page === 1) first = url;
      const { body, type } = await get(url, options, 'application/json');
      expectJson(type, url);
      const doc = parseJson(body, url) as { maxPages?: number; items?: unknown[] };
      pages.push(doc);
      if (!doc.maxPages || page >= doc.maxPages) break;
    }
    const { file, cached, sha256 } = cache(options.cacheDir, Buffer.from(JSON.stringify(pages)), 'json');
    if (!pages.some((p) => ((p as { items?: unknown[] }).items ?? []).length > 0)) {
      out.push({ url: first, cached, status: 'empty', dataset: endpoint, observations: 0, sha256 });
      continue;
    }
    const result = await importFile(db, file, { vintage: today(), release: `UNHCR API, fetched ${today()}`, url: first });
    out.push({ url: first, cached, status: result.status, dataset: result.dataset, observations: result.observations, sha256 });
  }
  return out;
}

export async function fetchEurostat(db: Database, options: FetchOptions, base: string, importFile: ImportDownloaded): Promise<FetchResult[]> {
  const out: FetchResult[] = [];
  const citizen = options.origin === 'RUS' ? 'RU' : options.origin.slice(0, 2);
  for (const dataset of Object.keys(EUROSTAT_DATASETS)) {
    for (const who of [citizen, 'TOTAL']) {
      const url = `${base}/eurostat/api/dissemination/statistics/1.0/data/${dataset}?lang=en&citizen=${who}&sex=T&age=TOTAL`;
      const { body, type } = await get(url, options, 'application/json');
      expectJson(type, url);
      const { file, cached, sha256 } = cache(options.cacheDir, body, 'json');
      const values = (parseJson(body, url) as { value?: unknown }).value;
      if (!values || Object.keys(values).length === 0) {
        out.push({ url, cached, status: 'empty', dataset, observations: 0, sha256 });
        continue;
      }
      const result = await importFile(db, file, { dataset, url, release: `Eurostat API ${dataset}, fetched ${today()}` });
      out.push({ url, cached, status: result.status, dataset: result.dataset, observations: result.observations, sha256 });
    }
  }
  return out;
}

/** Links to encounter CSV files on the CBP page. */
export function encounterLinks(html: string, pageUrl: string): string[] {
  const doc = parseDocument(html);
  const links = selectAll<AnyNode, Element>('a[href]', doc);
  const found = new Set<string>();
  for (const a of links) {
    const href = a.attribs.href ?? '';
    if (/nationwide-encounters[^/]*\.csv(\?|$)/i.test(href)) found.add(new URL(href, pageUrl).toString());
  }
  return [...found];
}

export async function fetchCbp(db: Database, options: FetchOptions, base: string, importFile: ImportDownloaded): Promise<FetchResult[]> {
  const page = `${base}/newsroom/stats/nationwide-encounters`;
  const { body } = await get(page, options, 'text/html');
  const links = encounterLinks(body.toString('utf8'), page);
  if (!links.length) throw new OtkazError(ErrorCode.StatsFetch, 'no nationwide-encounters CSV link on the page (has the page changed?)', { where: page });
  const out: FetchResult[] = [];
  for (const url of links) {
    const { body: csv, lastModified } = await get(url, options, 'text/csv');
    const { file, cached, sha256 } = cache(options.cacheDir, csv, 'csv');
    const result = await importFile(db, file, { vintage: lastModified ?? today(), release: `CBP ${path.basename(new URL(url).pathname)}`, url });
    out.push({ url, cached, status: result.status, dataset: result.dataset, observations: result.observations, sha256 });
  }
  return out;
}
