/** `otkaz org rotate-key ORG`: a new data key version, everything re-sealed under it, older versions deleted. */
import { z } from 'zod';
import { appendAudit } from '../../audit/log.ts';
import { organisationRow } from '../../casework/export.ts';
import { rotateOrgKey } from '../../casework/rotate.ts';
import { defineOperation } from '../../ops/operation.ts';
import { orgDataPolicy } from '../../policies/org-data.ts';
import { LOCAL_ONLY } from './counts.ts';

export const rotateOrgKeyOperation = defineOperation({
  name: 'orgs.rotate_key',
  summary:
    'Rotate an organisation’s data key: records, notes, applications, checklist marks and document keys re-sealed, blind indexes rebuilt, old versions deleted',
  input: z.object({ org: z.string().min(1).describe('the organisation’s slug or id') }).strict(),
  output: z.object({
    slug: z.string(),
    version: z.number().int(),
    clients: z.number().int(),
    notes: z.number().int(),
    applications: z.number().int(),
    checklistMarks: z.number().int(),
    documents: z.number().int(),
    dropped: z.number().int(),
  }),
  policy: orgDataPolicy.rotateKey,
  surfaces: { api: LOCAL_ONLY, cli: true },
  run: (ctx, input) =>
    ctx.db.transaction(async (tx) => {
      const org = await organisationRow(tx, input.org, '<org>');
      const result = await rotateOrgKey(tx, ctx.casework.keyring, org.id);
      await appendAudit(tx, ctx.casework.audit, {
        orgId: org.id,
        actor: ctx.actor,
        action: 'org.rotate_key',
        resourceType: 'organisation',
        resourceId: org.id,
        outcome: 'ok',
        ip: ctx.casework.ip,
      });
      return { slug: org.slug, ...result };
    }),
});
