// Every operation of the registry is bound on each surface it is offered on — an API route and a CLI command —
// and an operation offered on one surface only says why. Bad input is refused by the operation's own schema on both.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routeOperations, routeTable } from '../../src/api/app.ts';
import { boundCommands } from '../../src/cli/bind.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { OPERATIONS } from '../../src/operations/registry.ts';
import { type TestApi, testApi } from '../helpers/api.ts';
import { ENGINES } from '../helpers/engines.ts';

describe('operation coverage', () => {
  let api: TestApi;
  before(async () => {
    const pglite = ENGINES.find((e) => e.name === 'pglite');
    assert.ok(pglite);
    api = await testApi(pglite);
    buildProgram();
  });
  after(() => api.close());

  it('names are unique resource.verb', () => {
    const names = OPERATIONS.map((op) => op.name);
    assert.equal(new Set(names).size, names.length, 'duplicate operation names');
    for (const name of names) assert.match(name, /^[a-z_]+\.[a-z_]+$/, name);
  });

  it('each operation has its adapters where it is offered, and a reason where it is not', () => {
    const routed = new Set(routeOperations(api.app).map((line) => line.split(' ')[0]));
    for (const op of OPERATIONS) {
      if (op.surfaces.api === true) assert.ok(routed.has(op.name), `${op.name}: offered on the API but no route is bound to it`);
      else assert.ok(op.surfaces.api.length > 10 && !routed.has(op.name), `${op.name}: API-only/CLI-only needs a reason and no route`);
      if (op.surfaces.cli === true) assert.ok(boundCommands.has(op.name), `${op.name}: offered on the CLI but no command is bound to it`);
      else assert.ok(op.surfaces.cli.length > 10 && !boundCommands.has(op.name), `${op.name}: CLI-less operation needs a reason and no command`);
    }
    for (const name of [...routed, ...boundCommands.keys()])
      assert.ok(
        OPERATIONS.some((op) => op.name === name),
        `${name} is bound but not in src/operations/registry.ts`,
      );
  });

  it("a route bound to an operation is guarded by that operation's policy", () => {
    const policyOf = new Map(
      routeTable(api.app).map((line) => {
        const [method, url, , policy] = line.split(' ');
        return [`${method} ${url}`, policy];
      }),
    );
    const bound = routeOperations(api.app);
    assert.ok(bound.length >= OPERATIONS.filter((op) => op.surfaces.api === true).length);
    for (const line of bound) {
      const [name, method, url] = line.split(' ');
      const op = OPERATIONS.find((o) => o.name === name);
      assert.equal(policyOf.get(`${method} ${url}`), op?.policy.name, `${method} ${url}`);
    }
  });
});
