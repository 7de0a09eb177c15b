/**
 * The web app (React, built by Vite into web/dist): its hashed assets, and the app shell for every client-side
 * route. The shell and assets hold no data (the data comes from /api/v1 under its own access rules), so they are
 * public. Without a build, the routes explain how to make one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
    return reply
      .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(readFileSync(file));
  });
}
