/** Who may read prosecution counts (aggregates of the stored cases: no person in them). */
import { rule } from '../ops/policy.ts';

export const prosecutionPolicy = {
  count: rule('prosecutions.count', 'read'),
} as const;
