/**
 * The watch's two steps as operations: queue the due visits of known cards (and their courts' result lists) for the
 * crawler's workers, and read the answers into removals and restorations. `otkaz watch run` does both around a worker.
 */
import { z } from 'zod';
import { classifyWatch } from '../../courts/watch/classify.ts';
import { planRevisits } from '../../crawler/revisit.ts';
import { defineOperation } from '../../ops/operation.ts';
import { watchPolicy } from '../../policies/watch.ts';
import { WatchScopeFields } from './schemas.ts';

/** Days between two visits of one card unless told otherwise. */
export const WATCH_EVERY_DAYS = 7;

export const WatchPlanInput = z
  .object({
    ...WatchScopeFields,
    every: z.coerce
      .number()
      .min(0)
      .max(3650)
      .default(WATCH_EVERY_DAYS)
      .describe('days since the last visit after which a card (or list) is visited again; 0: now'),
    lists: z.enum(['true', 'false']).default('true').describe("also the watched courts' result lists (a case gone from its list)"),
  })
  .strict();

export const WatchPlanSchema = z.object({
  cards: z.number().int().describe('case cards queued'),
  lists: z.number().int().describe('result-list pages queued again'),
});

export const watchPlanOperation = defineOperation({
  name: 'watch.plan',
  summary: 'Queue the due visits of known case cards (and their courts’ result lists) for the crawl workers',
  input: WatchPlanInput,
  output: WatchPlanSchema,
  policy: watchPolicy.run,
  surfaces: { api: true, cli: true },
  run: (ctx, input) =>
    planRevisits(ctx.db, {
      courts: input.court,
      cases: input.case,
      dueBefore: new Date(ctx.now().getTime() - input.every * 86_400_000),
      lists: input.lists === 'true',
    }),
});

export const WatchClassifyInput = z.object({ ...WatchScopeFields }).strict();

export const WatchClassifySchema = z.object({
  checked: z.number().int().describe('cases whose latest card or list answers were read'),
  present: z.number().int().describe('cases whose latest answer shows them on the site'),
  removed: z.number().int().describe('new removals'),
  restored: z.number().int().describe('removed cases served again'),
  inconclusive: z.number().int().describe('cases whose latest answer says neither (throttle, error…)'),
});

export const watchClassifyOperation = defineOperation({
  name: 'watch.classify',
  summary: 'Read the latest answers of the watched cards and lists: removals from the court site and restorations',
  input: WatchClassifyInput,
  output: WatchClassifySchema,
  policy: watchPolicy.run,
  surfaces: { api: true, cli: true },
  run: (ctx, input) => classifyWatch(ctx.db, { courts: input.court, cases: input.case }),
});
