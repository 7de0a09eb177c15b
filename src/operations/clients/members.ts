/** The members of your organisation a file can be shared with (id, e-mail, role). */
import { z } from 'zod';
import { defineOperation } from '../../ops/operation.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { MEMBER_ROLES } from '../../shared/roles.ts';
import { onOrganisation } from './member.ts';

export const listMembersOperation = defineOperation({
  name: 'clients.members',
  summary: 'Members of your organisation a client file can be shared with',
  input: z.object({}).strict(),
  output: z.object({ members: z.array(z.object({ id: z.string(), email: z.string(), role: z.enum(MEMBER_ROLES) })) }),
  policy: clientPolicy.members,
  surfaces: { api: true, cli: 'administration lists members: otkaz user list' },
  run: (ctx) =>
    onOrganisation(ctx, {
      action: 'clients.members',
      policy: clientPolicy.members,
      run: async (tx, actor) => ({
        members: await tx.query<{ id: string; email: string; role: (typeof MEMBER_ROLES)[number] }>(
          'select id, email, role from users where org_id = $1 and disabled_at is null order by email',
          [actor.orgId],
        ),
      }),
    }),
});
