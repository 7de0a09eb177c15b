/**
 * What an attacker can learn of a suppressed count: its feasible interval, the least and the greatest value it can
 * take in any table of non-negative integers that agrees with every published figure and identity. Suppressed
 * counts are at least 1, because zeros are always published (docs/disclosure.md). Solved as two integer programs
 * per count with HiGHS (WebAssembly; the `highs` package).
 */
import type { Highs } from 'highs';
import type { Identity } from './tables.ts';

export interface Interval {
  lo: number;
  hi: number;
}

let loaded: Promise<Highs> | null = null;

/** The solver, loaded once per process (about 50 ms). */
export function solver(): Promise<Highs> {
  loaded ??= import('highs').then((m) => (m as unknown as { default: () => Promise<Highs> }).default());
  return loaded;
}

/** The constraints of the attacker's problem as CPLEX LP text (without objective), and the variable of each suppressed key. */
export interface AttackModel {
  constraints: string;
  bounds: string;
  variables: Map<string, string>;
}

/** Builds the attacker's model: one integer variable (≥ 1) per suppressed figure, one equality per identity that holds one. */
export function attackModel(identities: readonly Identity[], values: ReadonlyMap<string, number>, suppressed: ReadonlySet<string>): AttackModel {
  const variables = new Map<string, string>();
  const name = (key: string) => {
    let v = variables.get(key);
    if (!v) {
      v = `x${variables.size}`;
      variables.set(key, v);
    }
    return v;
  };
  const rows = new Set<string>();
  for (const identity of identities) {
    let rhs = 0;
    const terms: string[] = [];
    const add = (key: string, sign: 1 | -1) => {
      if (suppressed.has(key)) terms.push(`${sign > 0 ? '+' : '-'} ${name(key)}`);
      else rhs -= sign * (values.get(key) ?? 0);
    };
    for (const part of identity.parts) add(part, 1);
    add(identity.total, -1);
    if (!terms.length) continue;
    rows.add(`${[...terms].sort().join(' ')} = ${rhs}`);
  }
  const constraints = [...rows].map((row, i) => ` c${i}: ${row}`).join('\n');
  const bounds = [...variables.values()].map((v) => ` ${v} >= 1`).join('\n');
  return { constraints, bounds, variables };
}

function program(model: AttackModel, sense: 'Maximize' | 'Minimize', variable: string): string {
  return [
    sense,
    ` obj: ${variable}`,
    'Subject To',
    model.constraints || ` c0: ${variable} >= 0`,
    'Bounds',
    model.bounds,
    'General',
    ` ${[...model.variables.values()].join(' ')}`,
    'End',
  ].join('\n');
}

/** The feasible interval of one suppressed figure (hi may be Infinity: nothing published bounds it). */
export function intervalOf(highs: Highs, model: AttackModel, key: string): Interval {
  return solveInterval(highs, model, key).interval;
}

/**
 * The interval, and the other withheld figures that stop it from being wider: those at their floor of 1 in the
 * solutions that reach its ends (what a repair should give room to).
 */
export function solveInterval(highs: Highs, model: AttackModel, key: string): { interval: Interval; blockers: string[] } {
  const variable = model.variables.get(key);
  if (!variable) throw new Error(`${key} is not suppressed`);
  const names = new Map([...model.variables].map(([k, v]) => [v, k]));
  const blockers = new Set<string>();
  const solve = (sense: 'Maximize' | 'Minimize'): number => {
    const result = highs.solve(program(model, sense, variable), { output_flag: false });
    if (result.Status === 'Optimal') {
      for (const [name, column] of Object.entries(result.Columns)) {
        const k = names.get(name);
        if (k && k !== key && 'Primal' in column && Math.round(column.Primal) <= 1) blockers.add(k);
      }
      return Math.round(result.ObjectiveValue);
    }
    if (result.Status === 'Unbounded' || result.Status === 'Primal infeasible or unbounded') return sense === 'Maximize' ? Number.POSITIVE_INFINITY : 1;
    throw new Error(`the attacker's program for ${key} ended ${result.Status}`);
  };
  const interval = { lo: solve('Minimize'), hi: solve('Maximize') };
  return { interval, blockers: [...blockers] };
}
