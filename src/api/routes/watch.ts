/**
 * The deletion watch (#15): its events as JSON (or CSV) and as an Atom 1.0 feed, for the watched courts or cases (the
 * query string names them: a feed reader subscribes to the URL); queuing the visits and reading the answers need the
 * operator token. Each route is the adapter of an operation (src/operations/watch/).
 */
import { z } from 'zod';
import { renderAtom } from '../../courts/watch/atom.ts';
import { watchEventsOperation } from '../../operations/watch/events.ts';
import { watchFeedOperation } from '../../operations/watch/feed.ts';
import { watchClassifyOperation, watchPlanOperation } from '../../operations/watch/run.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerWatchRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, watchEventsOperation, { method: 'GET', url: '/api/v1/watch/events', cache: true, description: 'CSV with format=csv' });
  bindRoute(app, ctx, watchFeedOperation, {
    method: 'GET',
    url: '/api/v1/watch/feed.atom',
    // Not cached: its links carry an origin, and a cached answer would hand one caller's Host header to every reader.
    cache: false,
    produces: { 'application/atom+xml': z.string().describe('an Atom 1.0 feed (RFC 4287)') },
    send: (reply, feed) => {
      // The configured public address when there is one; otherwise the address this caller used.
      const origin = ctx.config.publicUrl?.replace(/\/+$/, '') ?? `${reply.request.protocol}://${reply.request.host}`;
      return reply.type('application/atom+xml; charset=utf-8').send(renderAtom(feed, origin, `${origin}${reply.request.url}`));
    },
  });
  bindRoute(app, ctx, watchPlanOperation, { method: 'POST', url: '/api/v1/operations/watch/plan' });
  bindRoute(app, ctx, watchClassifyOperation, { method: 'POST', url: '/api/v1/operations/watch/classify', invalidates: true });
}
