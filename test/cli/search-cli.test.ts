// Full-text search says how many cases match in all and when the list is capped. Both real pages' acts are
// headed "ПОСТАНОВЛЕНИЕ" (leninsky_ufa_criminal.html, kirov_koap.html: read by hand), so the word matches two cases.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

describe('otkaz search: the total and the cap', () => {
  useTempDataDir('otkaz-search-');
  it('two matching cases, one listed with --limit 1: the total is 2 and the list says it is capped', async () => {
    for (const file of ['leninsky_ufa_criminal.html', 'kirov_koap.html']) assert.equal((await cli('ingest', path.join(FIXTURES, 'courts', file))).code, 0);
    const capped = await cli('search', 'постановление', '--limit', '1', '--json');
    assert.equal(capped.code, 0);
    const result = JSON.parse(capped.out) as { total: number; limit: number; capped: boolean; hits: unknown[] };
    assert.deepEqual([result.total, result.limit, result.capped, result.hits.length], [2, 1, true, 1]);
    const text = await cli('search', 'постановление', '--limit', '1');
    assert.match(text.out, /1 of 2 matching cases shown \(the list is capped at 1: --limit N shows more\)/);
    const all = await cli('search', 'постановление');
    assert.match(all.out, /\n2 matching case\(s\)\n?$/);
  });
});
