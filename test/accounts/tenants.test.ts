// Organisations never see each other: an administrator of A is refused the members, settings and accounts of B;
// member routes need a verified session of the right role; org settings change what sign-in asks for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Organisation } from '../../src/accounts/orgs.ts';
import { type AccountsApi, accountsApi, Browser, makeOrg, makeUser, signInFully } from '../helpers/accounts.ts';
import { ENGINES } from '../helpers/engines.ts';

for (const engine of ENGINES) {
  describe(`organisations and members (${engine.name})`, () => {
    let api: AccountsApi;
    let orgA: Organisation;
    let orgB: Organisation;
    let adminA: Browser;
    let memberB: { id: string; password: string };
    before(async () => {
      api = await accountsApi(engine);
      orgA = await makeOrg(api, 'Alpha Aid');
      orgB = await makeOrg(api, 'Beta Aid');
      const a = await makeUser(api, orgA, 'admin@alpha.test', 'org_admin');
      memberB = await makeUser(api, orgB, 'lawyer@beta.test', 'lawyer');
      ({ browser: adminA } = await signInFully(api, 'admin@alpha.test', a.password, '198.51.100.20'));
    });
    after(() => api.close());

    it('an administrator of A is refused the members of B', async () => {
      for (const ref of [orgB.slug, orgB.id]) {
        const res = await adminA.get(`/api/v1/org/users?org=${ref}`);
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().code, 'access.denied');
      }
      const own = await adminA.get('/api/v1/org/users');
      assert.deepEqual(
        own.json().users.map((u: { email: string }) => u.email),
        ['admin@alpha.test'],
      );
      const disable = await adminA.post(`/api/v1/org/users/${memberB.id}/disable`, {});
      assert.equal(disable.statusCode, 404, 'a member of B is not found in A');
      const crossCreate = await adminA.post('/api/v1/org/users', { org: orgB.slug, email: 'spy@alpha.test', role: 'org_admin' });
      assert.equal(crossCreate.statusCode, 403);
      assert.equal((await api.db.query('select 1 from users where email = $1', ['spy@alpha.test'])).length, 0);
      const refusals = await api.db.query<{ chain: string; action: string; resource_id: string }>(
        "select chain, action, resource_id from audit_log where outcome = 'refused' order by seq",
      );
      assert.deepEqual(
        refusals.map((r) => [r.chain, r.action, r.resource_id]),
        [
          [`org:${orgA.id}`, 'users.list', orgB.id],
          [`org:${orgA.id}`, 'users.list', orgB.id],
          [`org:${orgA.id}`, 'users.create', orgB.id],
        ],
      );
    });

    it('an administrator of A cannot learn whether an e-mail has an account in B; sign-in then needs the organisation', async () => {
      // The e-mail of B's lawyer is new to A: A's administrator gets what any new e-mail gets (review finding: a 409
      // here told A that the person has an account with another legal-aid organisation).
      const taken = await adminA.post('/api/v1/org/users', { email: 'lawyer@beta.test', role: 'caseworker' });
      const fresh = await adminA.post('/api/v1/org/users', { email: 'fresh@alpha.test', role: 'caseworker' });
      assert.equal(taken.statusCode, 200, taken.body);
      assert.equal(fresh.statusCode, 200, fresh.body);
      assert.deepEqual(Object.keys(taken.json()).sort(), Object.keys(fresh.json()).sort());
      assert.equal(taken.json().org.id, orgA.id);
      const twice = await adminA.post('/api/v1/org/users', { email: 'lawyer@beta.test', role: 'caseworker' });
      assert.equal(twice.statusCode, 409, 'unique within the organisation');
      assert.equal(twice.json().code, 'casework.conflict');
      assert.doesNotMatch(twice.json().detail, /beta/i);

      // Now the e-mail is in two organisations: without one, sign-in answers as for an unknown account.
      const b = new Browser(api, '198.51.100.23');
      const unknown = await b.post('/api/v1/auth/login', { email: 'nobody@beta.test', password: memberB.password });
      const ambiguous = await b.post('/api/v1/auth/login', { email: 'lawyer@beta.test', password: memberB.password });
      assert.equal(ambiguous.statusCode, 401);
      assert.equal(ambiguous.json().detail, unknown.json().detail);
      assert.match(ambiguous.json().detail, /organisation/);
      const wrongOrg = await b.post('/api/v1/auth/login', { email: 'lawyer@beta.test', password: memberB.password, organisation: orgA.slug });
      assert.equal(wrongOrg.statusCode, 401, "B's password is not the password of A's account");
      const right = await b.post('/api/v1/auth/login', { email: 'Lawyer@Beta.test', password: memberB.password, organisation: orgB.slug.toUpperCase() });
      assert.equal(right.statusCode, 200, right.body);
      assert.equal(right.json().user.id, memberB.id);
      assert.equal(right.json().user.org.slug, orgB.slug);
      const ownA = await new Browser(api, '198.51.100.24').post('/api/v1/auth/login', {
        email: 'lawyer@beta.test',
        password: taken.json().oneTimePassword,
        organisation: orgA.slug,
      });
      assert.equal(ownA.statusCode, 200, ownA.body);
      assert.equal(ownA.json().user.org.id, orgA.id);
    });

    it('an administrator creates a member of their organisation; the one-time password works once', async () => {
      const res = await adminA.post('/api/v1/org/users', { email: 'Volunteer@Alpha.test', role: 'volunteer' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.user.email, 'volunteer@alpha.test');
      assert.equal(body.org.id, orgA.id);
      assert.equal(body.user.mustChangePassword, true);
      assert.match(body.oneTimePassword, /^[A-Za-z0-9_-]{20}$/);
      const stored = await api.db.query<{ password_hash: string }>('select password_hash from users where email = $1', ['volunteer@alpha.test']);
      assert.match(String(stored[0]?.password_hash), /^\$argon2id\$/);
      assert.ok(!String(stored[0]?.password_hash).includes(body.oneTimePassword));
      const bad = await adminA.post('/api/v1/org/users', { email: 'x@alpha.test', role: 'owner' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().detail, /org_admin, lawyer, caseworker, volunteer, statistics/);

      const { browser: volunteer } = await signInFully(api, 'volunteer@alpha.test', body.oneTimePassword, '198.51.100.21');
      const refused = await volunteer.get('/api/v1/org/users');
      assert.equal(refused.statusCode, 403, 'a volunteer is no administrator');
    });

    it('member routes need a session: 401 auth.required without one', async () => {
      const res = await api.app.inject({ method: 'GET', url: '/api/v1/org/users' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'auth.required');
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const session = await api.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
      assert.equal(session.statusCode, 401);
    });

    it('settings: an organisation without TOTP signs in with the password; with passkeys required an admin is asked for one', async () => {
      const settings = await adminA.get('/api/v1/org/settings');
      assert.deepEqual(settings.json(), {
        id: orgA.id,
        slug: 'alpha-aid',
        name: 'Alpha Aid',
        requireTotp: true,
        requirePasskeyForAdmins: false,
        shareStatistics: false,
      });
      const changed = await adminA.post('/api/v1/org/settings', { requirePasskeyForAdmins: true });
      assert.equal(changed.json().requirePasskeyForAdmins, true);
      // The admin's own session now lacks the required factor: it is no longer verified.
      assert.equal((await adminA.get('/api/v1/org/users')).statusCode, 403);
      assert.equal((await adminA.get('/api/v1/auth/session')).json().next, 'passkey');
      const options = await adminA.post('/api/v1/auth/passkey/register/options');
      assert.equal(options.statusCode, 200, options.body);
      assert.equal(options.json().options.rp.id, 'localhost');
      await api.db.query('update organisations set require_passkey_for_admins = false where id = $1', [orgA.id]);

      const open = await makeOrg(api, 'Gamma Aid', false);
      const user = await makeUser(api, open, 'caseworker@gamma.test', 'caseworker');
      const b = new Browser(api, '198.51.100.22');
      await b.post('/api/v1/auth/login', { email: 'caseworker@gamma.test', password: user.password });
      const changedPassword = await b.post('/api/v1/auth/password', { current: user.password, next: 'gamma password long' });
      assert.equal(changedPassword.json().next, 'done');
      const short = await b.post('/api/v1/auth/password', { current: 'gamma password long', next: 'short' });
      assert.equal(short.statusCode, 400);
    });
  });
}
