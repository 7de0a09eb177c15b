/**
 * Who may export, import, erase, re-key an organisation and set or run its retention: the command line's local
 * actor only — whoever holds the data folder and the key-encryption key. No token or member passes these rules
 * (the condition is false for every actor but the local one, which passes every rule).
 */
import { rule } from '../ops/policy.ts';

const localOnly = (name: string) => rule(name, 'operator', () => false);

export const orgDataPolicy = {
  export: localOnly('orgs.export'),
  import: localOnly('orgs.import'),
  erase: localOnly('orgs.erase'),
  rotateKey: localOnly('orgs.rotate_key'),
  retention: localOnly('orgs.retention'),
  purge: localOnly('orgs.purge'),
} as const;
