/** Show one case: persons (initials), charges, events, history, linked instances, penalty ranges, captures. */
import { z } from 'zod';
import { linkedInstances } from '../../courts/cases/links.ts';
import { caseCaptures, caseCharges, caseEvents, caseHead, caseHistory, casePersons } from '../../courts/cases/read.ts';
import { caseRemoval } from '../../courts/watch/read.ts';
import { penaltiesFor } from '../../guidance/penalties.ts';
import { defineOperation } from '../../ops/operation.ts';
import { capturePolicy, casePolicy } from '../../policies/cases.ts';
import { id } from '../../shared/validation.ts';
import { eventView } from '../watch/events.ts';
import { WatchEventSchema } from '../watch/schemas.ts';
import {
  CaseCaptureSchema,
  CaseChargeSchema,
  CaseEventSchema,
  CaseHeadSchema,
  CaseHistorySchema,
  CasePenaltySchema,
  CasePersonSchema,
  LinkedInstanceSchema,
} from './schemas.ts';

export const ShowCaseInput = z.object({ id: id.describe('the case id') }).strict();

export const CaseViewSchema = z.object({
  case: CaseHeadSchema,
  persons: z.array(CasePersonSchema),
  articles: z.array(CaseChargeSchema),
  events: z.array(CaseEventSchema),
  history: z.array(CaseHistorySchema),
  captures: z.array(CaseCaptureSchema),
  linkedInstances: z.array(LinkedInstanceSchema),
  penalties: z.array(CasePenaltySchema),
  removal: WatchEventSchema.nullable().describe(
    'the deletion watch found the card gone from the court site: when, how, and its last capture (null: still there, as far as known)',
  ),
  access: z.object({ evidence: z.boolean().describe('whether this caller may fetch the raw captures and the WARC') }),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

export const showCaseOperation = defineOperation({
  name: 'cases.show',
  summary:
    'One case: persons (initials), articles, events, history, linked instances, penalty ranges, captures, removal from the court site; access.evidence: whether this caller may fetch the raw captures and the WARC',
  input: ShowCaseInput,
  output: CaseViewSchema,
  policy: casePolicy.read,
  surfaces: { api: true, cli: true },
  async run(ctx, { id }) {
    const head = await caseHead(ctx.db, id);
    const [persons, articles, events, history, captures, linked, removal] = await Promise.all([
      casePersons(ctx.db, id),
      caseCharges(ctx.db, id),
      caseEvents(ctx.db, id),
      caseHistory(ctx.db, id),
      caseCaptures(ctx.db, id),
      linkedInstances(ctx.db, id),
      caseRemoval(ctx.db, id),
    ]);
    // Depends on the actor's partition only (the response cache keeps one answer per partition).
    const evidence = capturePolicy.evidence.check(ctx.actor, ctx.config, undefined).allow;
    return {
      case: head,
      persons,
      articles,
      events,
      history,
      captures,
      linkedInstances: linked,
      penalties: penaltiesFor(ctx.kb, articles),
      removal: removal ? eventView(removal) : null,
      access: { evidence },
    };
  },
});
