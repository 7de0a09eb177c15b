/** Who may read the court directory (public facts about courts, with their crawl status), and rebuild it. */
import { rule } from '../ops/policy.ts';

export const courtPolicy = {
  list: rule('courts.list', 'read'),
  /** Rewrites the shipped directory file: the installation's owner. */
  build: rule('courts.build', 'operator'),
} as const;
