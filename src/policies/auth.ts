/**
 * Sign-in: the password step is open to anyone (rate-limited, locked out, audited); the later steps need a
 * session of the account — also one not yet verified, which reaches nothing else.
 */
import { rule } from '../ops/policy.ts';

const withSession = (name: string) => rule(name, 'public', (actor) => actor.kind === 'user' && actor.sessionId !== null);

export const authPolicy = {
  login: rule('auth.login', 'public'),
  session: withSession('auth.session'),
  password: withSession('auth.password'),
  secondFactor: withSession('auth.second_factor'),
  enrol: withSession('auth.enrol'),
  logout: withSession('auth.logout'),
} as const;
