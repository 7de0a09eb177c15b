/**
 * The one HTTP client of otkaz's downloaders — the court crawler, the statistics fetcher (GET) and the time-stamp
 * requests of the archive (POST, `httpPost`): a User-Agent that
 * names otkaz and the operator's contact, a timeout on the whole exchange (headers and body), redirects followed
 * (or, for the crawler, returned as they are: each hop is its own request to its own host), a bound on the body's size, and one error type for every way a request can fail without an answer. Bodies are
 * returned as bytes: decoding (windows-1251 court pages, UTF-8 JSON) is the caller's; content-encoding (gzip) is
 * undone by fetch itself. Pacing is not here: the crawler's is enforced by the job store (one request per host,
 * per-host pacing, shared by every worker on one database), the statistics fetcher's by its own retry pauses.
 */

export interface HttpClientOptions {
  /** See `userAgent`: names otkaz, the purpose and a contact. */
  userAgent: string;
  /** The whole exchange (headers and body) must finish within this. */
  timeoutMs: number;
  /** Sent when a request names no Accept of its own. */
  accept?: string;
  /** Send every request to this base instead (`https://host/p` → `<base>/host/p`): the court simulator. */
  mirrorBase?: string | null;
  /** Stops every request in flight (the worker's stop). */
  signal?: AbortSignal;
  /** Refuse a body longer than this many bytes (after content-encoding is undone); undefined: no bound. */
  maxBodyBytes?: number;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** false: a 3xx answer is returned as it is (status, Location) instead of followed. Default true. */
  followRedirects?: boolean;
}

export interface HttpResponse {
  /** The URL asked for (before the mirror rewrite and redirects): what the caller archives. */
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  bytes: Uint8Array;
}

export type HttpErrorKind = 'timeout' | 'network' | 'too_large';

/** A request that got no usable answer. `message` is what the crawler records as the job's error. */
export class HttpError extends Error {
  readonly kind: HttpErrorKind;
  readonly url: string;
  /** The reason without the kind's prefix: the underlying error's message, or the bound passed. */
  readonly detail: string;
  constructor(kind: HttpErrorKind, url: string, detail: string, cause?: unknown) {
    super(kind === 'network' ? `network: ${detail}` : detail, { cause });
    this.name = 'HttpError';
    this.kind = kind;
    this.url = url;
    this.detail = detail;
  }
}

export interface HttpRequest {
  accept?: string;
  /** A Cookie header (the crawler's session for the host). */
  cookie?: string;
}

export interface HttpClient {
  get(url: string, request?: HttpRequest): Promise<HttpResponse>;
}

/** `otkaz/0.1 (<purpose>; contact: <contact>)`: every site can tell who asks and whom to write to. */
export function userAgent(purpose: string, contact: string): string {
  return `otkaz/0.1 (${purpose}; contact: ${contact})`;
}

/** A header's value (names compare case-insensitively); null when absent. */
export function header(headers: [string, string][], name: string): string | null {
  const wanted = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1] ?? null;
}

/** How long Retry-After asks to wait (seconds or an HTTP date), else `fallback`. */
export function retryAfterMs(headers: [string, string][], fallback: number, now: Date): number {
  const value = header(headers, 'retry-after');
  if (!value) return fallback;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? fallback : Math.max(0, at - now.getTime());
}

function mirrored(url: string, base: string | null | undefined): string {
  return base ? url.replace(/^https?:\/\/([^/]+)/, `${base.replace(/\/$/, '')}/$1`) : url;
}

async function readBody(response: Response, url: string, max: number | undefined): Promise<Uint8Array> {
  if (max === undefined || !response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError('too_large', url, `body larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** One exchange with the client's User-Agent, timeout, signal, body bound and error type (GET and POST alike). */
async function exchange(options: HttpClientOptions, url: string, init: RequestInit & { headers: Record<string, string> }): Promise<HttpResponse> {
  const fetchFn = options.fetch ?? fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetchFn(mirrored(url, options.mirrorBase), {
      ...init,
      headers: { 'user-agent': options.userAgent, ...init.headers },
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
    const bytes = await readBody(response, url, options.maxBodyBytes);
    return { url, status: response.status, statusText: response.statusText, headers: [...response.headers.entries()], bytes };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const e = error instanceof Error ? error : new Error(String(error));
    if (e.name === 'TimeoutError') throw new HttpError('timeout', url, `timeout after ${options.timeoutMs} ms`, error);
    throw new HttpError('network', url, e.message, error);
  }
}

export function httpClient(options: HttpClientOptions): HttpClient {
  return {
    get: (url, request = {}) =>
      exchange(options, url, {
        headers: { accept: request.accept ?? options.accept ?? '*/*', ...(request.cookie ? { cookie: request.cookie } : {}) },
        redirect: options.followRedirects === false ? 'manual' : 'follow',
      }),
  };
}

export interface HttpPostRequest {
  body: Uint8Array;
  contentType: string;
  accept?: string;
}

/**
 * One POST of a body (the time-stamp protocol's query), with the same User-Agent, timeout, body bound and errors as
 * the GET client. A redirect is not followed (a redirected POST may turn into a GET, or send the body elsewhere):
 * the 3xx answer is returned as it is, for the caller to refuse. Nothing is retried: a POST need not be idempotent.
 */
export function httpPost(options: HttpClientOptions, url: string, request: HttpPostRequest): Promise<HttpResponse> {
  return exchange(options, url, {
    method: 'POST',
    headers: { 'content-type': request.contentType, accept: request.accept ?? options.accept ?? '*/*' },
    body: request.body,
    redirect: 'manual',
  });
}
