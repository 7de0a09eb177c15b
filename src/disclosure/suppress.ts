/**
 * Cell suppression for linked tables (docs/disclosure.md):
 *  1. primary: every count from 1 to k − 1 is withheld (zeros are published: they name no one);
 *  2. complementary, by the hypercube method: a withheld count alone in a row or column of a table (with its
 *     margins) would be its total minus the others, so a rectangle of three more non-zero counts is withheld with it,
 *     chosen for the protection it gives and the least information it takes away;
 *  3. audit and repair: the attacker's integer program (./intervals.ts) is solved for every withheld count over
 *     all tables at once — shared margins link them — and a count whose interval is narrower than the protection
 *     level, or that can be shown to be below k, gets another rectangle (or, failing that, its whole rows and
 *     columns) until none is. Withholding more never narrows an interval, so counts found safe stay safe.
 */
import type { Highs } from 'highs';
import { attackModel, type Interval, solveInterval } from './intervals.ts';
import { type GridSpec, gridKeys, type Identity, identities } from './tables.ts';

export interface SuppressionOptions {
  /** Counts from 1 to k − 1 are withheld. */
  k: number;
  /** The least width (hi − lo) of a withheld count's feasible interval. */
  protection: number;
}

export interface SuppressionResult {
  suppressed: Set<string>;
  primary: number;
  complementary: number;
  /** The attacker's interval of every withheld count, as audited. */
  intervals: Map<string, Interval>;
  identities: Identity[];
}

interface Place {
  keys: string[][];
  row: number;
  column: number;
}

/** +1 for an inner cell and the grand total, −1 for a row or column total (the sign that makes every line sum to 0). */
function sign(keys: string[][], row: number, column: number): 1 | -1 {
  const lastRow = row === keys.length - 1;
  const lastColumn = column === (keys[0]?.length ?? 0) - 1;
  return lastRow === lastColumn ? 1 : -1;
}

interface Rectangle {
  corners: string[];
  cost: number;
  width: number;
  good: boolean;
}

/** The best rectangle through a withheld cell of one extended grid, or null when every one adds nothing or meets a zero. */
function bestRectangle(place: Place, values: ReadonlyMap<string, number>, suppressed: ReadonlySet<string>, options: SuppressionOptions): Rectangle | null {
  const { keys, row, column } = place;
  const target = keys[row]?.[column] as string;
  const v = values.get(target) ?? 0;
  const st = sign(keys, row, column);
  let best: Rectangle | null = null;
  for (let r = 0; r < keys.length; r += 1) {
    if (r === row) continue;
    for (let c = 0; c < (keys[0]?.length ?? 0); c += 1) {
      if (c === column) continue;
      const corners: Array<{ key: string; r: number; c: number; e: 1 | -1 }> = [
        { key: keys[row]?.[c] as string, r: row, c, e: -1 },
        { key: keys[r]?.[column] as string, r, c: column, e: -1 },
        { key: keys[r]?.[c] as string, r, c, e: 1 },
      ];
      if (corners.some((x) => (values.get(x.key) ?? 0) < 1)) continue;
      const fresh = corners.filter((x) => !suppressed.has(x.key));
      if (!fresh.length) continue;
      let up = Number.POSITIVE_INFINITY;
      let down = v - 1;
      for (const x of corners) {
        const slack = (values.get(x.key) ?? 0) - 1;
        if (sign(keys, x.r, x.c) * x.e * st < 0) up = Math.min(up, slack);
        else down = Math.min(down, slack);
      }
      const width = up + down;
      const good = width >= options.protection && v + up >= options.k;
      const cost = fresh.reduce((n, x) => n + (values.get(x.key) ?? 0), 0);
      const better =
        !best || (good && !best.good) || (good === best.good && (good ? cost < best.cost : width > best.width || (width === best.width && cost < best.cost)));
      if (better) best = { corners: fresh.map((x) => x.key), cost, width, good };
    }
  }
  return best;
}

