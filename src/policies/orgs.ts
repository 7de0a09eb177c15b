/**
 * Organisations: created on the command line only (the local actor; no route creates one). Their sign-in
 * settings are their administrators' — of that organisation only.
 */
import { resourceRule, rule } from '../ops/policy.ts';
import { memberOf, type Tenant } from './tenant.ts';

export const orgPolicy = {
  /** No member and no token may create an organisation: the operator level, held on the command line. */
  create: rule('orgs.create', 'operator', () => false),
  settings: resourceRule<Tenant>('orgs.settings', 'member', (actor, org) => memberOf(actor, org, ['org_admin'])),
  updateSettings: resourceRule<Tenant>('orgs.update_settings', 'member', (actor, org) => memberOf(actor, org, ['org_admin'])),
} as const;
