// The preparation routes over HTTP, on both engines: a lawyer gets the checklist of a claim type and the exclusion
// view (private, no-store); a missing or unknown claimType is a 400 problem naming the parameter, never a 500.
// All data SYNTHETIC.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AccountsApi, accountsApi, type Browser, makeOrg, makeUser, signInFully } from '../helpers/accounts.ts';
import { ENGINES } from '../helpers/engines.ts';

for (const engine of ENGINES) {
  describe(`GET /api/v1/clients/:id/checklist and /exclusion (${engine.name})`, () => {
    let api: AccountsApi;
    let lawyer: Browser;
    let clientId = '';

    before(async () => {
      api = await accountsApi(engine);
      const org = await makeOrg(api, 'Prepare Api Org');
      const account = await makeUser(api, org, 'lawyer@prepare-api.example', 'lawyer');
      ({ browser: lawyer } = await signInFully(api, 'lawyer@prepare-api.example', account.password, '198.51.100.40'));
      const created = await lawyer.post('/api/v1/clients', {
        person: { names: [{ script: 'latin', family: 'Apitest' }] },
        military: { status: 'contract', service: [{ unit: '137th Guards Parachute Regiment', from: '2023-01-01', to: '2023-02-01' }] },
      });
      assert.equal(created.statusCode, 200, created.body);
      clientId = created.json().id;
    });
    after(() => api.close());

    it('answers the checklist and the exclusion view, not cached', async () => {
      const checklist = await lawyer.get(`/api/v1/clients/${clientId}/checklist?claimType=awol_337`);
      assert.equal(checklist.statusCode, 200, checklist.body);
      assert.equal(checklist.json().claimType, 'awol_337');
      assert.match(String(checklist.headers['cache-control']), /no-store/);
      const exclusion = await lawyer.get(`/api/v1/clients/${clientId}/exclusion`);
      assert.equal(exclusion.statusCode, 200, exclusion.body);
      assert.deepEqual(
        exclusion.json().matches.map((m: { allegationId: string; periodOverlap: string }) => [m.allegationId, m.periodOverlap]),
        [['al-137-173-irpin', 'no']],
      );
      assert.match(exclusion.json().notice.ru, /не приговор/);
    });

    it('a missing or unknown claimType is a 400 naming it', async () => {
      for (const query of ['', '?claimType=tourist']) {
        const res = await lawyer.get(`/api/v1/clients/${clientId}/checklist${query}`);
        assert.equal(res.statusCode, 400, res.body);
        assert.match(res.body, /claimType/);
      }
    });
  });
}
