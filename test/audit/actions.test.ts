// The audit actions (src/audit/actions.ts): one list, no duplicates, each resource.verb; the policy rules whose
// names a refused organisation access is recorded under (src/operations/orgs/target.ts) are on it — a rule that
// were not would throw at the refusal instead of recording it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUDIT_ACTIONS, auditActionOf, isAuditAction } from '../../src/audit/actions.ts';
import { orgPolicy } from '../../src/policies/orgs.ts';
import { userPolicy } from '../../src/policies/users.ts';

describe('audit actions', () => {
  it('one list of resource.verb, without duplicates', () => {
    assert.equal(new Set(AUDIT_ACTIONS).size, AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) assert.match(action, /^[a-z_]+\.[a-z_]+$/);
    assert.equal(isAuditAction('clients.update'), true);
    assert.equal(isAuditAction('client.update'), false);
    assert.throws(() => auditActionOf('nothing.here'), /not an audit action/);
  });

  it('the rules a refused organisation access is recorded under are audit actions', () => {
    for (const rule of [userPolicy.create, userPolicy.list, userPolicy.disable, userPolicy.resetPassword, orgPolicy.settings, orgPolicy.updateSettings])
      assert.equal(auditActionOf(rule.name), rule.name);
  });
});
