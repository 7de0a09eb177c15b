// Longer fuzzing of the court-page parsers and the statistics readers: `npm run fuzz -- [runs per property] [seed]`.
import { runProperties } from '../test/property/properties.ts';
import { runStatsProperties } from '../test/property/stats-properties.ts';

const runs = Number(process.argv[2] ?? 200000);
const seed = process.argv[3] === undefined ? Date.now() % 2147483647 : Number(process.argv[3]);
const started = performance.now();
process.stdout.write(`fuzzing with ${runs} runs per property, seed ${seed}\n`);
runProperties(runs, seed);
process.stdout.write(`court-page parsers: no failure in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
await runStatsProperties(runs, seed);
process.stdout.write(`all parsers: no failure in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
