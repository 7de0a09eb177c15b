/**
 * `otkaz stats release --from YEAR --to YEAR --out FILE`: an anonymised statistics release of the case files of the
 * organisations that share statistics (src/casework/statistics-release.ts, docs/disclosure.md), written as JSON.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { makeRelease } from '../../casework/statistics-release.ts';
import { DEFAULT_K } from '../../disclosure/release.ts';
import { defineOperation } from '../../ops/operation.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';
import { loadProcedures } from '../../procedures/load.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';

const year = z.coerce.number().int().min(2000).max(2100);

export const ReleaseInput = z
  .object({
    from: year.describe('the first calendar year'),
    to: year.optional().describe('the last calendar year (default: the first); only years that have ended'),
    k: z.coerce.number().int().min(3).max(100).default(DEFAULT_K).describe('counts from 1 to k − 1 are withheld (default 10)'),
    protection: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe("the least width of a withheld count's feasible interval (default: half of k, rounded up)"),
    includeSynthetic: z.boolean().default(false).describe('pool SYNTHETIC (demo) organisations too; the release is then marked synthetic'),
    out: z.string().min(1).describe('the release file to write (JSON; a new file)'),
  })
  .strict();

export const ReleaseSummarySchema = z.object({
  file: z.string(),
  sha256: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  organisations: z.array(z.string()),
  k: z.number().int(),
  protection: z.number().int(),
  tables: z.number().int(),
  cells: z.number().int().describe('cells of the tables, margins included (a figure two tables state is two cells)'),
  withheld: z.number().int().describe('figures withheld (each once, however many tables state it)'),
  synthetic: z.boolean(),
});

export const releaseOperation = defineOperation({
  name: 'statistics.release',
  summary: 'Make an anonymised statistics release of the sharing organisations’ case files (small counts withheld, with provenance)',
  input: ReleaseInput,
  output: ReleaseSummarySchema,
  policy: statisticsPolicy.release,
  surfaces: { api: 'reads every sharing organisation’s client files: a command for whoever holds the data folder and the key-encryption key', cli: true },
  async run(ctx, input) {
    const file = path.resolve(input.out);
    if (existsSync(file)) throw new OtkazError(ErrorCode.Usage, 'the file exists: a release never overwrites one', { where: '--out' });
    const { release } = await makeRelease(
      ctx.db,
      loadProcedures(),
      { keyring: ctx.casework.keyring, audit: ctx.casework.audit, now: ctx.casework.now, ip: ctx.casework.ip },
      ctx.actor.kind === 'user' ? { kind: 'user', userId: ctx.actor.userId } : { kind: ctx.actor.kind },
      {
        from: input.from,
        to: input.to ?? input.from,
        k: input.k,
        protection: input.protection ?? Math.ceil(input.k / 2),
        includeSynthetic: input.includeSynthetic,
      },
    );
    try {
      writeFileSync(file, `${JSON.stringify(release, null, 2)}\n`, { flag: 'wx' });
    } catch (cause) {
      throw new OtkazError(ErrorCode.Usage, `cannot write the release (the folder is missing?); it is recorded as ${release.sha256}`, {
        where: '--out',
        cause,
      });
    }
    return {
      file,
      sha256: release.sha256,
      period: release.period,
      organisations: release.organisations.map((o) => o.slug),
      k: release.method.k,
      protection: release.method.protection,
      tables: release.tables.length,
      cells: release.tables.reduce((n, t) => n + t.cells.flat().length, 0),
      withheld: release.withheld,
      synthetic: release.synthetic,
    };
  },
});
