/** The court directory with each court's crawl status (the adapter of src/operations/courts/list.ts). */
import { listCourtsOperation } from '../../operations/courts/list.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerCourtRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, listCourtsOperation, { method: 'GET', url: '/api/v1/courts', description: 'CSV with format=csv (the JSON field names as columns)' });
}
