// Cheap scrypt for the suites that export and import passphrase archives through the command line: a work factor of
// 2^10 instead of age's 2^18 (≈ 1.5 s of CPU each way; src/casework/archive.ts). Only archives sealed in the calling
// test process change; test/casework/orgs.test.ts checks that an archive sealed without it has age's default.
import { useScryptWorkFactorForTests } from '../../src/casework/archive.ts';

export const CHEAP_SCRYPT_LOG_N = 10;

export function cheapArchives(): void {
  useScryptWorkFactorForTests(CHEAP_SCRYPT_LOG_N);
}
