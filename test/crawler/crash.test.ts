import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crashSeed, crashTest, killPoints, requestsBeforeKill } from './crash-harness.ts';

describe('crash safety', () => {
  it('the kill points follow the seed: the same seed gives the same points, each before the end of the crawl', () => {
    assert.deepEqual(killPoints(42, 12), killPoints(42, 12));
    assert.notDeepEqual(killPoints(42, 12), killPoints(43, 12));
    assert.ok(killPoints(7, 200).every((share) => share >= 0.1 && share < 0.9));
    // A kill's part of what is left: the kills to come and the final run share the rest; at least one request.
    assert.equal(requestsBeforeKill(0.5, 300, 2), 50);
    assert.equal(requestsBeforeKill(0.1, 3, 3), 1);
    assert.ok(killPoints(9, 200).every((share) => requestsBeforeKill(share, 1000, 1) < 1000 / 2));
    assert.equal(crashSeed('1234'), 1234);
    assert.throws(() => crashSeed('12x'), /seed must be a whole number/);
  });

  it("kill -9 at random moments, restart: the final database equals an uninterrupted crawl's", async (t) => {
    const admin = process.env.OTKAZ_TEST_DATABASE_URL;
    assert.ok(admin, 'needs PostgreSQL (npm test starts one)');
    const seed = crashSeed();
    const log: string[] = [];
    const { expected, actual, killed } = await crashTest(
      admin,
      3,
      undefined,
      (line) => {
        log.push(line);
        t.diagnostic(line);
      },
      seed,
    );
    const repeat = `seed ${seed}; repeat with OTKAZ_CRASH_SEED=${seed}\n${log.join('\n')}`;
    assert.ok(killed >= 1, `at least one run was killed mid-crawl (${repeat})`);
    assert.equal(actual.unfinishedJobs, 0, repeat);
    assert.ok(expected.cases.length > 50, 'the crawl found the cases');
    assert.deepEqual(actual.cases, expected.cases, `no case lost, none duplicated, none different (${repeat})`);
    assert.deepEqual(actual.history, expected.history, `no history entry doubled (${repeat})`);
  });
});
