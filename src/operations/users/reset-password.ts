/** Give a member a new one-time password (forgotten, or imported from an export): sessions end, first sign-in changes it. */
import { z } from 'zod';
import { listUsers, resetPassword } from '../../accounts/users.ts';
import { defineOperation } from '../../ops/operation.ts';
import { userPolicy } from '../../policies/users.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { OrgRefSchema, organisationView } from '../orgs/schemas.ts';
import { auditActor, targetOrganisation } from '../orgs/target.ts';
import { CreatedUserSchema } from './create.ts';
import { userView } from './schemas.ts';

export const resetPasswordOperation = defineOperation({
  name: 'users.reset_password',
  summary: 'Give a member a new one-time password (shown once); every session of the account ends',
  input: z
    .object({
      id: z.string().trim().min(3).max(254).describe('the account: its id or e-mail'),
      org: OrgRefSchema.optional().describe('the organisation (slug or id); a member’s own by default'),
    })
    .strict(),
  output: CreatedUserSchema,
  policy: userPolicy.resetPassword,
  surfaces: { api: true, cli: true },
  async run(ctx, input) {
    const org = await targetOrganisation(ctx, userPolicy.resetPassword, input.org);
    const ref = input.id.toLowerCase();
    const found = (await listUsers(ctx.db, org.id)).find((u) => u.id === ref || u.email === ref);
    if (!found) throw new OtkazError(ErrorCode.InputNotFound, 'no such user in this organisation', { where: 'id' });
    const { user, oneTimePassword } = await resetPassword(ctx.db, ctx.casework.audit, auditActor(ctx), org.id, found.id, ctx.casework.now(), ctx.casework.ip);
    return { user: userView(user), org: organisationView(org), oneTimePassword };
  },
});
