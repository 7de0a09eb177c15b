/** The deadline engine on the API: the rules, and one deadline computed (operations of src/operations/deadlines/). */
import { computeDeadlineOperation } from '../../operations/deadlines/compute.ts';
import { deadlineRulesOperation } from '../../operations/deadlines/rules.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerDeadlineRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, deadlineRulesOperation, { method: 'GET', url: '/api/v1/deadlines/rules' });
  bindRoute(app, ctx, computeDeadlineOperation, { method: 'GET', url: '/api/v1/deadlines/compute' });
}
