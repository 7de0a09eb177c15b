import assert from 'node:assert/strict';
import type http from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { startServer } from '../../src/server/server.ts';

describe('interim server behind npm start', () => {
  let server: http.Server;
  let base: string;
  before(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'otkaz-serve-'));
    server = await startServer(loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0' }));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the page, the directory and counts', async () => {
    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /111 military courts \(100 garrison, 9 okrug\/fleet/);
    const courts = (await (await fetch(`${base}/api/v1/courts`)).json()) as { counts: { total: number } };
    assert.equal(courts.counts.total, 111);
    const stats = (await (await fetch(`${base}/api/v1/stats/prosecutions?by=year`)).json()) as { rows: unknown[]; totals: { cases: number } };
    assert.deepEqual(stats.totals.cases, 0);
  });

  it('rejects bad queries as problem+json and unknown routes with 404', async () => {
    const bad = await fetch(`${base}/api/v1/stats/prosecutions?by=colour`);
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json');
    assert.equal((await fetch(`${base}/nope`)).status, 404);
    assert.equal((await fetch(`${base}/api/v1/courts`, { method: 'POST' })).status, 405);
  });
});
