/**
 * Create a member account: the command line's (for the first administrator of an organisation) or an org
 * admin's for their own organisation. The answer carries a random one-time password, the only time it exists
 * in plaintext (stored as Argon2id, never logged); the first sign-in must change it.
 */
import { z } from 'zod';
import { createUser } from '../../accounts/users.ts';
import { defineOperation } from '../../ops/operation.ts';
import { userPolicy } from '../../policies/users.ts';
import { OrganisationSchema, OrgRefSchema, organisationView } from '../orgs/schemas.ts';
import { auditActor, targetOrganisation } from '../orgs/target.ts';
import { EmailSchema, RoleSchema, UserSchema, userView } from './schemas.ts';

export const CreateUserInput = z
  .object({
    org: OrgRefSchema.optional().describe('the organisation (slug or id); a member’s own by default'),
    email: EmailSchema,
    role: RoleSchema,
  })
  .strict();

export const CreatedUserSchema = z.object({
  user: UserSchema,
  org: OrganisationSchema,
  oneTimePassword: z.string().describe('shown once: give it to the member; their first sign-in must change it'),
});

export const createUserOperation = defineOperation({
  name: 'users.create',
  summary: 'Create a member account with a one-time password (shown once; changed at first sign-in)',
  input: CreateUserInput,
  output: CreatedUserSchema,
  policy: userPolicy.create,
  surfaces: { api: true, cli: true },
  async run(ctx, input) {
    const org = await targetOrganisation(ctx, userPolicy.create, input.org);
    const { user, oneTimePassword } = await createUser(ctx.db, ctx.casework.audit, auditActor(ctx), {
      orgId: org.id,
      email: input.email,
      role: input.role,
      now: ctx.casework.now(),
      ip: ctx.casework.ip,
    });
    return { user: userView(user), org: organisationView(org), oneTimePassword };
  },
});
