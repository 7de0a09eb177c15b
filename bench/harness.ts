/** Tiny benchmark harness: alternating rounds of each variant (so machine noise hits all alike), medians. */
export interface Variant {
  name: string;
  /** Runs the work once; returns how many units (pages, rows) it processed. */
  run(): number | Promise<number>;
}

export interface Result {
  name: string;
  unitsPerSecond: number;
  rounds: number[];
}

export async function compare(variants: Variant[], options: { rounds: number; minMs: number }): Promise<Result[]> {
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (const v of variants) await v.run(); // warm-up
  for (let round = 0; round < options.rounds; round += 1) {
    for (const v of variants) {
      let units = 0;
      const start = performance.now();
      let elapsed = 0;
      while (elapsed < options.minMs) {
        units += await v.run();
        elapsed = performance.now() - start;
      }
      samples.get(v.name)?.push((units * 1000) / elapsed);
    }
  }
  return variants.map((v) => {
    const rounds = samples.get(v.name) ?? [];
    const sorted = [...rounds].sort((a, b) => a - b);
    return { name: v.name, unitsPerSecond: sorted[Math.floor(sorted.length / 2)] ?? 0, rounds };
  });
}

export function machine(): string {
  return `node ${process.version}, ${process.platform}/${process.arch}, date ${new Date().toISOString().slice(0, 10)}`;
}

/** The one JSON line bench/paced-load.ts prints (latencies only with PACED_RAW=1). */
export interface PacedResult {
  p50: number;
  p99: number;
  max: number;
  rps: number;
  errors: number;
  requests: number;
  statuses: Record<string, number>;
  latencies?: number[];
}
