// The web app's API types are generated from the OpenAPI document (scripts/gen-api-types.ts): the committed
// web/src/api/schema.gen.ts must be what the current routes generate. (That every type web/src/types.ts takes
// from it has a JSON answer schema is checked by the web typecheck: ApiResponse accepts no other path.) The
// types are generated into memory here: this test never writes the file. For the committed file to stay true,
// the document must not depend on the day it is built on (issue #12: a default of "today" made it change daily).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it, type TestContext } from 'node:test';
import { API_TYPES_COMMAND, API_TYPES_FILE, generateApiTypes, openApiDocument } from '../../scripts/gen-api-types.ts';
import { loadConfig } from '../../src/config/config.ts';

const text = async (doc: Promise<unknown>) => JSON.stringify(await doc, null, 1);

/** The document as text, built while the clock says `iso`. */
async function documentOn(t: TestContext, iso: string): Promise<string> {
  t.mock.timers.enable({ apis: ['Date'], now: Date.parse(iso) });
  try {
    return await text(openApiDocument());
  } finally {
    t.mock.timers.reset();
  }
}

/** The first line where two texts differ, both sides. */
function firstDifference(one: string, other: string): string {
  const a = one.split('\n');
  const b = other.split('\n');
  let line = 0;
  while (line < a.length && a[line] === b[line]) line += 1;
  return `line ${line + 1}: ${JSON.stringify(a[line]?.trim() ?? '<end>')} / ${JSON.stringify(b[line]?.trim() ?? '<end>')}`;
}

describe('web API types', () => {
  it('the committed web/src/api/schema.gen.ts is what the OpenAPI document generates', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const generated = await generateApiTypes();
    assert.equal(readFileSync(API_TYPES_FILE, 'utf8'), committed, 'generating the types left the committed file alone');
    if (committed === generated) return;
    assert.fail(
      `web/src/api/schema.gen.ts is stale (first difference, committed / generated, at ${firstDifference(committed, generated)}): run ${API_TYPES_COMMAND} and commit it`,
    );
  });

  it('the OpenAPI document is the same whatever the day it is built on', async (t) => {
    const one = await documentOn(t, '2031-05-06T12:00:00Z');
    const other = await documentOn(t, '2032-11-22T23:59:00Z');
    if (one !== other) assert.fail(`built on 2031-05-06 and on 2032-11-22, the document differs at ${firstDifference(one, other)}`);
  });

  it("the OpenAPI document is the same whatever the installation's configuration (the server's equals the committed one)", async () => {
    const configured = loadConfig(
      {
        OTKAZ_DATA_DIR: '/tmp/otkaz-api-types-unused',
        OTKAZ_KEK_FILE: '/tmp/otkaz-api-types-unused-kek',
        OTKAZ_HOST: '0.0.0.0',
        OTKAZ_PORT: '9443',
        OTKAZ_PUBLIC_URL: 'https://otkaz.example.org/base',
        OTKAZ_HTTPS: '1',
        OTKAZ_PUBLIC_EVIDENCE: '1',
        OTKAZ_OPERATOR_TOKEN: 'operator-token-0123456789abcdef',
        OTKAZ_READ_TOKEN: 'reader-token-0123456789abcdefgh',
        OTKAZ_RATE_LIMIT: '120',
        OTKAZ_TIME_ZONE: 'Asia/Yerevan',
        OTKAZ_REMINDER_DAYS: '9',
        OTKAZ_CRAWL_CONTACT: 'operator@example.org',
      },
      '/tmp/otkaz-api-types-no-such-folder',
    );
    const plain = await text(openApiDocument());
    const other = await text(openApiDocument(configured));
    if (plain !== other) assert.fail(`the generator's configuration and another give different documents at ${firstDifference(plain, other)}`);
  });
});
