// Argon2id: the production parameters are in every hash made without options; verification accepts the password
// and refuses others and malformed hashes; cheaper parameters exist only as an explicit option.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNewPassword, hashPassword, PASSWORD_PARAMS, verifyNothing, verifyPassword } from '../../src/accounts/passwords.ts';

describe('passwords', () => {
  it('hashes with Argon2id and the documented parameters, salted', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    assert.match(a, new RegExp(`^\\$argon2id\\$v=19\\$m=${PASSWORD_PARAMS.memoryCost},t=${PASSWORD_PARAMS.timeCost},p=${PASSWORD_PARAMS.parallelism}\\$`));
    assert.ok(PASSWORD_PARAMS.memoryCost >= 19_456 && PASSWORD_PARAMS.timeCost >= 2, 'at least the OWASP minimum');
    assert.notEqual(a, b, 'a random salt per hash');
    assert.equal(await verifyPassword(a, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(a, 'correct horse battery stapl'), false);
    assert.equal(await verifyPassword(a, 'Correct horse battery staple'), false);
  });

  it('refuses a malformed hash instead of throwing, and an unknown account costs a verification', async () => {
    assert.equal(await verifyPassword('not-a-phc-string', 'x'), false);
    assert.equal(await verifyPassword('', 'x'), false);
    assert.equal(await verifyNothing('anything'), false);
  });

  it('takes cheaper parameters only when given, and verifies them from the hash', async () => {
    const cheap = await hashPassword('pw for a quick test', { memoryCost: 1024, timeCost: 1, parallelism: 1 });
    assert.match(cheap, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    assert.equal(await verifyPassword(cheap, 'pw for a quick test'), true);
  });

  it('checks a new password’s length and that it changed', () => {
    assert.throws(() => checkNewPassword('short', null), /12–256 characters/);
    assert.throws(() => checkNewPassword('x'.repeat(257), null), /12–256 characters/);
    assert.throws(() => checkNewPassword('the same long one', 'the same long one'), /must differ/);
    assert.doesNotThrow(() => checkNewPassword('a long enough one', 'another'));
  });
});
