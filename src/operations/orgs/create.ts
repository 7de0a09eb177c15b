/** Create an organisation and its first data key (one transaction): the command line's only, never a route. */
import { z } from 'zod';
import { createOrganisation } from '../../accounts/orgs.ts';
import { authorize, defineOperation } from '../../ops/operation.ts';
import { orgPolicy } from '../../policies/orgs.ts';
import { text } from '../../shared/validation.ts';
import { OrganisationSchema, organisationView } from './schemas.ts';
import { auditActor } from './target.ts';

export const CreateOrgInput = z
  .object({
    name: text(200, 2).describe('the organisation’s name'),
    slug: z.string().trim().optional().describe('short name in URLs and on the command line (default: from the name)'),
    requireTotp: z.boolean().default(true).describe('members must give a TOTP code at sign-in (default yes)'),
  })
  .strict();

export const createOrgOperation = defineOperation({
  name: 'orgs.create',
  summary: 'Create an organisation with its first data key (no members yet: add its first administrator with `otkaz user create`)',
  input: CreateOrgInput,
  output: OrganisationSchema,
  policy: orgPolicy.create,
  surfaces: { api: 'organisations are created by whoever runs the installation, on its command line', cli: true },
  async run(ctx, input) {
    authorize(ctx, orgPolicy.create, undefined);
    const org = await createOrganisation(ctx.db, ctx.casework, auditActor(ctx), { name: input.name, slug: input.slug, requireTotp: input.requireTotp });
    return organisationView(org);
  },
});
