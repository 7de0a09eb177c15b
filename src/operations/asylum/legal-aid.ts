/** The latest imported legal-aid release as published: provenance, and each table with its withheld cells marked. */
import { z } from 'zod';
import { latestLegalAidRelease } from '../../asylum/query/legal-aid.ts';
import { defineOperation } from '../../ops/operation.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';

const CellSchema = z.object({ value: z.number().int().nullable(), withheld: z.boolean() });

export const LegalAidReleaseSchema = z.object({
  releaseId: z.number().int(),
  sha256: z.string().describe("the release's own sha256 (of its canonical content), as made"),
  importedSha256: z.string().describe('sha256 of the file imported'),
  file: z.string(),
  vintage: z.string(),
  importedAt: z.string(),
  synthetic: z.boolean(),
  generatedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  organisations: z.array(z.object({ slug: z.string(), name: z.string() })),
  k: z.number().int(),
  protection: z.number().int(),
  method: z.string(),
  methodVersion: z.string(),
  population: z.string(),
  withheld: z.number().int(),
  tables: z.array(
    z.object({
      id: z.string(),
      year: z.string(),
      title: z.string(),
      rowDimension: z.string(),
      rows: z.array(z.string()),
      columns: z.array(z.string()),
      cells: z.array(z.array(CellSchema)),
    }),
  ),
});

export const legalAidOperation = defineOperation({
  name: 'statistics.legal_aid',
  summary: 'The latest anonymised legal-aid statistics release imported: its tables (withheld cells marked) and provenance; null when none',
  input: z.object({}).strict(),
  output: z.object({ release: LegalAidReleaseSchema.nullable() }),
  policy: statisticsPolicy.legalAid,
  surfaces: { api: true, cli: true },
  run: async (ctx) => ({ release: await latestLegalAidRelease(ctx.db) }),
});
