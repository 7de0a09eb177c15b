/** The imported releases: source, dataset, vintage, file hash, and which newer release supersedes each. */
import { z } from 'zod';
import { listReleases } from '../../asylum/query/releases.ts';
import { defineOperation } from '../../ops/operation.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';
import { ReleaseRowSchema } from './schemas.ts';

export const RELEASE_COLUMNS = [
  'id',
  'source',
  'dataset',
  'format',
  'release',
  'vintage',
  'observations',
  'superseded_by',
  'synthetic',
  'file',
  'sha256',
] as const;

export const releasesOperation = defineOperation({
  name: 'statistics.releases',
  summary: 'Imported releases: source, dataset, vintage, sha256, superseded by',
  input: z.object({}).strict(),
  output: z.array(ReleaseRowSchema),
  policy: statisticsPolicy.read,
  surfaces: { api: true, cli: true },
  table: { fileName: 'releases.csv', columns: RELEASE_COLUMNS, rows: (rows) => rows },
  run: (ctx) => listReleases(ctx.db),
});
