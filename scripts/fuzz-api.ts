// Longer fuzzing of the HTTP API: `npm run fuzz:api -- [inputs] [seed]` (default 100,000 inputs, a random seed).
// Every route, with both tokens configured and sent, on an in-memory embedded database holding one real case and
// one statistics release (OTKAZ_FUZZ_ENGINE=postgres with OTKAZ_TEST_DATABASE_URL: on PostgreSQL instead).
// Prints inputs tried, 5xx seen, non-problem errors, the time taken; exit status 1 when any input broke the rule.

import { testApi } from '../test/helpers/api.ts';
import { ENGINES } from '../test/helpers/engines.ts';
import { fuzzApi } from '../test/property/api-fuzz.ts';

const runs = Number(process.argv[2] ?? 100_000);
const seed = process.argv[3] === undefined ? Math.floor(Math.random() * 2_147_483_647) : Number(process.argv[3]);
const engine = ENGINES.find((e) => e.name === (process.env.OTKAZ_FUZZ_ENGINE ?? 'pglite'));
if (!engine || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz:api -- [inputs ≥ 1] [integer seed]; OTKAZ_FUZZ_ENGINE=pglite|postgres\n');
  process.exit(2);
}
const api = await testApi(engine);
process.stdout.write(`fuzzing the API: ${runs} inputs, seed ${seed}, ${engine.name}\n`);
const started = performance.now();
try {
  const report = await fuzzApi(api.app, {
    runs,
    seed,
    onProgress: (done) => done % 10_000 === 0 && process.stdout.write(`  ${done} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s\n`),
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `statuses: ${Object.entries(report.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}\n`,
  );
  process.stdout.write(`routes: ${Object.keys(report.routes).length}, fewest inputs on one route: ${Math.min(...Object.values(report.routes))}\n`);
  for (const f of report.failures.slice(0, 10))
    process.stdout.write(`  ${f.problem}: ${f.request.method} ${f.request.url.slice(0, 200)} → ${f.body.slice(0, 200)}\n`);
  process.stdout.write(
    `inputs tried: ${report.runs}; 5xx seen: ${report.serverErrors}; inputs breaking the rule (5xx or an error not problem+json): ${report.violations}; ${seconds.toFixed(1)} s (${(report.runs / seconds).toFixed(0)} inputs/s); seed ${seed}\n`,
  );
  process.exitCode = report.violations ? 1 : 0;
} finally {
  await api.close();
}
