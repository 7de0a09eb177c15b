import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runProperties } from '../property/properties.ts';

describe('parsers never throw on random or mutated input', () => {
  it('10,000 cases per property (generated HTML, mutated real pages of both layouts, random bytes, forced card/list parsers, articles, outcomes)', () => {
    const runs = Number(process.env.OTKAZ_PROPERTY_RUNS ?? 10000);
    assert.ok(runs >= 10000 || process.env.CI !== 'true', 'CI runs at least 10,000 cases per property');
    runProperties(runs);
  });
});
