/** A case's defendants by initials only (hidden where the court hid them), with outcome and sentence. */
import { z } from 'zod';
import { caseHead, casePersons } from '../../courts/cases/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { casePolicy } from '../../policies/cases.ts';
import { CasePersonSchema } from './schemas.ts';
import { ShowCaseInput } from './show.ts';

export const casePersonsOperation = defineOperation({
  name: 'cases.persons',
  summary: "A case's defendants by initials only (hidden where the court hid them), with outcome and sentence",
  input: ShowCaseInput,
  output: z.array(CasePersonSchema),
  policy: casePolicy.read,
  surfaces: { api: true, cli: '`cases show <id>` prints the defendants with their charges and sentence' },
  async run(ctx, { id }) {
    await caseHead(ctx.db, id);
    return casePersons(ctx.db, id);
  },
});
