/** Disable a member account: its sessions end at once and it can no longer sign in. */
import { z } from 'zod';
import { disableUser, listUsers } from '../../accounts/users.ts';
import { defineOperation } from '../../ops/operation.ts';
import { userPolicy } from '../../policies/users.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { OrgRefSchema } from '../orgs/schemas.ts';
import { auditActor, targetOrganisation } from '../orgs/target.ts';
import { UserSchema, userView } from './schemas.ts';

export const disableUserOperation = defineOperation({
  name: 'users.disable',
  summary: 'Disable a member account of the organisation (ends all its sessions)',
  input: z
    .object({
      id: z.string().trim().min(3).max(254).describe('the account: its id or e-mail'),
      org: OrgRefSchema.optional().describe('the organisation (slug or id); a member’s own by default'),
    })
    .strict(),
  output: UserSchema,
  policy: userPolicy.disable,
  surfaces: { api: true, cli: true },
  async run(ctx, input) {
    const org = await targetOrganisation(ctx, userPolicy.disable, input.org);
    const ref = input.id.toLowerCase();
    const user = (await listUsers(ctx.db, org.id)).find((u) => u.id === ref || u.email === ref);
    if (!user) throw new OtkazError(ErrorCode.InputNotFound, 'no such user in this organisation', { where: 'id' });
    if (ctx.actor.kind === 'user' && ctx.actor.userId === user.id)
      throw new OtkazError(ErrorCode.InputInvalid, 'an administrator cannot disable their own account', { where: 'id' });
    return userView(await disableUser(ctx.db, ctx.casework.audit, auditActor(ctx), org.id, user.id, ctx.casework.now(), ctx.casework.ip));
  },
});
