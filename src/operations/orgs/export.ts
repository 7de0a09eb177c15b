/** `otkaz org export ORG --out FILE`: the whole organisation as one age-encrypted archive (docs/casework-export.md). */
import { createHash } from 'node:crypto';
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../../audit/log.ts';
import { sealArchive, serialiseArchive } from '../../casework/archive.ts';
import { collectOrganisation, organisationRow } from '../../casework/export.ts';
import { defineOperation } from '../../ops/operation.ts';
import { orgDataPolicy } from '../../policies/org-data.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { CountsSchema, LOCAL_ONLY } from './counts.ts';

export const ExportOrgInput = z
  .object({
    org: z.string().min(1).describe('the organisation’s slug or id'),
    out: z.string().min(1).describe('the archive to write (a new file, mode 0600)'),
    recipient: z.string().optional().describe('an age X25519 recipient (age1…) instead of a passphrase'),
    passphrase: z.string().optional().describe('the passphrase (the command line reads OTKAZ_EXPORT_PASSPHRASE or asks)'),
    /** scrypt work factor (log2 N) for a passphrase; tests lower it. */
    scryptLogN: z.number().int().min(10).max(20).optional(),
  })
  .strict();

export const exportOrgOperation = defineOperation({
  name: 'orgs.export',
  summary: 'Export an organisation (every client record, note, document, share, referral, its settings and members) as one age-encrypted archive',
  input: ExportOrgInput,
  output: z.object({
    file: z.string(),
    slug: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    lockedWith: z.enum(['passphrase', 'recipient']),
    counts: CountsSchema,
  }),
  policy: orgDataPolicy.export,
  surfaces: { api: LOCAL_ONLY, cli: true },
  async run(ctx, input) {
    const file = path.resolve(input.out);
    if (existsSync(file)) throw new OtkazError(ErrorCode.Usage, 'the file exists: the export never overwrites one', { where: file });
    if (input.recipient === undefined && (input.passphrase === undefined || input.passphrase === ''))
      throw new OtkazError(ErrorCode.Usage, 'give a passphrase (OTKAZ_EXPORT_PASSPHRASE, or typed when asked) or --recipient age1…', { where: '--recipient' });
    const lock =
      input.recipient !== undefined
        ? { recipient: input.recipient }
        : { passphrase: input.passphrase ?? '', ...(input.scryptLogN ? { scryptLogN: input.scryptLogN } : {}) };
    let written = false;
    try {
      return await ctx.db.transaction(async (tx) => {
        const org = await organisationRow(tx, input.org, '<org>');
        const { manifest, entries } = await collectOrganisation(tx, ctx.casework.keyring, org, ctx.casework.now());
        const sealed = await sealArchive(serialiseArchive(manifest, entries), lock);
        try {
          writeFileSync(file, sealed, { mode: 0o600, flag: 'wx' });
        } catch (cause) {
          throw new OtkazError(ErrorCode.Usage, 'cannot write the archive (it exists, or the folder is missing)', { where: file, cause });
        }
        written = true;
        await appendAudit(tx, ctx.casework.audit, {
          orgId: org.id,
          actor: ctx.actor,
          action: 'org.export',
          resourceType: 'organisation',
          resourceId: org.id,
          outcome: 'ok',
          ip: ctx.casework.ip,
        });
        return {
          file,
          slug: org.slug,
          bytes: sealed.length,
          sha256: createHash('sha256').update(sealed).digest('hex'),
          lockedWith: 'recipient' in lock ? ('recipient' as const) : ('passphrase' as const),
          counts: manifest.counts,
        };
      });
    } catch (error) {
      if (written) unlinkSync(file);
      throw error;
    }
  },
});
