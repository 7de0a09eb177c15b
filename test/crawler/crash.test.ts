import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crashSeed, crashTest, killTimes } from './crash-harness.ts';

describe('crash safety', () => {
  it('the kill times follow the seed: the same seed gives the same times, within 1.5 to 4 s', () => {
    assert.deepEqual(killTimes(42, 12), killTimes(42, 12));
    assert.notDeepEqual(killTimes(42, 12), killTimes(43, 12));
    assert.ok(killTimes(7, 200).every((ms) => Number.isInteger(ms) && ms >= 1500 && ms < 4000));
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
