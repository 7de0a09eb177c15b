/** Regenerate the shipped court directory from the court lists (config_sudrf.json, sudrf_websites.json, …). */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { buildDirectoryFromFolder, DIRECTORY_FILE } from '../../courts/directory/load.ts';
import { defineOperation } from '../../ops/operation.ts';
import { courtPolicy } from '../../policies/courts.ts';
import { text } from '../../shared/validation.ts';
import { DirectoryCountsSchema } from './schemas.ts';

export const BuildCourtsInput = z
  .object({
    from: text(4096, 1).describe('folder holding the lists, e.g. ../shared/data/courts'),
    out: text(4096, 1).default(DIRECTORY_FILE).describe('where to write the directory'),
  })
  .strict();

export const BuildCourtsSchema = z.object({ file: z.string(), courts: z.number().int(), counts: DirectoryCountsSchema });

export const buildCourtsOperation = defineOperation({
  name: 'courts.build',
  summary:
    'regenerate the shipped directory from the court lists (config_sudrf.json, sudrf_websites.json, sm-backend_courts.json, sudrfpractice_courts.json, rf_region_codes.json)',
  input: BuildCourtsInput,
  output: BuildCourtsSchema,
  policy: courtPolicy.build,
  surfaces: { api: 'reads a folder and rewrites a file of the installation: a command for whoever maintains it, not a request', cli: true },
  async run(_ctx, { from, out }) {
    const directory = buildDirectoryFromFolder(from);
    writeFileSync(out, `${JSON.stringify(directory, null, 1)}\n`);
    return { file: out, courts: directory.courts.length, counts: directory.counts };
  },
});
