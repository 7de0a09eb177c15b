// Time per password hash (= per sign-in's verification) with the production Argon2id parameters
// (src/accounts/passwords.ts PASSWORD_PARAMS), against Argon2id at OWASP's minimum (19 MiB, t=2, p=1) as the
// fixed-cost reference measured in the same run. Aim (issue #13): 100–300 ms per hash on this machine.
// Run: npm run bench:argon2
import { hashPassword, PASSWORD_PARAMS, verifyPassword } from '../src/accounts/passwords.ts';
import { compare, machine } from './harness.ts';

const REFERENCE = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const password = 'correct horse battery staple';
const stored = await hashPassword(password);

const results = await compare(
  [
    { name: 'reference (OWASP min)', run: async () => ((await hashPassword(password, REFERENCE)).length > 0 ? 1 : 0) },
    { name: 'production hash', run: async () => ((await hashPassword(password)).length > 0 ? 1 : 0) },
    { name: 'production verify', run: async () => ((await verifyPassword(stored, password)) ? 1 : 0) },
  ],
  { rounds: Number(process.env.BENCH_ROUNDS ?? 5), minMs: 1000 },
);

const ms = (name: string) => 1000 / (results.find((r) => r.name === name)?.unitsPerSecond ?? Number.NaN);
const { memoryCost, timeCost, parallelism } = PASSWORD_PARAMS;
console.log(`argon2 benchmark — Argon2id m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}; ${machine()}`);
for (const r of results) console.log(`  ${r.name.padEnd(22)} ${(1000 / r.unitsPerSecond).toFixed(1).padStart(7)} ms`);
const verify = ms('production verify');
console.log(`  ratio production/reference = ${(ms('production hash') / ms('reference (OWASP min)')).toFixed(2)}`);
console.log(`  verify ${verify.toFixed(0)} ms per sign-in (aim 100–300 ms: ${verify >= 100 && verify <= 300 ? 'met' : 'NOT met'})`);
