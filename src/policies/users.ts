/** Members of an organisation: its administrators create, list and disable them — in their own organisation only. */
import { resourceRule } from '../ops/policy.ts';
import { memberOf, type Tenant } from './tenant.ts';

const admin = (name: string) => resourceRule<Tenant>(name, 'member', (actor, org) => memberOf(actor, org, ['org_admin']));

export const userPolicy = {
  create: admin('users.create'),
  list: admin('users.list'),
  disable: admin('users.disable'),
  resetPassword: admin('users.reset_password'),
} as const;
