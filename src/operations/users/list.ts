/** The members of an organisation, for its administrators (or the command line). */
import { z } from 'zod';
import { listUsers } from '../../accounts/users.ts';
import { defineOperation } from '../../ops/operation.ts';
import { userPolicy } from '../../policies/users.ts';
import { OrgRefSchema } from '../orgs/schemas.ts';
import { targetOrganisation } from '../orgs/target.ts';
import { UserSchema, userView } from './schemas.ts';

export const USER_COLUMNS = ['id', 'email', 'role', 'mustChangePassword', 'totpEnrolled', 'disabled', 'createdAt'] as const;

export const listUsersOperation = defineOperation({
  name: 'users.list',
  summary: 'The members of an organisation (an administrator’s own)',
  input: z.object({ org: OrgRefSchema.optional().describe('the organisation (slug or id); a member’s own by default') }).strict(),
  output: z.object({ users: z.array(UserSchema) }),
  policy: userPolicy.list,
  surfaces: { api: true, cli: true },
  async run(ctx, input) {
    const org = await targetOrganisation(ctx, userPolicy.list, input.org);
    return { users: (await listUsers(ctx.db, org.id)).map(userView) };
  },
});
