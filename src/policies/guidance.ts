/** Who may read the guidance knowledge base: it is published, sourced information (a read). */
import { rule } from '../ops/policy.ts';

export const guidancePolicy = {
  read: rule('guidance.read', 'read'),
} as const;
