/** List cases: filtered by court, article, part, outcome, period of receipt and full text; sorted; paginated. */
import { z } from 'zod';
import { CASE_LIST_COLUMNS, CASE_SORT_VALUES, listCases } from '../../courts/cases/list.ts';
import { OUTCOMES } from '../../courts/parse/types.ts';
import { defineOperation } from '../../ops/operation.ts';
import { casePolicy } from '../../policies/cases.ts';
import { isoDate, text } from '../../shared/validation.ts';

export const ListCasesInput = z
  .object({
    court: text(40).regex(/^\w+$/, 'expected a court code (vnkod), e.g. 50GV0001').optional().describe('only this court (vnkod)'),
    article: text(20)
      .regex(/^\d+(\.\d+)?$/, 'expected an article number, e.g. 337 or 352.1')
      .optional()
      .describe('only cases with a charge under this article'),
    part: text(20)
      .regex(/^\d+(\.\d+)?$/, 'expected a part number, e.g. 5')
      .optional()
      .describe('only cases with a charge under this part'),
    outcome: z.enum(OUTCOMES).optional().describe('only this outcome'),
    from: isoDate.optional().describe('first date of receipt'),
    to: isoDate.optional().describe('last date of receipt'),
    q: text(200, 2).optional().describe('full text (Russian stemming) over case information and act texts'),
    synthetic: z.enum(['include', 'exclude', 'only']).default('include').describe('SYNTHETIC demo cases: include, exclude or only'),
    removed: z
      .enum(['include', 'exclude', 'only'])
      .default('include')
      .describe('cases the deletion watch found gone from the court site: include, exclude or only'),
    sort: z.enum(CASE_SORT_VALUES).default('-receipt_date'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const CaseListRowSchema = z.object({
  id: z.number().int(),
  court_vnkod: z.string(),
  court_name: z.string().nullable(),
  case_number: z.string().nullable(),
  receipt_date: z.string().nullable(),
  decision_date: z.string().nullable(),
  outcome: z.string().nullable(),
  synthetic: z.boolean(),
  removed_at: z.string().nullable().describe('when the deletion watch found the card gone from the court site (null: still there, as far as known)'),
  articles: z.string().nullable(),
  defendants: z.string().nullable().describe('initials only; "hidden" where the court hid the person'),
});

export const CaseListSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), rows: z.array(CaseListRowSchema) });

export const listCasesOperation = defineOperation({
  name: 'cases.list',
  summary: 'Cases, filtered by court, article, part, period, outcome, full text; sorted; paginated',
  input: ListCasesInput,
  output: CaseListSchema,
  policy: casePolicy.list,
  surfaces: { api: true, cli: true },
  table: { fileName: 'cases.csv', columns: CASE_LIST_COLUMNS, rows: (result) => result.rows },
  run: (ctx, input) => listCases(ctx.db, input),
});
