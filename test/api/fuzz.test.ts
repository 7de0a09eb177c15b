// The API fuzz in CI (issue #11): generated requests for every route of the route table — parameters from each
// route's schema, mixed with hostile values — sent with the operator or read token (both configured), so guarded
// routes run too. No answer may be a 5xx; every error is problem+json. A fixed seed: the same inputs every run.
// `npm run fuzz:api -- [inputs] [seed]` runs any number; OTKAZ_API_FUZZ_RUNS overrides the count here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type TestApi, testApi } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';
import { fuzzApi, fuzzRoutes, positiveClasses } from '../property/api-fuzz.ts';

const RUNS: Record<string, number> = { pglite: 2000, postgres: 1000 };
const SEED = 20261201;

describe('patterns with negated classes', () => {
  it('are drawn as positive classes whose strings match the original pattern, and miss what it excludes', () => {
    for (const pattern of ['^[a-z_]+=[^;=]+$', '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$']) {
      const original = new RegExp(pattern);
      const rewritten = new RegExp(positiveClasses(pattern));
      assert.ok(!positiveClasses(pattern).includes('[^'), 'no negated class is left');
      for (const s of fc.sample(fc.stringMatching(rewritten), { numRuns: 300, seed: SEED })) assert.match(s, original);
      for (const excluded of ['a=b;c', 'a=b=c', 'a b@c.d', 'a@b@c.d']) assert.equal(rewritten.test(excluded), original.test(excluded), excluded);
    }
  });
});

for (const engine of ENGINES) {
  describe(`API fuzz on ${engine.name}`, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(engine);
    });
    after(() => api.close());

    it('walks every route of the table, guarded ones included', () => {
      const routes = fuzzRoutes(api.app);
      assert.ok(routes.length >= 38, `${routes.length} routes`);
      assert.ok(routes.some((r) => r.access === 'operator') && routes.some((r) => r.access === 'read') && routes.some((r) => r.access === 'public'));
      const cases = routes.find((r) => r.url === '/api/v1/cases');
      assert.ok(cases && 'q' in cases.query && 'from' in cases.query, 'parameters come from the OpenAPI document');
      assert.ok(routes.find((r) => r.url === '/api/v1/claims/check')?.body, 'bodies too');
    });

    it('no generated request gets a 5xx, every error is problem+json', async () => {
      const runs = Number(process.env.OTKAZ_API_FUZZ_RUNS ?? RUNS[engine.name]);
      const report = await fuzzApi(api.app, { runs, seed: SEED, stopAtFirst: true });
      assert.equal(report.serverErrors, 0);
      assert.ok(Object.keys(report.routes).length >= 38, `every route was called (${Object.keys(report.routes).length})`);
      assert.ok((report.statuses['200'] ?? 0) > runs / 10, 'a fair share of the inputs is accepted, so the handlers and their SQL run');
      assert.ok((report.statuses['400'] ?? 0) > runs / 10, 'and a fair share refused');
    });
  });
}
