// A TOTP code is accepted once: not again in another session within its 30-second window, nor an older one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AccountsApi, accountsApi, Browser, makeOrg, makeUser, signInFully, totpCode } from '../helpers/accounts.ts';
import { ENGINES } from '../helpers/engines.ts';

const pglite = ENGINES.find((e) => e.name === 'pglite');

describe('TOTP codes are single-use', () => {
  let api: AccountsApi;
  let secret = '';
  const password = 'a long new password 1';
  before(async () => {
    assert.ok(pglite);
    api = await accountsApi(pglite);
    const org = await makeOrg(api, 'Replay Aid');
    const user = await makeUser(api, org, 'replay@example.test', 'lawyer');
    ({ secret } = await signInFully(api, 'replay@example.test', user.password, '198.51.100.50', password));
  });
  after(() => api.close());

  async function secondFactor(code: string): Promise<number> {
    const b = new Browser(api, '198.51.100.51');
    const login = await b.post('/api/v1/auth/login', { email: 'replay@example.test', password });
    assert.equal(login.json().next, 'totp', login.body);
    return (await b.post('/api/v1/auth/totp', { code })).statusCode;
  }

  it('the code that confirmed the enrolment cannot sign in; the next one can, once', async () => {
    const confirmed = totpCode(secret, api.clock);
    assert.notEqual(await secondFactor(confirmed), 200, 'the confirming code is used up');
    api.clock.advance(30_000);
    const next = totpCode(secret, api.clock);
    assert.equal(await secondFactor(next), 200);
    assert.notEqual(await secondFactor(next), 200, 'the same code a second time is refused');
  });
  it('the session token is replaced once the second factor is given; the half-signed-in token ends', async () => {
    api.clock.advance(120_000); // a time step no other test used
    const b = new Browser(api, '198.51.100.52');
    assert.equal((await b.post('/api/v1/auth/login', { email: 'replay@example.test', password })).json().next, 'totp');
    const before = b.cookie;
    const done = await b.post('/api/v1/auth/totp', { code: totpCode(secret, api.clock) });
    assert.equal(done.json().next, 'done', done.body);
    assert.ok(b.cookie && b.cookie !== before, 'a new cookie');
    assert.equal((await b.get('/api/v1/auth/session')).statusCode, 200);
    const stale = new Browser(api, '198.51.100.52');
    stale.cookie = before;
    assert.equal((await stale.get('/api/v1/auth/session')).statusCode, 401);
  });
});
