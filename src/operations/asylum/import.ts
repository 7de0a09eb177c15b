/**
 * Import one statistics file (UNHCR, Eurostat, US CBP; any supported format, gzip allowed); the same content again
 * is a no-op. One input for both adapters: the file to read (`file`) and how answers and errors name it
 * (`filename`). The command line gives the path of the user's file; the API writes the request body to a
 * temporary file and gives that path, with the upload's own name — so answers never show the server's folder.
 */
import { z } from 'zod';
import { SOURCES } from '../../asylum/model.ts';
import { defineOperation } from '../../ops/operation.ts';
import { statisticsPolicy } from '../../policies/statistics.ts';
import { fileName, isoDate, text } from '../../shared/validation.ts';

export const ImportInput = z
  .object({
    file: text(4096, 1).describe('the file to read (the API: the request body, written to a temporary file)'),
    filename: fileName
      .optional()
      .describe('the file name answers and errors show, which also tells the format (.tsv, .csv, .json; .gz); the command line: the path given'),
    vintage: isoDate.optional().describe('release date YYYY-MM-DD, when the file does not state one'),
    release: text(200).optional().describe('release label, e.g. "R package 2025.12.1"'),
    dataset: text(40)
      .regex(/^migr_[a-z]+$/, 'a Eurostat dataset code, e.g. migr_asydcfsta')
      .optional()
      .describe('Eurostat dataset code when neither the file nor its name says it'),
    licence: text(200).optional().describe('the licence the file was published under'),
    url: text(2000).optional().describe('where the file was published'),
  })
  .strict();

export const ImportResultSchema = z.object({
  status: z.enum(['imported', 'unchanged']),
  releaseId: z.number().int(),
  source: z.enum(SOURCES),
  dataset: z.string(),
  format: z.string(),
  release: z.string(),
  vintage: z.string(),
  observations: z.number().int(),
  footnotes: z.number().int(),
  sha256: z.string(),
  file: z.string().describe('the file as named by the caller (an upload: its file name)'),
});

export const IMPORT_COLUMNS = ['status', 'source', 'dataset', 'format', 'release', 'vintage', 'observations', 'footnotes', 'file'] as const;

export const importStatisticsOperation = defineOperation({
  name: 'statistics.import',
  summary: 'Import a statistics file (any supported format, gzip allowed); same content again is a no-op',
  input: ImportInput,
  output: ImportResultSchema,
  policy: statisticsPolicy.import,
  surfaces: { api: true, cli: true },
  async run(ctx, { file, filename, ...options }) {
    // The readers load when first needed, not with the server.
    const { importStatistics } = await import('../../asylum/import/load.ts');
    return importStatistics(ctx.db, file, {
      ...(filename !== undefined ? { name: filename } : {}),
      ...(Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Omit<typeof options, never>),
    });
  },
});
