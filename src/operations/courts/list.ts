/** The military courts of the directory, filtered, each with the crawl status of its host. */
import { z } from 'zod';
import { COURT_COLUMNS, COURT_LAYOUTS, COURT_TYPES, courtRow, listCourts } from '../../courts/directory/list.ts';
import { defineOperation } from '../../ops/operation.ts';
import { courtPolicy } from '../../policies/courts.ts';
import { text } from '../../shared/validation.ts';
import { CourtSchema, CrawlStatusSchema, DirectoryCountsSchema, GeneratedFromSchema } from './schemas.ts';

const yesNo = z.enum(['true', 'false']);

export const ListCourtsInput = z
  .object({
    type: z.enum(COURT_TYPES).optional().describe('only courts of this type'),
    layout: z.enum(COURT_LAYOUTS).optional().describe('only courts whose pages have this layout'),
    district: text(100).optional().describe("the okrug/fleet court's name contains this text"),
    captcha: yesNo.optional().describe('true: only courts whose search needs a captcha; false: the others'),
    search: text(100).optional().describe('name or host contains this text'),
    all: yesNo.default('true').describe('false: leave out the courts listed only in the 2020 list (closed or renamed since)'),
  })
  .strict();

export const CourtListSchema = z.object({
  generatedFrom: GeneratedFromSchema,
  counts: DirectoryCountsSchema.describe('the whole directory, not the filtered list'),
  courts: z.array(CourtSchema.extend({ crawl: CrawlStatusSchema.nullable() })),
});

export const listCourtsOperation = defineOperation({
  name: 'courts.list',
  summary: 'Military courts (directory) with their crawl status',
  input: ListCourtsInput,
  output: CourtListSchema,
  policy: courtPolicy.list,
  surfaces: { api: true, cli: true },
  table: { fileName: 'courts.csv', columns: COURT_COLUMNS, rows: (result) => result.courts.map(courtRow) },
  run: (ctx, input) =>
    listCourts(ctx.db, ctx.directory, {
      ...(input.type ? { type: input.type } : {}),
      ...(input.layout ? { layout: input.layout } : {}),
      ...(input.district ? { district: input.district } : {}),
      ...(input.captcha ? { captcha: input.captcha === 'true' } : {}),
      ...(input.search ? { search: input.search } : {}),
      all: input.all === 'true',
    }),
});
