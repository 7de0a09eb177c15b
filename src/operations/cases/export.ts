/**
 * Every case of a filter as one CSV file (the list's columns and order, no pages): what "Download CSV" gives. The
 * rows are read and sent in chunks (src/courts/cases/list.ts, exportCases), so a large result is streamed, never
 * held whole; each cell is formula-safe (src/shared/csv.ts).
 */
import { z } from 'zod';
import { CASE_LIST_COLUMNS, type CaseListRow, exportCases } from '../../courts/cases/list.ts';
import { defineOperation } from '../../ops/operation.ts';
import { casePolicy } from '../../policies/cases.ts';
import { ListCasesInput } from './list.ts';

export const ExportCasesInput = ListCasesInput.omit({ page: true, pageSize: true });

export interface CaseExport {
  readonly fileName: string;
  readonly columns: readonly string[];
  readonly total: number;
  readonly chunks: AsyncIterable<CaseListRow[]>;
}

const CaseExportSchema = z.custom<CaseExport>((value) => typeof value === 'object' && value !== null && 'chunks' in value);

/** The download's name: what was filtered, and the day (UTC) — e.g. otkaz-cases-article-337-2026-12-04.csv. */
export function exportFileName(input: z.output<typeof ExportCasesInput>, now: Date): string {
  const parts = ['otkaz-cases'];
  if (input.article) parts.push(`article-${input.article}`);
  if (input.part) parts.push(`part-${input.part}`);
  if (input.court) parts.push(input.court);
  if (input.outcome) parts.push(input.outcome);
  if (input.from || input.to) parts.push(`${input.from ?? ''}_${input.to ?? ''}`);
  if (input.synthetic !== 'include') parts.push(`synthetic-${input.synthetic}`);
  parts.push(now.toISOString().slice(0, 10));
  return `${parts.join('-')}.csv`;
}

export const exportCasesOperation = defineOperation({
  name: 'cases.export',
  summary: 'Every case of a filter (court, article, part, period, outcome, full text) as one CSV file, in the sort asked',
  input: ExportCasesInput,
  output: CaseExportSchema,
  policy: casePolicy.list,
  surfaces: { api: true, cli: '`cases list --csv` prints the same columns, a page at a time (--page, --limit)' },
  async run(ctx, input) {
    const { total, chunks } = await exportCases(ctx.db, input);
    return { fileName: exportFileName(input, ctx.now()), columns: CASE_LIST_COLUMNS, total, chunks };
  },
});
