// Ingest throughput of SYNTHETIC case cards into the embedded database (PGlite) and into PostgreSQL.
// Baseline measured in the same run on the same engine: archiving the same pages only (content-addressed
// capture, no parsing and no case store). Each page is one transaction, as the crawler writes them.
// Run: npm run bench:ingest -- [cards per engine, default 100000]   (PostgreSQL: a throwaway local cluster)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTempPostgres, stopTempPostgres } from '../scripts/pg-temp.mjs';
import { storeCapture } from '../src/courts/archive/store.ts';
import { loadDirectory } from '../src/courts/directory/load.ts';
import { garrisonCourts } from '../src/courts/directory/select.ts';
import { syncCourts } from '../src/courts/directory/sync.ts';
import { ingestPage } from '../src/courts/ingest.ts';
import { generateCases } from '../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../src/courts/synthetic/pages.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase, type StorageTarget } from '../src/db/open.ts';
import { machine } from './harness.ts';

const total = Number(process.argv[2] ?? 100000);
const CHUNK = 1000;
const directory = loadDirectory();
const courts = garrisonCourts(directory).map((c) => c.vnkod);
const KEY = 'benchmark-person-key-000000000';

function* chunks(seedOffset: number) {
  for (let done = 0; done < total; done += CHUNK) {
    const cases = generateCases({ seed: seedOffset + done, count: Math.min(CHUNK, total - done), courts, from: '2022-10-01', to: '2025-12-31' });
    // Distinct case ids across chunks.
    for (const c of cases) c.caseId += done;
    yield syntheticPages(cases, directory, 'directory').filter((p) => p.kind === 'case_card');
  }
}

async function run(target: () => StorageTarget, mode: 'archive' | 'ingest'): Promise<{ pages: number; seconds: number; rssMb: number }> {
  const db: Database = await openDatabase(target());
  await syncCourts(db, directory);
  let pages = 0;
  let rss = 0;
  const start = performance.now();
  for (const chunk of chunks(mode === 'archive' ? 7 : 7)) {
    for (const page of chunk) {
      if (mode === 'ingest') {
        await ingestPage(
          db,
          directory,
          { bytes: page.bytes, url: page.url, retrievedAt: null, httpStatus: 200, httpHeaders: null, source: 'synthetic', sourceRef: 'bench', synthetic: true },
          KEY,
        );
      } else {
        await db.transaction((tx) =>
          storeCapture(tx, {
            bytes: page.bytes,
            url: page.url,
            retrievedAt: null,
            httpStatus: 200,
            httpHeaders: null,
            requestHeaders: null,
            contentType: null,
            source: 'synthetic',
            sourceRef: 'bench',
            synthetic: true,
            pageKind: 'case_card',
            layout: null,
            courtVnkod: null,
          }),
        );
      }
      pages += 1;
    }
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  await db.close();
  return { pages, seconds, rssMb: rss / 1e6 };
}

console.log(`ingest benchmark — ${total} synthetic cards per engine; ${machine()}`);
const engines: [string, () => Promise<{ target: () => StorageTarget; done: () => Promise<void> }>][] = [
  [
    'pglite',
    async () => {
      // A data folder, as in real use (an in-memory database would hold every page in RAM).
      const root = mkdtempSync(path.join(os.tmpdir(), 'otkaz-bench-'));
      let n = 0;
      return {
        target: () => {
          n += 1;
          return { kind: 'pglite', dataDir: path.join(root, `db${n}`) };
        },
        done: async () => rmSync(root, { recursive: true, force: true }),
      };
    },
  ],
  [
    'postgres',
    async () => {
      const pg = await startTempPostgres();
      let n = 0;
      const make = () => {
        n += 1;
        return { kind: 'postgres', url: pg.url.replace(/\/postgres$/, `/bench${n}`) } as StorageTarget;
      };
      const { default: pgLib } = await import('pg');
      for (const name of ['bench1', 'bench2']) {
        const client = new pgLib.Client({ connectionString: pg.url });
        await client.connect();
        await client.query(`create database ${name}`);
        await client.end();
      }
      return { target: make, done: async () => stopTempPostgres(pg.dir) };
    },
  ],
];
for (const [name, setup] of engines) {
  if (process.env.BENCH_ENGINES && !process.env.BENCH_ENGINES.split(',').includes(name)) continue;
  const { target, done } = await setup();
  try {
    const archive = await run(target, 'archive');
    const ingest = await run(target, 'ingest');
    const a = archive.pages / archive.seconds;
    const i = ingest.pages / ingest.seconds;
    console.log(
      `  ${name.padEnd(8)} archive only ${a.toFixed(0).padStart(6)} pages/s | full ingest ${i.toFixed(0).padStart(6)} pages/s (${ingest.seconds.toFixed(0)} s, peak RSS ${ingest.rssMb.toFixed(0)} MB) | ratio ${(i / a).toFixed(2)}`,
    );
  } finally {
    await done();
  }
}
