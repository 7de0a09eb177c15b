/** The procedure models (assets/procedures) are public reference data, like the guidance: anyone who may read. */
import { rule } from '../ops/policy.ts';

export const procedurePolicy = {
  list: rule('procedures.list', 'read'),
};
