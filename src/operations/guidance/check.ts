/** The knowledge base whole, and its health: unsourced (a failure), stale, conflicting and unconfirmed facts. */
import { z } from 'zod';
import { checkKnowledgeBase } from '../../guidance/check.ts';
import { DISCLAIMER } from '../../guidance/route.ts';
import { defineOperation } from '../../ops/operation.ts';
import { guidancePolicy } from '../../policies/guidance.ts';
import { isoDate } from '../../shared/validation.ts';
import { KnowledgeBaseReportSchema, KnowledgeBaseViewSchema } from './schemas.ts';

export const knowledgeBaseOperation = defineOperation({
  name: 'guidance.knowledge_base',
  summary: 'The knowledge base: facts, offences, exit routes, restrictions, destinations, organisations',
  input: z.object({}).strict(),
  output: KnowledgeBaseViewSchema,
  policy: guidancePolicy.read,
  surfaces: {
    api: true,
    cli: 'the command line shows the parts: otkaz guidance facts, guidance offences, guidance route (and the YAML in assets/guidance/)',
  },
  run: async (ctx) => {
    const kb = ctx.kb;
    return {
      disclaimer: DISCLAIMER,
      facts: kb.facts,
      offences: kb.offences,
      exit_routes: kb.exit_routes,
      restrictions: kb.restrictions,
      destinations: kb.destinations,
      organisations: kb.organisations,
    };
  },
});

export const checkKnowledgeBaseOperation = defineOperation({
  name: 'guidance.check',
  summary: 'Unsourced, stale, conflicting and unconfirmed facts',
  input: z.object({ today: isoDate.optional().describe('facts not verified in the 12 months before this day are stale (default: today, in UTC)') }).strict(),
  output: KnowledgeBaseReportSchema,
  policy: guidancePolicy.read,
  surfaces: { api: true, cli: true },
  run: async (ctx, { today }) => checkKnowledgeBase(ctx.kb, today ?? ctx.now().toISOString().slice(0, 10)),
});
