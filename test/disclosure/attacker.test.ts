// The published anonymised table against an attacker: for every withheld cell, the least and greatest value it can
// take in any table of non-negative integers that agrees with every published count and margin of every table of
// the release (test/helpers/attacker.ts, built from the release file alone). No withheld cell is pinned to one value;
// each interval is at least the protection level wide and reaches k (so it cannot be shown to be a small count);
// no count from 1 to k − 1 is published. On a fixed synthetic case file population and on random ones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { solver } from '../../src/disclosure/intervals.ts';
import { buildRelease, GROUPS, MILITARY, OUTCOMES, type Release, STAGES, type UnitRecord } from '../../src/disclosure/release.ts';
import { type Assignment, countFigures, keyOf } from '../../src/disclosure/tables.ts';
import { attack, cellLabel } from '../helpers/attacker.ts';

const ORGS = [{ slug: 'synthetic-org', name: 'Synthetic organisation (SYNTHETIC)' }];

/** The true count of every cell, by the attacker's label, straight from the microdata. */
function truth(release: Release, records: readonly UnitRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of release.tables)
    t.cells.forEach((line, r) => {
      line.forEach((_v, c) => {
        const want: Record<string, string> = { ...t.base, year: t.year };
        if (t.rows[r] !== 'total') want[t.rowDimension] = t.rows[r] as string;
        if (t.columns[c] !== 'total') want.destination = t.columns[c] as string;
        const n = records.filter((rec) => Object.entries(want).every(([d, v]) => (rec as unknown as Record<string, string>)[d] === v)).length;
        out.set(cellLabel(t, r, c), n);
      });
    });
  return out;
}

async function assertProtected(release: Release, records: readonly UnitRecord[]): Promise<{ withheld: number; minWidth: number }> {
  const k = release.method.k;
  const p = release.method.protection;
  const real = truth(release, records);
  for (const t of release.tables)
    t.cells.forEach((line, r) => {
      line.forEach((v, c) => {
        const actual = real.get(cellLabel(t, r, c));
        if (v === null) assert.ok((actual ?? 0) >= 1, `${t.id} ${t.rows[r]}/${t.columns[c]}: a zero was withheld (the attacker's floor of 1 would be wrong)`);
        else {
          assert.equal(v, actual, `${t.id} ${t.rows[r]}/${t.columns[c]}: published ${v}, true ${actual}`);
          assert.ok(v === 0 || v >= k, `${t.id} ${t.rows[r]}/${t.columns[c]}: a count of ${v} (< k = ${k}) is published`);
        }
      });
    });
  const { intervals } = await attack(release.tables);
  let minWidth = Number.POSITIVE_INFINITY;
  for (const [cell, { lo, hi }] of intervals) {
    const actual = real.get(cell) ?? -1;
    assert.ok(lo <= actual && actual <= hi, `${cell}: the true count ${actual} is outside the attacker's [${lo}, ${hi}] (the model is wrong)`);
    assert.notEqual(lo, hi, `${cell} is pinned to ${lo}`);
    assert.ok(hi - lo >= p, `${cell}: interval [${lo}, ${hi}] narrower than the protection level ${p}`);
    assert.ok(hi >= k, `${cell}: interval [${lo}, ${hi}] shows the count is below k = ${k}`);
    minWidth = Math.min(minWidth, hi - lo);
  }
  return { withheld: intervals.size, minWidth };
}

/** A synthetic population of 60 clients in one year: a few large cells, many small ones. */
function fixedPopulation(): UnitRecord[] {
  const out: UnitRecord[] = [];
  const add = (n: number, r: Omit<UnitRecord, 'year'>) => {
    for (let i = 0; i < n; i += 1) out.push({ year: '2024', ...r });
  };
  add(22, { group: 'military', status: 'mobilised', destination: 'DEU', stage: 'first_instance', outcome: 'pending' });
  add(12, { group: 'military', status: 'conscript', destination: 'DEU', stage: 'appeal', outcome: 'no_protection' });
  add(3, { group: 'military', status: 'contract', destination: 'DEU', stage: 'first_instance', outcome: 'protection' });
  add(11, { group: 'not_military', destination: 'FRA', stage: 'first_instance', outcome: 'pending' });
  add(2, { group: 'military', status: 'volunteer', destination: 'FRA', stage: 'appeal', outcome: 'protection' });
  add(1, { group: 'unknown_status', destination: 'KAZ', stage: 'filing', outcome: 'pending' });
  add(9, { group: 'military', status: 'mobilised', destination: 'KAZ', stage: 'first_instance', outcome: 'protection' });
  return out;
}

