// The deletion watch in the web app (#15), in headless Chromium: a real case card is archived, later its address
// answers the site's "no data" page (a test-made page, ingested as SYNTHETIC), the watch reads it; the case page
// says "removed from the court site" with the last capture and its sha256 (the fixture's bytes hashed here), in
// English and Russian; the prosecutions list marks the case and filters removed cases; the Atom feed is linked.
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import { classifyWatch } from '../../src/courts/watch/classify.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { ARTIFACTS, axe, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const CARD_URL =
  'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=100&case_uid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&delo_id=1540006&new=0';
const CARD = fixture('leninsky_ufa_criminal.html');
const NO_DATA = iconv.encode(
  '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>SYNTHETIC test page</title></head><body><div id="modSdpContent"><div id="content"><p>Данных по запросу не обнаружено</p></div></div></body></html>',
  'win1251',
);

describe('web app: a case removed from the court site', () => {
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  before(async () => {
    assert.ok(existsSync(CHROMIUM), 'the browser tests need Debian chromium at /usr/bin/chromium');
    mkdirSync(ARTIFACTS, { recursive: true });
    const dataDir = tempDir('otkaz-e2e-watch-');
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'statistics');
    const directory = loadDirectory();
    await syncCourts(db, directory);
    const page = (bytes: Uint8Array, retrievedAt: string, charset: string, synthetic: boolean) =>
      ingestPage(
        db,
        directory,
        {
          bytes,
          url: CARD_URL,
          retrievedAt,
          httpStatus: 200,
          httpHeaders: [['Content-Type', `text/html; charset=${charset}`]],
          source: 'crawl',
          sourceRef: 'e2e',
          synthetic,
        },
        'e2e-person-key-0123456789',
      );
    await page(CARD, '2026-04-20T10:00:00Z', 'utf-8', false);
    await page(NO_DATA, '2026-05-02T08:30:00Z', 'windows-1251', true);
    assert.deepEqual(await classifyWatch(db), { checked: 1, present: 0, removed: 1, restored: 0, inconclusive: 0 });
    await db.close();
    server = await startServer(loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn' }));
    await server.ready;
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server.stop();
  });

  it('the case page names the removal, the last capture and its sha256, in English and Russian', async () => {
    const sha = createHash('sha256').update(CARD).digest('hex');
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/cases/1`);
    await page.getByRole('heading', { name: 'Removed from the court site' }).waitFor();
    const notice = await page.locator('.removed-notice').innerText();
    assert.match(notice, /Removed from the court site on 2 May 2026; last capture #\d+ of 20 Apr 2026 \(sha256 ([0-9a-f]{64})\)/);
    assert.equal(/sha256 ([0-9a-f]{64})/.exec(notice)?.[1], sha);
    assert.match(notice, /"no data" page/);
    const feed = await page.locator('a[type="application/atom+xml"]').getAttribute('href');
    assert.equal(feed, '/api/v1/watch/feed.atom?case=1&lang=en');
    const atom = await page.request.get(`${base}${feed}`);
    assert.equal(atom.status(), 200);
    assert.match(
      await atom.text(),
      new RegExp(`<summary type="text">removed from the court site on 2026-05-02; last capture #\\d+ of 2026-04-20 \\(sha256 ${sha}\\)</summary>`),
    );
    await axe(page, 'case-removed');
    await page.screenshot({ path: path.join(ARTIFACTS, 'case-removed.png'), fullPage: true });
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Удалено с сайта суда' }).waitFor();
    const ru = await page.locator('.removed-notice').innerText();
    assert.match(ru, /Удалено с сайта суда 2 мая 2026 г\.; последняя копия №\d+ от 20 апр\. 2026 г\. \(sha256 [0-9a-f]{64}\)/);
    assert.match(ru, /Данных по запросу не обнаружено/);
    await axe(page, 'case-removed-ru');
    await page.screenshot({ path: path.join(ARTIFACTS, 'case-removed-ru.png'), fullPage: true });
    await page.getByRole('button', { name: 'EN' }).click();
    await page.close();
  });

  it('the prosecutions list marks the removed case and filters by it', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/prosecutions`);
    await page.getByText('1 in all').waitFor();
    assert.match(await page.locator('tbody tr').first().innerText(), /removed/);
    await page.getByLabel('Removed from court sites').selectOption('exclude');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('0 in all').waitFor();
    await page.getByLabel('Removed from court sites').selectOption('only');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1 in all').waitFor();
    await axe(page, 'prosecutions-removed');
    await page.close();
  });
});
