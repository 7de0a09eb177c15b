// The case page's evidence packet download, end to end in headless Chromium, on a SYNTHETIC card: a deployment that
// opens evidence (OTKAZ_PUBLIC_EVIDENCE=true) offers the link; the download is the zip, and the verification sheet's
// first command (`sha256sum -c MANIFEST.sha256`) succeeds on it after the system's `unzip`. The public of a deployment
// that keeps evidence closed is not offered it (test/e2e/web.test.ts).
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's Locator.innerText() (the text as shown)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import { generateCases } from '../../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../../src/courts/synthetic/pages.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

describe('evidence packet download from the case page', () => {
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  let caseId = 0;
  const dataDir = tempDir('otkaz-e2e-packet-');
  before(async () => {
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'migrated');
    const directory = loadDirectory();
    await syncCourts(db, directory);
    const [card] = syntheticPages(
      generateCases({ seed: 9, count: 1, courts: ['61GV0001'], from: '2025-01-01', to: '2025-03-31' }),
      directory,
      'directory',
    ).filter((p) => p.kind === 'case_card');
    assert.ok(card);
    await ingestPage(
      db,
      directory,
      {
        bytes: card.bytes,
        url: card.url,
        retrievedAt: '2026-03-01T10:00:00Z',
        httpStatus: 200,
        httpHeaders: [['Content-Type', 'text/html; charset=windows-1251']],
        source: 'synthetic',
        sourceRef: 'e2e',
        synthetic: true,
      },
      'e2e-person-key-0123456789',
    );
    caseId = (await db.query<{ id: number }>('select id from cases order by id limit 1'))[0]?.id ?? 0;
    await db.close();
    server = await startServer(
      loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn', OTKAZ_PUBLIC_EVIDENCE: 'true' }),
    );
    await server.ready;
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('downloads the zip, which verifies with the sheet’s sha256sum -c', async () => {
    const page = await browser.newPage({ locale: 'en-GB', acceptDownloads: true });
    await page.goto(`${base}/cases/${caseId}`);
    await page.getByRole('heading', { name: /Archived captures/ }).waitFor();
    assert.match(await page.locator('main').innerText(), /opens without otkaz/);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('link', { name: /Download the evidence packet/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^case-${caseId}-export-\\d+\\.zip$`));
    const zip = path.join(dataDir, download.suggestedFilename());
    await download.saveAs(zip);
    const into = path.join(dataDir, 'unzipped');
    execFileSync('unzip', ['-q', zip, '-d', into]);
    const [folder] = readdirSync(into);
    assert.ok(folder);
    const checked = execFileSync('sh', ['-c', 'sha256sum -c MANIFEST.sha256'], { cwd: path.join(into, folder) })
      .toString()
      .trim()
      .split('\n');
    assert.ok(checked.length >= 8, checked.join('\n'));
    assert.ok(
      checked.every((line) => line.endsWith(': OK')),
      checked.join('\n'),
    );
    assert.ok(checked.some((line) => /^captures\/capture-\d+\.pdf: OK$/.test(line)));
    await page.close();
  });
});