describe('an attacker against the published anonymised table', () => {
  it('recovers no withheld cell of a fixed synthetic release (k = 10, protection 5)', async () => {
    const records = fixedPopulation();
    const { release, primary, complementary } = buildRelease(
      {
        records,
        years: ['2024'],
        destinations: ['DEU', 'FRA', 'KAZ'],
        organisations: ORGS,
        k: 10,
        protection: 5,
        generatedAt: new Date('2025-02-01T00:00:00Z'),
        synthetic: true,
      },
      await solver(),
    );
    assert.ok(primary > 0, 'the population has small cells');
    assert.ok(complementary > 0, 'complementary suppression was needed');
    // The volunteer in France (2 people) and the contract soldiers in Germany (3) are withheld.
    const status = release.tables.find((t) => t.id === '2024/military-status');
    assert.ok(status);
    assert.equal(status.cells[status.rows.indexOf('volunteer')]?.[status.columns.indexOf('FRA')], null);
    assert.equal(status.cells[status.rows.indexOf('contract')]?.[status.columns.indexOf('DEU')], null);
    const { withheld } = await assertProtected(release, records);
    assert.equal(withheld, release.withheld);
  });

  it('a table whose small cell sits alone in a row would be recovered without complementary suppression (the attacker is not toothless)', async () => {
    // Primary suppression only: publish everything except the counts 1..9, and let the attacker try.
    const records = fixedPopulation();
    const { release } = buildRelease(
      {
        records,
        years: ['2024'],
        destinations: ['DEU', 'FRA', 'KAZ'],
        organisations: ORGS,
        k: 10,
        protection: 5,
        generatedAt: new Date('2025-02-01T00:00:00Z'),
        synthetic: true,
      },
      await solver(),
    );
    const naive = release.tables.map((t) => ({
      ...t,
      cells: t.cells.map((line, r) =>
        line.map((_v, c) => {
          const want: Assignment = Object.fromEntries(
            Object.entries({ ...t.base, year: t.year, [t.rowDimension]: t.rows[r] as string, destination: t.columns[c] as string }).filter(
              ([, v]) => v !== 'total',
            ),
          );
          const n =
            countFigures([{ id: 'x', base: want, rowDimension: '_', rows: [], columnDimension: '__', columns: [] }], records as unknown as Assignment[]).get(
              keyOf(want),
            ) ?? 0;
          return n > 0 && n < 10 ? null : n;
        }),
      ),
    }));
    const { intervals } = await attack(naive);
    assert.ok(
      [...intervals.values()].some((i) => i.lo === i.hi),
      'with primary suppression alone some small cell is pinned',
    );
  });

  it('recovers nothing from random populations (property, 8 runs)', async () => {
    const highs = await solver();
    const destinations = ['DEU', 'FRA', 'USA'];
    // Skewed, as case files are: most clients in a few cells, a long tail of small ones.
    const skewed = <T>(values: readonly T[]) => fc.integer({ min: 0, max: 2 ** values.length - 2 }).map((i) => values[Math.floor(Math.log2(i + 1))] as T);
    const record = fc.record({
      group: skewed(GROUPS),
      status: skewed(MILITARY),
      destination: skewed(destinations),
      stage: skewed(STAGES),
      outcome: skewed(OUTCOMES),
    });
    let mixed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 10, maxLength: 120, size: 'max' }), fc.integer({ min: 3, max: 10 }), async (raw, k) => {
        const records: UnitRecord[] = raw.map(({ status, ...r }) => ({ year: '2023', ...r, ...(r.group === 'military' ? { status } : {}) }));
        const { release } = buildRelease(
          {
            records,
            years: ['2023'],
            destinations,
            organisations: ORGS,
            k,
            protection: Math.ceil(k / 2),
            generatedAt: new Date('2024-03-01T00:00:00Z'),
            synthetic: true,
          },
          highs,
        );
        const { withheld } = await assertProtected(release, records);
        if (withheld > 0 && release.tables.some((t) => t.cells.flat().some((v) => v !== null && v > 0))) mixed += 1;
      }),
      { numRuns: 8, seed: 1414 },
    );
    // Not vacuous: most populations publish some counts and withhold others.
    assert.ok(mixed >= 4, `only ${mixed} of 8 random releases both published and withheld counts`);
  });
});
