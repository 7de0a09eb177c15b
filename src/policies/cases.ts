/**
 * Who may read the court record: the stored cases (persons by initials only) and the captures they came from.
 * The raw captures and WARC exports hold full names: they are evidence (src/ops/policy.ts).
 */
import { rule } from '../ops/policy.ts';

export const casePolicy = {
  list: rule('cases.list', 'read'),
  read: rule('cases.read', 'read'),
  /** The lookup of a person by exact full name (keyed hashes): the command line's, for a lawyer finding a client's case. */
  findPerson: rule('cases.find_person', 'operator'),
} as const;

export const capturePolicy = {
  read: rule('captures.read', 'read'),
  /** The page as captured, and WARC exports: full names. */
  evidence: rule('captures.evidence', 'evidence'),
} as const;
