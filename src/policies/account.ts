/** A member's own settings (his language): every verified member, for his own account in his own organisation. */
import { resourceRule } from '../ops/policy.ts';
import type { OrgResource } from './clients.ts';

export const accountPolicy = {
  language: resourceRule<OrgResource>('account.language', 'member', (actor, r) => actor.kind === 'user' && actor.verified && actor.orgId === r.orgId),
} as const;
