/**
 * Deadlines on the API: the engine (the rules, one deadline computed: public) and the case files' deadlines (the
 * overview, the calendar download: members; src/operations/deadlines/), and the member's language setting.
 */
import { z } from 'zod';
import { languageOperation } from '../../operations/account/language.ts';
import { calendarOperation } from '../../operations/deadlines/calendar.ts';
import { computeDeadlineOperation } from '../../operations/deadlines/compute.ts';
import { dashboardOperation } from '../../operations/deadlines/dashboard.ts';
import { deadlineRulesOperation } from '../../operations/deadlines/rules.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerDeadlineRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, deadlineRulesOperation, { method: 'GET', url: '/api/v1/deadlines/rules' });
  bindRoute(app, ctx, computeDeadlineOperation, { method: 'GET', url: '/api/v1/deadlines/compute' });
  bindRoute(app, ctx, dashboardOperation, { method: 'GET', url: '/api/v1/deadlines/dashboard' });
  bindRoute(app, ctx, calendarOperation, {
    method: 'GET',
    url: '/api/v1/deadlines/calendar.ics',
    produces: { 'text/calendar': z.string().describe('iCalendar (RFC 5545): one all-day event per dated deadline not yet met') },
    send: (reply, result) =>
      reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${result.fileName}"`).send(result.calendar),
  });
  bindRoute(app, ctx, languageOperation, { method: 'POST', url: '/api/v1/account/language' });
}
