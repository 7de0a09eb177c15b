/** An organisation's sign-in settings: TOTP for every member, passkeys for its administrators. */
import { z } from 'zod';
import { updateSettings } from '../../accounts/orgs.ts';
import { defineOperation } from '../../ops/operation.ts';
import { orgPolicy } from '../../policies/orgs.ts';
import { OrganisationSchema, organisationView } from './schemas.ts';
import { auditActor, targetOrganisation } from './target.ts';

const NOT_CLI = 'an organisation’s settings are its administrators’, changed in the app';

export const orgSettingsOperation = defineOperation({
  name: 'orgs.settings',
  summary: 'The sign-in settings of the caller’s organisation',
  input: z.object({}).strict(),
  output: OrganisationSchema,
  policy: orgPolicy.settings,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx) {
    return organisationView(await targetOrganisation(ctx, orgPolicy.settings, undefined));
  },
});

export const UpdateOrgSettingsInput = z
  .object({
    requireTotp: z.boolean().optional().describe('members must give a TOTP code at sign-in'),
    requirePasskeyForAdmins: z.boolean().optional().describe('administrators must sign in with a passkey'),
    shareStatistics: z
      .boolean()
      .optional()
      .describe(
        "count the organisation's clients in anonymised statistics releases (k-suppressed, pooled with the other sharing organisations; docs/disclosure.md)",
      ),
  })
  .strict();

export const updateOrgSettingsOperation = defineOperation({
  name: 'orgs.update_settings',
  summary: 'Change the sign-in settings of the caller’s organisation, and whether it shares anonymised statistics (sign-in: at each member’s next request)',
  input: UpdateOrgSettingsInput,
  output: OrganisationSchema,
  policy: orgPolicy.updateSettings,
  surfaces: { api: true, cli: NOT_CLI },
  async run(ctx, input) {
    const org = await targetOrganisation(ctx, orgPolicy.updateSettings, undefined);
    return organisationView(await updateSettings(ctx.db, ctx.casework.audit, auditActor(ctx), org.id, input, ctx.casework.ip));
  },
});
