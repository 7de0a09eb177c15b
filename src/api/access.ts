/**
 * Who may call a route. Every route declares its access in `config.access`; a route without a decision makes
 * the server refuse to start (and the route snapshot test fail):
 *  - public:   anyone (health, the API description);
 *  - read:     anyone, unless the configuration makes reads private (OTKAZ_READ_TOKEN): then a bearer token;
 *  - evidence: raw captures and archive exports (WARC), which hold full names: the read or operator token, unless
 *              the deployment opens them (OTKAZ_PUBLIC_EVIDENCE=true: then as open as reads);
 *  - operator: the operator token (OTKAZ_OPERATOR_TOKEN); without one configured, operations are off.
 * The decision is made before validation and before any database work.
 */
import { timingSafeEqual } from 'node:crypto';

export type Access = 'public' | 'read' | 'evidence' | 'operator';
export const ACCESS_LEVELS: readonly Access[] = ['public', 'read', 'evidence', 'operator'];

export interface AccessSettings {
  operatorToken?: string;
  readToken?: string;
  publicEvidence?: boolean;
}

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

export type Role = 'anonymous' | 'reader' | 'operator';
export type Decision = { allow: true; role: Role } | { allow: false; reason: 'unauthorized' | 'forbidden' | 'operations_disabled' };

export function decide(access: Access, token: string | null, tokens: AccessSettings): Decision {
  const operator = sameToken(token, tokens.operatorToken);
  if (access === 'public') return { allow: true, role: operator ? 'operator' : 'anonymous' };
  if (access === 'evidence' && !tokens.publicEvidence) {
    if (operator) return { allow: true, role: 'operator' };
    if (sameToken(token, tokens.readToken)) return { allow: true, role: 'reader' };
    return { allow: false, reason: token ? 'forbidden' : 'unauthorized' };
  }
  if (access === 'read' || access === 'evidence') {
    if (!tokens.readToken) return { allow: true, role: operator ? 'operator' : 'anonymous' };
    if (operator) return { allow: true, role: 'operator' };
    if (sameToken(token, tokens.readToken)) return { allow: true, role: 'reader' };
    return { allow: false, reason: token ? 'forbidden' : 'unauthorized' };
  }
  if (!tokens.operatorToken) return { allow: false, reason: 'operations_disabled' };
  if (operator) return { allow: true, role: 'operator' };
  return { allow: false, reason: token ? 'forbidden' : 'unauthorized' };
}

/**
 * Whether answers of a route are for their caller only (a token is or may be needed): then no shared cache may
 * keep them (`Cache-Control: private, no-store`, `Vary: Authorization`).
 */
export function isPrivate(access: Access, settings: AccessSettings): boolean {
  if (access === 'public') return false;
  if (access === 'operator') return true;
  if (access === 'evidence' && !settings.publicEvidence) return true;
  return Boolean(settings.readToken);
}
