import { z } from 'zod';
import type { User } from '../../accounts/users.ts';
import { MEMBER_ROLES } from '../../ops/actor.ts';

export const RoleSchema = z.enum(MEMBER_ROLES, { error: `the role must be one of ${MEMBER_ROLES.join(', ')}` }).describe(`one of ${MEMBER_ROLES.join(', ')}`);

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address')
  .describe('the member’s e-mail address (their sign-in name)');

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  mustChangePassword: z.boolean(),
  totpEnrolled: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserSchema>;

export function userView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    mustChangePassword: user.must_change_password,
    totpEnrolled: user.totp_confirmed_at !== null,
    disabled: user.disabled_at !== null,
    createdAt: new Date(user.created_at).toISOString(),
  };
}
