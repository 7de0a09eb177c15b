/** A case's movement: hearings and other events in the court's order. */
import { z } from 'zod';
import { caseEvents, caseHead } from '../../courts/cases/read.ts';
import { defineOperation } from '../../ops/operation.ts';
import { casePolicy } from '../../policies/cases.ts';
import { CaseEventSchema } from './schemas.ts';
import { ShowCaseInput } from './show.ts';

export const caseEventsOperation = defineOperation({
  name: 'cases.events',
  summary: "A case's movement: hearings and other events in the court's order",
  input: ShowCaseInput,
  output: z.array(CaseEventSchema),
  policy: casePolicy.read,
  surfaces: { api: true, cli: '`cases show <id>` prints the hearings and events' },
  async run(ctx, { id }) {
    await caseHead(ctx.db, id);
    return caseEvents(ctx.db, id);
  },
});
