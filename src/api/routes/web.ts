/**
 * The web app (React, built by Vite into web/dist): its hashed assets, and the app shell for every client-side
 * route. The shell and assets hold no data (the data comes from /api/v1 under its own access rules), so they are
 * public. Without a build, the routes explain how to make one.
 *
 * Caching: a hashed asset never changes (`immutable`, a year); the shell is `no-cache` (revalidated on every load,
 * so a new build is seen at once). The assets are sent brotli- or gzip-compressed, each compressed once at the
 * highest level and kept in memory (the files of a build never change while it is served).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sitePolicy } from '../../policies/site.ts';
import { projectPath } from '../../shared/paths.ts';
import { fileName } from '../../shared/validation.ts';
import type { AppContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export const WEB_DIST = projectPath('web', 'dist');
/** The public pages, and the case-file area (sign-in and /files…; the shell holds no data: the API checks each request). */
export const APP_ROUTES = [
  '/',
  '/prosecutions',
  '/courts',
  '/statistics',
  '/statistics/legal-aid',
  '/claims',
  '/deadlines',
  '/cases/:id',
  '/operator/captchas',
  '/signin',
  '/files',
  '/files/*',
];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The encoding an asset is sent in: brotli, else gzip, else none — as the request's Accept-Encoding allows. */
export function assetEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const allowed = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return allowed('br') ? 'br' : allowed('gzip') ? 'gzip' : null;
}

const compressed = new Map<string, Buffer>();
/** The file's bytes in `encoding`, compressed on the first request for it (a built asset never changes). */
function encodedAsset(file: string, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding} ${file}`;
  let bytes = compressed.get(key);
  if (!bytes) {
    const plain = readFileSync(file);
    bytes =
      encoding === 'br'
        ? brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } })
        : gzipSync(plain, { level: 9 });
    compressed.set(key, bytes);
  }
  return bytes;
}

const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json']);

function sendAsset(request: FastifyRequest, reply: FastifyReply, file: string, cacheControl: string): FastifyReply {
  const extension = path.extname(file);
  reply.type(TYPES[extension] ?? 'application/octet-stream').header('cache-control', cacheControl);
  if (!COMPRESSIBLE.has(extension)) return reply.send(readFileSync(file));
  reply.header('vary', 'Accept-Encoding');
  const encoding = assetEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(readFileSync(file));
  return reply.header('content-encoding', encoding).send(encodedAsset(file, encoding));
}

/** What a browser is shown for a page that does not exist: the app (it says so, in the reader's language), with 404. */
export function notFoundPage(dist = WEB_DIST): Buffer | string {
  const index = path.join(dist, 'index.html');
  if (existsSync(index)) return readFileSync(index);
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found — otkaz</title></head><body><h1>Page not found</h1><p lang="ru">Страница не найдена.</p><p><a href="/">otkaz</a></p></body></html>';
}

/** Whether a 404 is for a browser's page load (HTML) rather than for a program (JSON): never under /api. */
export function wantsHtml(url: string, accept: string | undefined): boolean {
  if (url === '/api' || url.startsWith('/api/')) return false;
  const types = (accept ?? '').toLowerCase();
  return types.includes('text/html') && !types.startsWith('application/json');
}

export function registerWebRoutes(app: ZodApp, _ctx: AppContext, dist = WEB_DIST): void {
  const index = path.join(dist, 'index.html');
  const shell = () => (existsSync(index) ? readFileSync(index) : null);
  for (const url of APP_ROUTES) {
    app.get(url, { config: { policy: sitePolicy.page }, schema: { hide: true } }, async (_request, reply) => {
      const html = shell();
      if (!html)
        return reply
          .code(503)
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>otkaz</title></head><body><p>The web app is not built: run <code>npm start</code> (it builds it), or <code>npm run build:web</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>',
          );
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  }
  app.get('/assets/:file', { config: { policy: sitePolicy.page }, schema: { hide: true, params: z.object({ file: fileName }) } }, async (request, reply) => {
    const file = path.join(dist, 'assets', request.params.file);
    if (!existsSync(file)) return reply.callNotFound();
    return sendAsset(request, reply, file, 'public, max-age=31536000, immutable');
  });
  // The site's icon (not hashed: a day, then revalidated); the guidance pages and the API docs link it too.
  app.get('/favicon.svg', { config: { policy: sitePolicy.page }, schema: { hide: true } }, async (request, reply) => {
    const file = path.join(dist, 'favicon.svg');
    if (!existsSync(file)) return reply.callNotFound();
    return sendAsset(request, reply, file, 'public, max-age=86400');
  });
}
