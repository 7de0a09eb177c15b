// Cheap Argon2 for the suites that create accounts and sign in many times: 1 MiB and one pass instead of 64 MiB and
// five (src/accounts/passwords.ts). Only hashes made in the calling test process change; test/accounts/passwords.test.ts
// checks the real parameters without it.
import { type PasswordParams, usePasswordParamsForTests } from '../../src/accounts/passwords.ts';

export const CHEAP_PASSWORD_PARAMS: PasswordParams = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export function cheapPasswords(): void {
  usePasswordParamsForTests(CHEAP_PASSWORD_PARAMS);
}
