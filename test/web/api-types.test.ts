// The web app's API types are generated from the OpenAPI document (scripts/gen-api-types.ts): the committed
// web/src/api/schema.gen.ts must be what the current routes generate. (That every type web/src/types.ts takes
// from it has a JSON answer schema is checked by the web typecheck: ApiResponse accepts no other path.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { API_TYPES_COMMAND, API_TYPES_FILE, generateApiTypes } from '../../scripts/gen-api-types.ts';

describe('web API types', () => {
  it('the committed web/src/api/schema.gen.ts is what the OpenAPI document generates', async () => {
    const generated = await generateApiTypes();
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    if (committed === generated) return;
    const a = committed.split('\n');
    const b = generated.split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line += 1;
    assert.fail(
      `web/src/api/schema.gen.ts is stale (first difference at line ${line + 1}: committed ${JSON.stringify(a[line] ?? '<end>')}, generated ${JSON.stringify(b[line] ?? '<end>')}): run ${API_TYPES_COMMAND} and commit it`,
    );
  });
});
