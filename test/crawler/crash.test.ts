import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crashTest } from './crash-harness.ts';

describe('crash safety', () => {
  it('kill -9 at random moments, restart: the final database equals an uninterrupted crawl\'s', async () => {
    const admin = process.env.OTKAZ_TEST_DATABASE_URL;
    assert.ok(admin, 'needs PostgreSQL (npm test starts one)');
    const { expected, actual, killed } = await crashTest(admin, 3);
    assert.ok(killed >= 1, 'at least one run was killed mid-crawl');
    assert.equal(actual.unfinishedJobs, 0);
    assert.ok(expected.cases.length > 50, 'the crawl found the cases');
    assert.deepEqual(actual.cases, expected.cases, 'no case lost, none duplicated, none different');
    assert.deepEqual(actual.history, expected.history, 'no history entry doubled');
  });
});