export function suppress(grids: readonly GridSpec[], values: ReadonlyMap<string, number>, options: SuppressionOptions, highs: Highs): SuppressionResult {
  const suppressed = new Set<string>();
  for (const [key, v] of values) if (v > 0 && v < options.k) suppressed.add(key);
  const primary = suppressed.size;
  const places = new Map<string, Place[]>();
  const extendedGrids = grids.map((g) => gridKeys(g));
  for (const keys of extendedGrids)
    keys.forEach((line, row) => {
      line.forEach((key, column) => {
        const list = places.get(key) ?? [];
        list.push({ keys, row, column });
        places.set(key, list);
      });
    });
  const all = [...new Map(grids.flatMap(identities).map((i) => [`${i.total}=${[...i.parts].sort().join('+')}`, i])).values()];

  // 2. Hypercube: until no withheld count is alone in a line of any grid.
  const alone = (p: Place) => {
    const line = p.keys[p.row] as string[];
    const column = p.keys.map((l) => l[p.column] as string);
    return line.filter((k) => suppressed.has(k)).length === 1 || column.filter((k) => suppressed.has(k)).length === 1;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of [...suppressed])
      for (const place of places.get(key) ?? []) {
        if (!alone(place)) continue;
        const rectangle = bestRectangle(place, values, suppressed, options);
        if (rectangle) {
          for (const k of rectangle.corners) suppressed.add(k);
          changed = true;
        }
      }
  }

  // 3. Audit and repair.
  const intervals = new Map<string, Interval>();
  const weak = (i: Interval) => i.hi - i.lo < options.protection || i.hi < options.k || i.lo === i.hi;
  const escalated = new Map<string, number>();
  for (;;) {
    const model = attackModel(all, values, suppressed);
    const failing: string[] = [];
    const blocking = new Map<string, string[]>();
    for (const key of suppressed) {
      if (intervals.has(key)) continue;
      const { interval, blockers } = solveInterval(highs, model, key);
      if (weak(interval)) {
        failing.push(key);
        blocking.set(key, blockers);
      } else intervals.set(key, interval);
    }
    if (!failing.length) break;
    // One repair per pass: room for what blocks the weakest count (a withheld count at its floor of 1 where the
    // count reaches its ends — often in a linked table), else a rectangle through the count itself; then audit
    // again (a rectangle added for one count often protects others; fewer counts are withheld than repairing all).
    // Several weak counts are repaired in one pass when their repairs do not touch each other.
    const touched = new Set<string>();
    let repaired = false;
    for (const key of failing) {
      const near = [key, ...(blocking.get(key) ?? [])];
      if (near.some((k) => touched.has(k))) continue;
      const pick: { best: Rectangle | null } = { best: null };
      const consider = (through: string) => {
        for (const place of places.get(through) ?? []) {
          const r = bestRectangle(place, values, suppressed, options);
          const b = pick.best;
          if (r && (!b || (r.good && !b.good) || (r.good === b.good && r.cost < b.cost))) pick.best = r;
        }
      };
      for (const blocker of blocking.get(key) ?? []) consider(blocker);
      if (!pick.best) consider(key);
      const chosen = pick.best;
      for (const k of near) touched.add(k);
      if (chosen) {
        for (const k of chosen.corners) {
          suppressed.add(k);
          touched.add(k);
        }
        repaired = true;
      }
    }
    if (repaired) continue;
    {
      const key = failing[0] as string;
      // No rectangle adds anything: withhold every non-zero count of its grids, then of the grids linked to those
      // (sharing a figure), and so on: at worst every table of the year, whose total nothing then bounds.
      const level = (escalated.get(key) ?? 0) + 1;
      escalated.set(key, level);
      let reach = new Set((places.get(key) ?? []).map((p) => p.keys));
      for (let step = 1; step < level; step += 1) {
        const next = new Set(reach);
        for (const keys of reach) for (const line of keys) for (const k of line) for (const p of places.get(k) ?? []) next.add(p.keys);
        if (next.size === reach.size && step === level - 1 && level > extendedGrids.length + 1)
          throw new Error(`complementary suppression cannot protect ${key}`);
        reach = next;
      }
      for (const keys of reach) for (const line of keys) for (const k of line) if ((values.get(k) ?? 0) > 0) suppressed.add(k);
    }
  }
  return { suppressed, primary, complementary: suppressed.size - primary, intervals, identities: all };
}
