// The long crash-safety run: `npm run crash-test -- [kills, default 20]`. Starts its own PostgreSQL.
import { startTempPostgres, stopTempPostgres } from './pg-temp.mjs';
import { crashTest, LARGE } from '../test/crawler/crash-harness.ts';
import { isDeepStrictEqual } from 'node:util';

const kills = Number(process.argv[2] ?? 20);
const pg = await startTempPostgres();
try {
  const { expected, actual, killed } = await crashTest(pg.url, kills, LARGE, (line) => console.log(line));
  const same = isDeepStrictEqual(actual.cases, expected.cases) && isDeepStrictEqual(actual.history, expected.history) && actual.unfinishedJobs === 0;
  console.log(`${killed} kills; ${expected.cases.length} cases expected, ${actual.cases.length} found; history equal: ${isDeepStrictEqual(actual.history, expected.history)}; ${same ? 'PASS' : 'FAIL'}`);
  process.exitCode = same ? 0 : 1;
} finally {
  stopTempPostgres(pg.dir);
}
