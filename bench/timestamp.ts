/**
 * Trusted time stamps (RFC 3161): captures stamped per second against a local TSA (Debian's `openssl ts -reply`
 * behind node:http on 127.0.0.1, keys made in a temporary folder), batched — one token over the Merkle root of the
 * whole batch — against one token per capture, in the same run, on the embedded engine. The captures are SYNTHETIC
 * (random bodies, so random SHA-256 leaves). The target: batching ≥ 100× one token per capture.
 *
 *   npm run bench:timestamp -- [batched captures] [one-per-capture captures] [rounds]
 */
import { randomBytes } from 'node:crypto';
import { stampCaptures } from '../src/courts/archive/stamp.ts';
import { storeCapture } from '../src/courts/archive/store.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open.ts';
import { startLocalTsa } from '../test/helpers/tsa.ts';
import { machine } from './harness.ts';

const batched = Number(process.argv[2] ?? 20_000);
const single = Number(process.argv[3] ?? 200);
const rounds = Number(process.argv[4] ?? 3);
const UA = 'otkaz/0.1 (benchmark; contact: bench@example.org)';

async function addSynthetic(db: Database, count: number, tag: string): Promise<void> {
  for (let done = 0; done < count; done += 500) {
    await db.transaction(async (tx) => {
      for (let i = done; i < Math.min(count, done + 500); i += 1) {
        await storeCapture(tx, {
          bytes: new Uint8Array(randomBytes(64)),
          url: `https://synthetic.example/${tag}/${i}`,
          retrievedAt: null,
          httpStatus: 200,
          httpHeaders: null,
          requestHeaders: null,
          contentType: 'text/html',
          source: 'synthetic',
          sourceRef: 'bench:timestamp SYNTHETIC',
          synthetic: true,
          pageKind: 'case',
          layout: null,
          courtVnkod: null,
        });
      }
    });
  }
}

const tsa = await startLocalTsa();
const db = await openDatabase({ kind: 'pglite', dataDir: null });
console.log(`trusted time stamps, SYNTHETIC captures (random 64-byte bodies); ${machine()}`);
const rates = { batched: [] as number[], single: [] as number[] };
try {
  for (let round = 0; round < rounds; round += 1) {
    // Batched: every new capture under one token.
    await addSynthetic(db, batched, `b${round}`);
    let start = performance.now();
    const a = await stampCaptures(db, { tsaUrl: tsa.url, userAgent: UA, batchSize: batched, now: () => new Date() });
    const batchedMs = performance.now() - start;
    // One token per capture.
    await addSynthetic(db, single, `s${round}`);
    start = performance.now();
    const b = await stampCaptures(db, { tsaUrl: tsa.url, userAgent: UA, batchSize: 1, now: () => new Date() });
    const singleMs = performance.now() - start;
    const ra = (a.captures * 1000) / batchedMs;
    const rb = (b.captures * 1000) / singleMs;
    rates.batched.push(ra);
    rates.single.push(rb);
    console.log(
      `round ${round + 1}: batched ${a.captures} captures in ${a.batches.length} token(s), ${batchedMs.toFixed(0)} ms = ${ra.toFixed(0)}/s; ` +
        `one per capture ${b.captures} in ${b.batches.length} tokens, ${singleMs.toFixed(0)} ms = ${rb.toFixed(1)}/s; ratio ${(ra / rb).toFixed(0)}×`,
    );
  }
} finally {
  await db.close();
  await tsa.close();
}
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
const mb = median(rates.batched);
const ms = median(rates.single);
console.log(`median: batched ${mb.toFixed(0)} captures/s, one token per capture ${ms.toFixed(1)} captures/s: ${(mb / ms).toFixed(0)}× (target ≥ 100×)`);
