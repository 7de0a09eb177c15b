/**
 * Deadlines. The rules and the calculator: anyone — published law and arithmetic, no personal data. The overview
 * and the calendar of the case files' deadlines: the workers of an organisation (org admin, lawyer, caseworker —
 * those who may read applications), for their own organisation only (the tenant check is in the rule, and every
 * query names the organisation). Sending reminders: the installation's own work — the command line or the
 * server's interval (the operator level, which the command line passes).
 */
import type { Actor } from '../ops/actor.ts';
import { resourceRule, rule } from '../ops/policy.ts';
import type { MemberRole } from '../shared/roles.ts';
import type { OrgResource } from './clients.ts';

const WORKERS: ReadonlySet<MemberRole> = new Set(['org_admin', 'lawyer', 'caseworker']);
const worker = (actor: Actor, r: OrgResource) => actor.kind === 'user' && actor.verified && actor.orgId === r.orgId && WORKERS.has(actor.role);

export const deadlinePolicy = {
  read: rule('deadlines.read', 'public'),
  dashboard: resourceRule<OrgResource>('deadlines.dashboard', 'member', worker),
  calendar: resourceRule<OrgResource>('deadlines.calendar', 'member', worker),
  remind: rule('reminders.send', 'operator'),
} as const;
