// Policies: an access level's decision for every kind of actor and deployment, and a rule's condition on the
// loaded resource (the tenant check the case files will need), which never opens what the level refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANONYMOUS, authenticate, cachePartition, LOCAL } from '../../src/ops/actor.ts';
import { allowsLevel, resourceRule } from '../../src/ops/policy.ts';

const OPERATOR = 'operator-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdefgh';
const PRIVATE = { operatorToken: OPERATOR, readToken: READER };

describe('actors and policies', () => {
  it('authentication: the token decides the kind; a wrong token is an anonymous actor that presented one', () => {
    assert.deepEqual(authenticate(OPERATOR, PRIVATE), { kind: 'operator' });
    assert.deepEqual(authenticate(READER, PRIVATE), { kind: 'reader' });
    assert.deepEqual(authenticate('nope', PRIVATE), { kind: 'anonymous', presented: true });
    assert.deepEqual(authenticate(null, PRIVATE), ANONYMOUS);
    assert.deepEqual(authenticate(READER, {}), { kind: 'anonymous', presented: true }, 'a read token the deployment does not have');
  });

  it('the command line passes every level; a private deployment refuses the anonymous reader', () => {
    for (const level of ['public', 'read', 'evidence', 'operator'] as const) assert.deepEqual(allowsLevel(level, LOCAL, {}), { allow: true }, level);
    assert.deepEqual(allowsLevel('read', ANONYMOUS, PRIVATE), { allow: false, reason: 'unauthorized' });
    assert.deepEqual(allowsLevel('read', { kind: 'anonymous', presented: true }, PRIVATE), { allow: false, reason: 'forbidden' });
    assert.deepEqual(allowsLevel('evidence', { kind: 'reader' }, PRIVATE), { allow: true });
    assert.deepEqual(allowsLevel('evidence', ANONYMOUS, { publicEvidence: true }), { allow: true });
    assert.deepEqual(allowsLevel('operator', { kind: 'reader' }, PRIVATE), { allow: false, reason: 'forbidden' });
    assert.deepEqual(allowsLevel('operator', { kind: 'operator' }, {}), { allow: false, reason: 'operations_disabled' });
  });

  it("a rule's condition sees the resource, and cannot open what its level refuses", () => {
    const own = resourceRule<{ owner: string }>('files.read', 'read', (actor, file) => actor.kind === 'operator' && file.owner === 'a');
    assert.deepEqual(own.check({ kind: 'operator' }, PRIVATE, { owner: 'a' }), { allow: true });
    assert.deepEqual(own.check({ kind: 'operator' }, PRIVATE, { owner: 'b' }), { allow: false, reason: 'forbidden' });
    assert.deepEqual(own.check(ANONYMOUS, PRIVATE, { owner: 'a' }), { allow: false, reason: 'unauthorized' });
    const never = resourceRule<{ owner: string }>('files.write', 'operator', () => true);
    assert.deepEqual(never.check({ kind: 'reader' }, PRIVATE, { owner: 'a' }), { allow: false, reason: 'forbidden' });
    // At the edge (before the resource is loaded) only the level decides; the operation checks the condition.
    assert.equal(own.needsResource, true);
    assert.deepEqual(own.checkEdge({ kind: 'operator' }, PRIVATE), { allow: true });
    assert.deepEqual(own.checkEdge(ANONYMOUS, PRIVATE), { allow: false, reason: 'unauthorized' });
  });

  it('a member rule admits only verified users, and its condition checks the tenant', () => {
    const user = { kind: 'user', userId: 'u1', orgId: 'A', role: 'lawyer', sessionId: 's', verified: true } as const;
    const own = resourceRule<{ orgId: string }>('clients.read', 'member', (actor, file) => actor.kind === 'user' && actor.orgId === file.orgId);
    assert.deepEqual(own.check(user, PRIVATE, { orgId: 'A' }), { allow: true });
    assert.deepEqual(own.check(user, PRIVATE, { orgId: 'B' }), { allow: false, reason: 'forbidden' });
    assert.deepEqual(own.check({ ...user, verified: false }, PRIVATE, { orgId: 'A' }), { allow: false, reason: 'forbidden' });
    assert.deepEqual(own.check({ kind: 'operator' }, PRIVATE, { orgId: 'A' }), { allow: false, reason: 'forbidden' });
    assert.deepEqual(allowsLevel('evidence', { ...user, role: 'volunteer' }, PRIVATE), { allow: false, reason: 'forbidden' });
    assert.deepEqual(allowsLevel('evidence', user, PRIVATE), { allow: true });
  });

  it('cache partitions differ for every kind of actor', () => {
    const partitions = [ANONYMOUS, { kind: 'reader' } as const, { kind: 'operator' } as const, LOCAL].map(cachePartition);
    assert.equal(new Set(partitions).size, partitions.length);
    assert.equal(cachePartition({ kind: 'anonymous', presented: true }), cachePartition(ANONYMOUS), 'a wrong token sees what the anonymous see');
  });
});
