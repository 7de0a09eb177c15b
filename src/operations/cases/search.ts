/** Full-text search over case information and act texts (Russian stemming; web-search syntax), best hits first. */
import { z } from 'zod';
import { countSearchHits, searchCases } from '../../courts/cases/search.ts';
import { defineOperation } from '../../ops/operation.ts';
import { casePolicy } from '../../policies/cases.ts';
import { text } from '../../shared/validation.ts';

export const SearchCasesInput = z
  .object({
    query: text(200, 2).describe('words, "a phrase", -without, or (web-search syntax)'),
    limit: z.coerce.number().int().min(1).max(1000).default(50).describe('at most this many hits'),
  })
  .strict();

export const SearchHitSchema = z.object({
  id: z.number().int(),
  court_vnkod: z.string(),
  case_number: z.string().nullable(),
  receipt_date: z.string().nullable(),
  outcome: z.string().nullable(),
  synthetic: z.boolean(),
  rank: z.number(),
  matched_in: z.enum(['case', 'act']),
});

export const SearchResultSchema = z.object({
  total: z.number().int().describe('cases matched in all'),
  limit: z.number().int().describe('at most this many hits are listed'),
  capped: z.boolean().describe('true when more cases match than are listed'),
  hits: z.array(SearchHitSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SEARCH_COLUMNS = ['id', 'court_vnkod', 'case_number', 'receipt_date', 'outcome', 'matched_in', 'synthetic'] as const;

export const searchCasesOperation = defineOperation({
  name: 'cases.search',
  summary: 'Full-text search over case information and act texts (Russian stemming; web-search syntax), best hits first',
  input: SearchCasesInput,
  output: SearchResultSchema,
  policy: casePolicy.list,
  surfaces: { api: 'the API searches the same text with GET /api/v1/cases?q=, filtered, sorted and paginated', cli: true },
  table: { fileName: 'search.csv', columns: SEARCH_COLUMNS, rows: (result) => result.hits },
  async run(ctx, { query, limit }) {
    const hits = await searchCases(ctx.db, query, limit);
    const total = hits.length < limit ? hits.length : await countSearchHits(ctx.db, query);
    return { total, limit, capped: total > hits.length, hits };
  },
});
