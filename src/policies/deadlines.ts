/** Who may list the deadline rules and compute a deadline: anyone — published law and arithmetic, no personal data. */
import { rule } from '../ops/policy.ts';

export const deadlinePolicy = {
  read: rule('deadlines.read', 'public'),
} as const;
