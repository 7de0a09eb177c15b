// WACZ export throughput of SYNTHETIC captures (garrison-court pages made by src/courts/synthetic), from the embedded
// database (PGlite, a data folder), in MB of archive/data.warc per second. Baselines in the same run, on the same
// captures: the WARC export (`archive export --out x.warc`), and zipping the bytes of that WARC with the same zip
// library (yazl, STORED, from the file). The target is WACZ export ≥ 0.7× "zipping the same bytes": printed
// against zipping alone, against the WARC export, and against exporting the WARC and then zipping it.
// Run: npm run bench:wacz -- [pages, default 20000] [rounds, default 3]
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { exportWarc } from '../src/courts/archive/export.ts';
import { storeCapture } from '../src/courts/archive/store.ts';
import { exportWacz } from '../src/courts/archive/wacz.ts';
import { loadDirectory } from '../src/courts/directory/load.ts';
import { garrisonCourts } from '../src/courts/directory/select.ts';
import { generateCases } from '../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../src/courts/synthetic/pages.ts';
import { openDatabase } from '../src/db/open.ts';
import { machine } from './harness.ts';

const total = Number(process.argv[2] ?? 20000);
const rounds = Number(process.argv[3] ?? 3);
const directory = loadDirectory();
const courts = garrisonCourts(directory).map((c) => c.vnkod);
const root = mkdtempSync(path.join(os.tmpdir(), 'otkaz-bench-wacz-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function zipFile(file: string, out: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addFile(file, 'archive/data.warc', { compress: false });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
}

try {
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(root, 'db') });
  let stored = 0;
  let bytes = 0;
  for (let done = 0; stored < total; done += 1000) {
    const cases = generateCases({ seed: 11 + done, count: 1000, courts, from: '2022-10-01', to: '2025-12-31' });
    for (const c of cases) c.caseId += done;
    const pages = syntheticPages(cases, directory, 'directory').slice(0, total - stored);
    await db.transaction(async (tx) => {
      for (const page of pages) {
        await storeCapture(tx, {
          bytes: page.bytes,
          url: page.url,
          retrievedAt: '2026-05-04T10:20:30Z',
          httpStatus: 200,
          httpHeaders: [['Content-Type', 'text/html; charset=utf-8']],
          requestHeaders: null,
          contentType: 'text/html',
          source: 'synthetic',
          sourceRef: 'bench',
          synthetic: true,
          pageKind: page.kind,
          layout: null,
          courtVnkod: null,
        });
        bytes += page.bytes.length;
      }
    });
    stored += pages.length;
  }
  console.log(`WACZ export benchmark — ${stored} SYNTHETIC captures, ${(bytes / 1e6).toFixed(1)} MB of bodies, PGlite; ${machine()}`);
  const warc = path.join(root, 'x.warc');
  const zipped = path.join(root, 'x.zip');
  const wacz = path.join(root, 'x.wacz');
  const speed = { warc: [] as number[], zip: [] as number[], wacz: [] as number[] };
  let warcMb = 0;
  // Alternating rounds, so machine noise hits all three alike; the first round warms up and is not counted.
  for (let round = 0; round <= rounds; round += 1) {
    let start = performance.now();
    await exportWarc(db, warc);
    const warcSeconds = (performance.now() - start) / 1000;
    warcMb = statSync(warc).size / 1e6;
    start = performance.now();
    await zipFile(warc, zipped);
    const zipSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const result = await exportWacz(db, wacz);
    const waczSeconds = (performance.now() - start) / 1000;
    if (round === 0) continue;
    speed.warc.push(warcMb / warcSeconds);
    speed.zip.push(warcMb / zipSeconds);
    speed.wacz.push(result.warcBytes / 1e6 / waczSeconds);
  }
  await db.close();
  const [w, z, c] = [median(speed.warc), median(speed.zip), median(speed.wacz)];
  const warcThenZip = 1 / (1 / w + 1 / z);
  console.log(`  data.warc ${warcMb.toFixed(1)} MB, WACZ file ${(statSync(wacz).size / 1e6).toFixed(1)} MB; medians of ${rounds} rounds (MB of WARC per s):`);
  console.log(`  WARC export ${w.toFixed(1)} | zipping the WARC's bytes (yazl, STORED) ${z.toFixed(1)} | WARC export then zip ${warcThenZip.toFixed(1)}`);
  console.log(
    `  WACZ export ${c.toFixed(1)} MB/s: ${(c / warcThenZip).toFixed(2)}× export-then-zip, ${(c / w).toFixed(2)}× the WARC export, ${(c / z).toFixed(2)}× zipping alone`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
