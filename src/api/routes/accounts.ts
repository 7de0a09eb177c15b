/**
 * An organisation's members and sign-in settings, for its administrators (each route's rule checks the role and,
 * in the operation, the tenant). Organisations themselves are created on the command line only.
 */
import { orgSettingsOperation, updateOrgSettingsOperation } from '../../operations/orgs/settings.ts';
import { createUserOperation } from '../../operations/users/create.ts';
import { disableUserOperation } from '../../operations/users/disable.ts';
import { listUsersOperation } from '../../operations/users/list.ts';
import { resetPasswordOperation } from '../../operations/users/reset-password.ts';
import { bindRoute } from '../bind.ts';
import type { RouteContext } from '../context.ts';
import type { ZodApp } from '../types.ts';

export function registerAccountRoutes(app: ZodApp, ctx: RouteContext): void {
  bindRoute(app, ctx, listUsersOperation, { method: 'GET', url: '/api/v1/org/users' });
  bindRoute(app, ctx, createUserOperation, {
    method: 'POST',
    url: '/api/v1/org/users',
    description: 'The answer holds the one-time password: the only time it is shown.',
  });
  bindRoute(app, ctx, disableUserOperation, { method: 'POST', url: '/api/v1/org/users/:id/disable', params: ['id'] });
  bindRoute(app, ctx, resetPasswordOperation, { method: 'POST', url: '/api/v1/org/users/:id/reset-password', params: ['id'] });
  bindRoute(app, ctx, orgSettingsOperation, { method: 'GET', url: '/api/v1/org/settings' });
  bindRoute(app, ctx, updateOrgSettingsOperation, { method: 'POST', url: '/api/v1/org/settings' });
}
