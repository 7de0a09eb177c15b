/**
 * Who may work the evidence archive as a whole: listing every capture (URLs as captured, which may name a person)
 * and exporting WARC files are evidence; re-hashing the whole archive and taking files in are the operator's.
 * The command line's local actor passes every rule (it holds the data folder).
 */
import { rule } from '../ops/policy.ts';

export const archivePolicy = {
  list: rule('archive.list', 'evidence'),
  export: rule('archive.export', 'evidence'),
  verify: rule('archive.verify', 'operator'),
  ingest: rule('archive.ingest', 'operator'),
  /** Asking the time-stamping authority for stamps of the captures not yet stamped. */
  stamp: rule('archive.stamp', 'operator'),
  /** A capture's stamps hold hashes only (no URL, no body): as open as a capture's metadata. */
  verifyStamp: rule('archive.verify_stamp', 'read'),
} as const;
