import { z } from 'zod';

export const OrgRefSchema = z.string().trim().min(2).max(64).describe('the organisation: its slug or id');

export const OrganisationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  requireTotp: z.boolean(),
  requirePasskeyForAdmins: z.boolean(),
  shareStatistics: z.boolean().describe('clients are counted in anonymised statistics releases (docs/disclosure.md)'),
});
export type OrganisationView = z.infer<typeof OrganisationSchema>;

export function organisationView(org: {
  id: string;
  slug: string;
  name: string;
  require_totp: boolean;
  require_passkey_for_admins: boolean;
  share_statistics: boolean;
}): OrganisationView {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    requireTotp: org.require_totp,
    requirePasskeyForAdmins: org.require_passkey_for_admins,
    shareStatistics: org.share_statistics,
  };
}
