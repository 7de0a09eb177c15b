// The long crash-safety run: `npm run crash-test -- [kills, default 20] [seed]`. Starts its own PostgreSQL.
// The kill times come from the seed, which is printed: give it again (or OTKAZ_CRASH_SEED) to repeat a run.

import { isDeepStrictEqual } from 'node:util';
import { crashSeed, crashTest, LARGE } from '../test/crawler/crash-harness.ts';
import { startTempPostgres, stopTempPostgres } from './pg-temp.mjs';

const kills = Number(process.argv[2] ?? 20);
const seed = crashSeed(process.argv[3] ?? process.env.OTKAZ_CRASH_SEED);
const pg = await startTempPostgres();
try {
  const { expected, actual, killed } = await crashTest(pg.url, kills, LARGE, (line) => console.log(line), seed);
  const same = isDeepStrictEqual(actual.cases, expected.cases) && isDeepStrictEqual(actual.history, expected.history) && actual.unfinishedJobs === 0;
  console.log(
    `${killed} kills; ${expected.cases.length} cases expected, ${actual.cases.length} found; history equal: ${isDeepStrictEqual(actual.history, expected.history)}; ${same ? 'PASS' : 'FAIL'} (seed ${seed})`,
  );
  process.exitCode = same ? 0 : 1;
} finally {
  stopTempPostgres(pg.dir);
}
