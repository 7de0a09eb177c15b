/** `deadline.rules`: the deadline rules (assets/deadlines/), each with its counting method, holidays and sources. */
import { z } from 'zod';
import { deadlineRules } from '../../deadlines/index.ts';
import { defineOperation } from '../../ops/operation.ts';
import { deadlinePolicy } from '../../policies/deadlines.ts';
import { DeadlineRuleSchema } from './schemas.ts';

export const deadlineRulesOperation = defineOperation({
  name: 'deadline.rules',
  summary: 'The deadline rules: period, how it is counted, weekends and public holidays, options, sources',
  input: z.object({}).strict(),
  output: z.array(DeadlineRuleSchema),
  policy: deadlinePolicy.read,
  surfaces: { api: true, cli: true },
  async run() {
    return deadlineRules().map((r) => ({ ...r, holidays: { ...r.holidays, regions: [...r.holidays.regions] } }));
  },
});
