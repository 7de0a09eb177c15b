/** `otkaz org retention ORG --closed DAYS --referred DAYS` and `otkaz org purge [--dry-run]` (src/casework/retention.ts). */
import { z } from 'zod';
import { appendAudit } from '../../audit/log.ts';
import { organisationRow } from '../../casework/export.ts';
import { purgeExpired, setRetention } from '../../casework/retention.ts';
import { defineOperation } from '../../ops/operation.ts';
import { orgDataPolicy } from '../../policies/org-data.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { LOCAL_ONLY } from './counts.ts';

const days = z.coerce.number().int().min(0).max(36500).optional().describe('days; 0: keep (no longer purged)');

export const setRetentionOperation = defineOperation({
  name: 'orgs.retention',
  summary: 'Set how many days closed and referred client files are kept',
  input: z.object({ org: z.string().min(1), closed: days, referred: days }).strict(),
  output: z.object({ slug: z.string(), retention: z.object({ closed: z.number().int().optional(), referred: z.number().int().optional() }) }),
  policy: orgDataPolicy.retention,
  surfaces: { api: LOCAL_ONLY, cli: true },
  run: (ctx, input) =>
    ctx.db.transaction(async (tx) => {
      if (input.closed === undefined && input.referred === undefined)
        throw new OtkazError(ErrorCode.Usage, 'name the days with --closed and/or --referred', { where: '--closed' });
      const org = await organisationRow(tx, input.org, '<org>');
      const change = (n: number | undefined) => (n === undefined ? undefined : n === 0 ? null : n);
      const retention = await setRetention(tx, org.id, { closed: change(input.closed), referred: change(input.referred) });
      await appendAudit(tx, ctx.casework.audit, {
        orgId: org.id,
        actor: ctx.actor,
        action: 'org.retention',
        resourceType: 'organisation',
        resourceId: org.id,
        outcome: 'ok',
        ip: ctx.casework.ip,
      });
      return { slug: org.slug, retention };
    }),
});

export const purgeExpiredOperation = defineOperation({
  name: 'orgs.purge',
  summary: 'Delete the client files kept longer than their organisation’s retention (the server does it once a day)',
  input: z.object({ dryRun: z.boolean().optional().describe('only list them') }).strict(),
  output: z.object({
    dryRun: z.boolean(),
    files: z.array(z.object({ orgId: z.string(), clientId: z.string(), status: z.string(), since: z.string() })),
  }),
  policy: orgDataPolicy.purge,
  surfaces: { api: LOCAL_ONLY, cli: true },
  table: {
    fileName: 'purge',
    columns: ['orgId', 'clientId', 'status', 'since'],
    rows: (r) => r.files,
  },
  async run(ctx, input) {
    const files = await purgeExpired(ctx.db, ctx.casework.audit, ctx.casework.now(), { dryRun: input.dryRun === true });
    return { dryRun: input.dryRun === true, files };
  },
});
