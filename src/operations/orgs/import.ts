/** `otkaz org import FILE [--slug NEW]`: an organisation from its export archive, into a server where it does not exist. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../../audit/log.ts';
import { type ArchiveKey, openArchive } from '../../casework/archive.ts';
import { importOrganisation } from '../../casework/import.ts';
import { defineOperation } from '../../ops/operation.ts';
import { orgDataPolicy } from '../../policies/org-data.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { CountsSchema, LOCAL_ONLY } from './counts.ts';

export const ImportOrgInput = z
  .object({
    file: z.string().min(1).describe('the archive written by `otkaz org export`'),
    slug: z.string().optional().describe('the slug on this server (default: the archive’s)'),
    identity: z.string().optional().describe('a file holding the age identity (AGE-SECRET-KEY-1…) of an archive made with --recipient'),
    passphrase: z.string().optional().describe('the passphrase (the command line reads OTKAZ_EXPORT_PASSPHRASE or asks)'),
  })
  .strict();

export const importOrgOperation = defineOperation({
  name: 'orgs.import',
  summary: 'Import an organisation from its export archive: a new id and data key, everything sealed afresh, members without passwords',
  input: ImportOrgInput,
  output: z.object({
    orgId: z.string(),
    slug: z.string(),
    counts: CountsSchema,
    referralsSkipped: z.number().int(),
    shareStatistics: z.boolean().describe('the organisation shares anonymised statistics (as it did where it was exported)'),
    members: z.array(z.object({ id: z.string(), email: z.string(), role: z.string() })),
  }),
  policy: orgDataPolicy.import,
  surfaces: { api: LOCAL_ONLY, cli: true },
  async run(ctx, input) {
    const file = path.resolve(input.file);
    let sealed: Uint8Array;
    try {
      sealed = new Uint8Array(readFileSync(file));
    } catch (cause) {
      throw new OtkazError(ErrorCode.InputNotFound, 'cannot read the archive', { where: file, cause });
    }
    let key: ArchiveKey;
    if (input.identity !== undefined) {
      let text: string;
      try {
        text = readFileSync(input.identity, 'utf8');
      } catch (cause) {
        throw new OtkazError(ErrorCode.InputNotFound, 'cannot read the identity file', { where: input.identity, cause });
      }
      const line = text.split('\n').find((l) => l.trim().startsWith('AGE-SECRET-KEY-'));
      if (!line) throw new OtkazError(ErrorCode.Usage, 'the identity file holds no AGE-SECRET-KEY-1… line', { where: input.identity });
      key = { identity: line.trim() };
    } else if (input.passphrase) key = { passphrase: input.passphrase };
    else
      throw new OtkazError(ErrorCode.Usage, 'give the passphrase (OTKAZ_EXPORT_PASSPHRASE, or typed when asked) or --identity FILE', { where: '--identity' });
    const archive = await openArchive(sealed, key, file);
    return ctx.db.transaction(async (tx) => {
      const result = await importOrganisation(tx, ctx.casework.keyring, archive, { where: file, ...(input.slug ? { slug: input.slug } : {}) });
      await appendAudit(tx, ctx.casework.audit, {
        orgId: result.orgId,
        actor: ctx.actor,
        action: 'org.import',
        resourceType: 'organisation',
        resourceId: result.orgId,
        outcome: 'ok',
        ip: ctx.casework.ip,
      });
      // Sharing statistics is the administrators' choice, each change an entry of the chain: the new chain says it is on.
      if (result.shareStatistics)
        await appendAudit(tx, ctx.casework.audit, {
          orgId: result.orgId,
          actor: ctx.actor,
          action: 'org.share_statistics',
          resourceType: 'organisation',
          resourceId: result.orgId,
          outcome: 'ok',
          ip: ctx.casework.ip,
        });
      return result;
    });
  },
});
