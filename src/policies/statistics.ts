/** Who may read and change the asylum statistics: the published figures are reads; an import is an operator's. */
import { rule } from '../ops/policy.ts';

export const statisticsPolicy = {
  read: rule('statistics.read', 'read'),
  import: rule('statistics.import', 'operator'),
} as const;

export const claimsPolicy = {
  check: rule('claims.check', 'read'),
} as const;
