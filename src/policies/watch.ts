/**
 * The deletion watch (#15): what it has seen is court record at the level of the case pages (no names at all, only
 * court, case number, dates and hashes), so as open as they are; queuing visits and reading the answers change the
 * crawl, so the operator's.
 */
import { rule } from '../ops/policy.ts';

export const watchPolicy = {
  read: rule('watch.read', 'read'),
  run: rule('watch.run', 'operator'),
} as const;
