import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkStats, runStatsProperties, SEEDS } from '../property/stats-properties.ts';

describe('statistics readers never crash on random or mutated input', () => {
  it('every seed document reads cleanly before mutation', async () => {
    for (const seed of SEEDS) await checkStats(seed);
    assert.equal(SEEDS.length, 12);
  });

  it('mutated files of every format, header + noise, random text: typed errors only (5,000 cases each)', async () => {
    const runs = Number(process.env.OTKAZ_STATS_PROPERTY_RUNS ?? 5000);
    await runStatsProperties(runs);
  });
});
