// The full CSV of a filtered case list (GET /api/v1/cases/export, "Download CSV" in the web app) on both engines:
// every row of the filter in the list's order across chunks, a file name saying what was filtered, an optional BOM,
// the same columns as the paged CSV; read in chunks (src/courts/cases/list.ts, exportCases); compressed on request.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { exportCases, listCases } from '../../src/courts/cases/list.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { garrisonCourts } from '../../src/courts/directory/select.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import { generateCases } from '../../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../../src/courts/synthetic/pages.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { ENGINES } from '../helpers/engines.ts';

const directory = loadDirectory();
const kb = loadKnowledgeBase();
const courts = garrisonCourts(directory, { limit: 2 }).map((c) => c.vnkod);
// SYNTHETIC cases: 45 in two courts.
const CASES = generateCases({ seed: 1818, count: 45, courts, from: '2023-01-01', to: '2024-12-31' });
const NOW = new Date('2026-12-04T12:00:00Z');

for (const engine of ENGINES) {
  describe(`cases export on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ db, drop } = await engine.create());
      await syncCourts(db, directory);
      for (const page of syntheticPages(CASES, directory, 'directory').filter((p) => p.kind === 'case_card'))
        await ingestPage(
          db,
          directory,
          { bytes: page.bytes, url: page.url, retrievedAt: null, httpStatus: 200, httpHeaders: null, source: 'synthetic', sourceRef: 'test', synthetic: true },
          'test-person-key-0123456789',
        );
      app = await buildApp({ config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' }), db, directory, kb, now: () => NOW });
    });
    after(async () => {
      await app.close();
      await drop();
    });

    it('read in chunks, the export is the whole list in its order', async () => {
      for (const sort of ['-receipt_date', 'receipt_date', 'court', '-id'] as const) {
        const whole = await listCases(db, { sort, pageSize: 1000 });
        assert.equal(whole.total, CASES.length);
        const { total, chunks } = await exportCases(db, { sort }, 7);
        const sizes: number[] = [];
        const rows: Awaited<ReturnType<typeof listCases>>['rows'] = [];
        for await (const chunk of chunks) {
          sizes.push(chunk.length);
          rows.push(...chunk);
        }
        assert.equal(total, CASES.length);
        assert.deepEqual(sizes, [7, 7, 7, 7, 7, 7, 3], sort);
        assert.deepEqual(rows, whole.rows, sort);
      }
    });

    it('GET /api/v1/cases/export: every row of the filter, a file name, the paged CSV columns, a BOM when asked', async () => {
      const [court] = courts;
      assert.ok(court);
      const expected = CASES.filter((c) => c.courtVnkod === court).length;
      const res = await app.inject({ url: `/api/v1/cases/export?court=${court}&sort=receipt_date` });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.equal(res.headers['content-disposition'], `attachment; filename="otkaz-cases-${court}-2026-12-04.csv"`);
      assert.equal(res.headers['x-total-count'], String(expected));
      assert.ok(!res.body.startsWith('\uFEFF'));
      const records = parse(res.body, { columns: true }) as Array<Record<string, string>>;
      assert.equal(records.length, expected);
      assert.ok(records.every((r) => r.court_vnkod === court));
      const dates = records.map((r) => r.receipt_date ?? '');
      assert.deepEqual(dates, [...dates].sort(), 'oldest first, as asked');
      // The same header as the paged CSV of the list.
      const paged = await app.inject({ url: `/api/v1/cases?court=${court}&format=csv` });
      assert.equal(res.body.split('\n')[0], paged.body.split('\n')[0]);
      const bom = await app.inject({ url: `/api/v1/cases/export?court=${court}&bom=true` });
      assert.equal(bom.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
      // No filter: every case, more than one page of the list's largest page size would hold at 20.
      const all = await app.inject({ url: '/api/v1/cases/export' });
      assert.equal((parse(all.body, { columns: true }) as unknown[]).length, CASES.length);
      assert.equal(all.headers['content-disposition'], 'attachment; filename="otkaz-cases-2026-12-04.csv"');
      const br = await app.inject({ url: '/api/v1/cases/export', headers: { 'accept-encoding': 'br' } });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), all.body);
    });

    it('a refused filter is a coded problem naming the parameter, not a broken file', async () => {
      const res = await app.inject({ url: '/api/v1/cases/export?article=three' });
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.match(res.body, /article/);
      const paged = await app.inject({ url: '/api/v1/cases/export?page=2' });
      assert.equal(paged.statusCode, 400, 'no pages: the export is the whole result');
    });
  });
}
