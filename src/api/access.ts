/**
 * Who may call a route. Every route declares its access in `config.access`; a route without a decision makes
 * the server refuse to start (and the route snapshot test fail):
 *  - public:   anyone (health, the API description);
 *  - read:     anyone, unless the configuration makes reads private (OTKAZ_READ_TOKEN): then a bearer token;
 *  - operator: the operator token (OTKAZ_OPERATOR_TOKEN); without one configured, operations are off.
 * The decision is made before validation and before any database work.
 */
import { timingSafeEqual } from 'node:crypto';

export type Access = 'public' | 'read' | 'operator';
export const ACCESS_LEVELS: readonly Access[] = ['public', 'read', 'operator'];

export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export function sameToken(given: string | null, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Decision = { allow: true; role: 'anonymous' | 'reader' | 'operator' } | { allow: false; reason: 'unauthorized' | 'forbidden' | 'operations_disabled' };

export function decide(access: Access, token: string | null, tokens: { operatorToken?: string; readToken?: string }): Decision {
  const operator = sameToken(token, tokens.operatorToken);
  if (access === 'public') return { allow: true, role: operator ? 'operator' : 'anonymous' };
  if (access === 'read') {
    if (!tokens.readToken) return { allow: true, role: operator ? 'operator' : 'anonymous' };
    if (operator) return { allow: true, role: 'operator' };
    if (sameToken(token, tokens.readToken)) return { allow: true, role: 'reader' };
    return { allow: false, reason: token ? 'forbidden' : 'unauthorized' };
  }
  if (!tokens.operatorToken) return { allow: false, reason: 'operations_disabled' };
  if (operator) return { allow: true, role: 'operator' };
  return { allow: false, reason: token ? 'forbidden' : 'unauthorized' };
}
