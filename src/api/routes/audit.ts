/** The audit log for an organisation's admins: its entries, and the verification of its chain (src/operations/audit/). */
import { listAuditOperation } from '../../operations/audit/list.ts';
import { verifyAuditOperation } from '../../operations/audit/verify.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerAuditRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, listAuditOperation, {
    method: 'GET',
    url: '/api/v1/org/audit',
    description: "The signed-in admin's organisation only (naming another is refused); the read is itself recorded (audit.read).",
  });
  bindRoute(app, ctx, verifyAuditOperation, {
    method: 'GET',
    url: '/api/v1/org/audit/verify',
    description: "Recomputes the signed-in admin's organisation's chain; 200 with ok: false when it is broken.",
  });
}
