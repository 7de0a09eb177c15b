/** `otkaz org erase ORG [--yes]`: crypto-erasure of an organisation (src/casework/erase.ts). */
import { z } from 'zod';
import { appendAudit } from '../../audit/log.ts';
import { eraseOrganisation } from '../../casework/erase.ts';
import { organisationRow } from '../../casework/export.ts';
import { defineOperation } from '../../ops/operation.ts';
import { orgDataPolicy } from '../../policies/org-data.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { LOCAL_ONLY } from './counts.ts';

export const EraseOrgInput = z
  .object({
    org: z.string().min(1).describe('the organisation’s slug or id'),
    yes: z.boolean().optional().describe('no confirmation asked'),
    confirm: z.string().optional().describe('the slug, typed to confirm (the command line asks for it)'),
  })
  .strict();

export const eraseOrgOperation = defineOperation({
  name: 'orgs.erase',
  summary: 'Crypto-erase an organisation: its data keys deleted, then its client files; its members disabled, their sessions ended',
  input: EraseOrgInput,
  output: z.object({
    orgId: z.string(),
    slug: z.string(),
    keys: z.number().int(),
    clients: z.number().int(),
    members: z.number().int(),
    sessions: z.number().int(),
  }),
  policy: orgDataPolicy.erase,
  surfaces: { api: LOCAL_ONLY, cli: true },
  run: (ctx, input) =>
    ctx.db.transaction(async (tx) => {
      const org = await organisationRow(tx, input.org, '<org>');
      if (input.yes !== true && input.confirm !== org.slug)
        throw new OtkazError(ErrorCode.Usage, `not confirmed: type the slug '${org.slug}' when asked, or give --yes`, { where: '--yes' });
      const result = await eraseOrganisation(tx, ctx.casework.keyring, org.id, ctx.casework.now());
      await appendAudit(tx, ctx.casework.audit, {
        orgId: null,
        actor: ctx.actor,
        action: 'org.erase',
        resourceType: 'organisation',
        resourceId: org.id,
        outcome: 'ok',
        ip: ctx.casework.ip,
      });
      return { orgId: org.id, slug: org.slug, ...result };
    }),
});
