// Downloaders against a local server that answers like the official endpoints (UNHCR API pages, Eurostat
// JSON-stat, the CBP page with its CSV links): bodies are cached under their hash and imported; a second fetch
// of the same bodies imports nothing; an HTML outage page where JSON is expected is a typed error.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { encounterLinks } from '../../src/asylum/fetch/fetch.ts';
import { series } from '../../src/asylum/query/series.ts';
import { fetchStatistics } from '../../src/asylum/sources/fetch.ts';
import type { Database } from '../../src/db/database.ts';
import { SAMPLES } from '../helpers/asylum.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const decisionsPage = readFileSync(path.join(SAMPLES, 'unhcr_api_asylum-decisions_page.json'), 'utf8');
const jsonStat = readFileSync(path.join(SAMPLES, 'migr_asyappctza_jsonstat.json'), 'utf8');
const cbpCsv = readFileSync(path.join(SAMPLES, 'cbp_aor_fy23-fy26-nov_sample.csv'));

describe('stats fetch (local server in place of the official endpoints)', () => {
  let server: http.Server;
  let base = '';
  let db: Database;
  const requests: string[] = [];
  let outage = false;
  before(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push(`${url.pathname}${url.search}`);
      if (outage) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Service temporarily unavailable</body></html>');
        return;
      }
      if (url.pathname.startsWith('/population/v1/')) {
        const endpoint = url.pathname.split('/')[3];
        const body = endpoint === 'asylum-decisions' ? decisionsPage : JSON.stringify({ page: 1, maxPages: 1, items: [] });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
      if (url.pathname.startsWith('/eurostat/api/dissemination/statistics/1.0/data/')) {
        const dataset = url.pathname.split('/').pop();
        // Only the annual applications with citizen RU answer with data; the rest are empty datasets.
        const body =
          dataset === 'migr_asyappctza' && url.searchParams.get('citizen') === 'RU'
            ? jsonStat
            : JSON.stringify({ ...JSON.parse(jsonStat), value: {}, status: {}, extension: { id: dataset?.toUpperCase() } });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
      if (url.pathname === '/newsroom/stats/nationwide-encounters') {
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<html><body><a href="/sites/default/files/assets/documents/2025-Dec/nationwide-encounters-fy23-fy26-nov-aor.csv">Nationwide Encounters (AOR)</a><a href="/about">About</a></body></html>',
          );
        return;
      }
      if (url.pathname.endsWith('nationwide-encounters-fy23-fy26-nov-aor.csv')) {
        res.writeHead(200, { 'content-type': 'text/csv', 'last-modified': 'Mon, 15 Dec 2025 10:00:00 GMT' }).end(cbpCsv);
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    db = await openPgliteFromTemplate(null);
  });
  after(async () => {
    await db.close();
    server.close();
  });

  it('finds CSV links on the CBP page instead of constructing them', () => {
    const html =
      '<a href="/x/nationwide-encounters-fy22-fy25-state.csv">a</a><a href="https://www.cbp.gov/y/nationwide-encounters-fy23-fy26-nov-aor.csv?v=2">b</a><a href="/other.csv">c</a>';
    assert.deepEqual(encounterLinks(html, 'https://www.cbp.gov/newsroom/stats/nationwide-encounters'), [
      'https://www.cbp.gov/x/nationwide-encounters-fy22-fy25-state.csv',
      'https://www.cbp.gov/y/nationwide-encounters-fy23-fy26-nov-aor.csv?v=2',
    ]);
  });

  it('fetches, caches by hash and imports; the same bodies again are a no-op', async () => {
    const cacheDir = tempDir('otkaz-fetch-');
    const unhcr = await fetchStatistics(db, { source: 'unhcr', origin: 'RUS', cacheDir, baseUrl: base, contact: 'test@example.org' });
    const decisions = unhcr.find((r) => r.dataset === 'asylum-decisions');
    assert.ok(decisions, 'the decisions dataset was fetched');
    assert.equal(decisions.status, 'imported');
    assert.equal(decisions.observations, 8);
    assert.ok(requests.some((r) => r.startsWith('/population/v1/asylum-decisions/?coo=RUS&cf_type=ISO')));
    const cbp = await fetchStatistics(db, { source: 'cbp', origin: 'RUS', cacheDir, baseUrl: base });
    assert.deepEqual(
      cbp.map((r) => [r.status, r.observations, r.cached]),
      [['imported', 4, false]],
    );
    const eurostat = await fetchStatistics(db, { source: 'eurostat', origin: 'RUS', cacheDir, baseUrl: base });
    assert.equal(eurostat.find((r) => r.dataset === 'migr_asyappctza' && r.observations > 0)?.observations, 5);
    assert.ok(requests.some((r) => r === '/eurostat/api/dissemination/statistics/1.0/data/migr_asydcfsta?lang=en&citizen=RU&sex=T&age=TOTAL'));

    const files = readdirSync(cacheDir);
    const again = await fetchStatistics(db, { source: 'cbp', origin: 'RUS', cacheDir, baseUrl: base });
    assert.deepEqual(
      again.map((r) => [r.status, r.cached]),
      [['unchanged', true]],
    );
    assert.deepEqual(readdirSync(cacheDir), files);
    // The fetched CBP release (Last-Modified 2025-12-15) is queryable with its flags.
    const fy = await series(db, { indicator: 'encounters', destinations: ['USA'], period: 'fiscal_year', sources: ['cbp'], from: 'FY2026', to: 'FY2026' });
    assert.deepEqual(
      fy.rows.map((r) => [r.value, r.flags, r.releases[0]?.vintage]),
      [[340, 'fytd', '2025-12-15']],
    );
  });

  it('an HTML outage page where JSON is expected is a typed error', async () => {
    outage = true;
    try {
      await assert.rejects(
        fetchStatistics(db, { source: 'eurostat', origin: 'RUS', cacheDir: tempDir('otkaz-fetch-'), baseUrl: base }),
        (error: Error & { code?: string }) => {
          assert.equal(error.code, 'stats.fetch');
          assert.match(error.message, /expected JSON, got "text\/html"/);
          return true;
        },
      );
    } finally {
      outage = false;
    }
  });
});
