/**
 * Who may read and change the asylum statistics: the published figures are reads; an import is an operator's. An
 * anonymised release of the case files reads every sharing organisation's files: the command line's local actor
 * only (whoever holds the data folder and the key-encryption key), like the other whole-organisation commands.
 */
import { rule } from '../ops/policy.ts';

export const statisticsPolicy = {
  read: rule('statistics.read', 'read'),
  import: rule('statistics.import', 'operator'),
  importRelease: rule('statistics.import_release', 'operator'),
  release: rule('statistics.release', 'operator', () => false),
  legalAid: rule('statistics.legal_aid', 'read'),
} as const;

export const claimsPolicy = {
  check: rule('claims.check', 'read'),
} as const;
