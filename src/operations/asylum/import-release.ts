/**
 * `otkaz stats import-release FILE`: imports an anonymised statistics release (made by `otkaz stats release`, here or
 * on another installation) into the asylum statistics as the source `legal_aid`, after checking that the file is
 * one: its own sha256 and its tables are checked by the reader (src/asylum/import/legal-aid.ts).
 */
import { open } from 'node:fs/promises';
import { z } from 'zod';
import { defineOperation } from '../../ops/operation.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { fileName, text } from '../../shared/validation.ts';
import { ImportResultSchema } from './import.ts';

export const ImportReleaseInput = z
  .object({
    file: text(4096, 1).describe('the release file (the API: the request body, written to a temporary file)'),
    filename: fileName.optional().describe('the file name answers and errors show; the command line: the path given'),
  })
  .strict();

/** The first bytes of the file: enough to see the release's format and whether it is synthetic. */
async function head(file: string, where: string): Promise<string> {
  const handle = await open(file, 'r').catch((cause: unknown) => {
    throw new OtkazError(ErrorCode.InputNotFound, 'cannot read the release file', { where, cause });
  });
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export const importReleaseOperation = defineOperation({
  name: 'statistics.import_release',
  summary: 'Import an anonymised legal-aid statistics release (its sha256 and tables checked) as the source legal_aid; the same release again is a no-op',
  input: ImportReleaseInput,
  output: ImportResultSchema,
  policy: statisticsPolicy.importRelease,
  surfaces: { api: true, cli: true },
  async run(ctx, { file, filename }) {
    const name = filename ?? file;
    const start = await head(file, name);
    if (!/^\s*\{\s*"format"\s*:\s*"otkaz-anonymised-statistics"/.test(start))
      throw new OtkazError(
        ErrorCode.StatsFormat,
        'not an anonymised statistics release (made by otkaz stats release): other statistics files go to stats import',
        {
          where: name,
        },
      );
    const { importStatistics } = await import('../../asylum/import/load.ts');
    return importStatistics(ctx.db, file, {
      name,
      release: `anonymised case files (${/"sha256"\s*:\s*"([0-9a-f]{12})/.exec(start)?.[1] ?? 'release'})`,
      synthetic: /"synthetic"\s*:\s*true/.test(start),
    });
  },
});
