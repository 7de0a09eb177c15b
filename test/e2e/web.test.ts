// The web app end to end in real headless Chromium (Debian's chromium driven by playwright-core): overview,
// prosecutions filter, a case and its archived capture, switching to Russian, a statistics series and its CSV,
// a claim check; axe-core on every page (no serious or critical violation). Screenshots go to test-artifacts/.
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { ARTIFACTS, axe, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const CARD_URL =
  'https://ufa-leninsky--bkr.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=100&case_uid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee&delo_id=1540006&new=0';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe('web app in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  before(async () => {
    assert.ok(existsSync(CHROMIUM), 'the browser tests need Debian chromium at /usr/bin/chromium (.ci/run installs it: apt-get install chromium)');
    mkdirSync(ARTIFACTS, { recursive: true });
    const dataDir = tempDir('otkaz-e2e-');
    // One real case card in the archive, ingested before the server takes the embedded database's lock.
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'statistics');
    const directory = loadDirectory();
    await syncCourts(db, directory);
    await ingestPage(
      db,
      directory,
      {
        bytes: fixture('leninsky_ufa_criminal.html'),
        url: CARD_URL,
        retrievedAt: '2026-04-20T10:00:00Z',
        httpStatus: 200,
        httpHeaders: [['Content-Type', 'text/html; charset=utf-8']],
        source: 'crawl',
        sourceRef: 'e2e',
        synthetic: false,
      },
      'e2e-person-key-0123456789',
    );
    await db.close();
    server = await startServer(loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn' }));
    await server.ready; // the bundled statistics are in the template already (test/cli/server.test.ts has the first load)
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server.stop();
  });

  it('overview: chart area, asylum figures with their source, latest case', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByText('First-time asylum applicants in DEU, 2022').waitFor();
    assert.match(await page.locator('.card').first().innerText(), /2,850[\s\S]*Source: Eurostat migr_asyappctza/);
    await page.locator('main ul li a[href^="/cases/"]').first().waitFor();
    await shot(page, 'overview');
    await axe(page, 'overview');
    await page.close();
  });

  it('readable on a phone-width screen: no horizontal scrolling', async () => {
    const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    for (const url of ['/', '/statistics', '/prosecutions']) {
      await page.goto(`${base}${url}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
      assert.ok(overflow <= 1, `${url} scrolls sideways by ${overflow}px at 390px`);
    }
    await shot(page, 'overview-phone');
    await page.close();
  });

  it('prosecutions: filter by article, open the case and its archived capture', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/prosecutions`);
    await page.getByLabel('Article').fill('173.1');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1 in all').waitFor();
    assert.match(await page.locator('tbody tr').first().innerText(), /case terminated/);
    await axe(page, 'prosecutions');
    await shot(page, 'prosecutions');
    await page.locator('tbody a').first().click();
    await page.getByRole('heading', { name: /Archived captures/ }).waitFor();
    assert.match(await page.locator('main').innerText(), /Н\.А\.Р\./);
    assert.doesNotMatch(await page.locator('main').innerText(), /Никитина/);
    assert.match(await page.locator('main table code').first().innerText(), /^2d621169ee315353/);
    await axe(page, 'case');
    await shot(page, 'case');
    // The raw capture and the WARC are evidence (full names): not offered to the public, who get the redacted rendering.
    assert.equal(await page.locator('a', { hasText: 'View as captured' }).count(), 0);
    assert.equal(await page.locator('a', { hasText: 'evidence packet' }).count(), 0);
    assert.match(await page.locator('main').innerText(), /original: needs access/);
    const capture = await page.request.get(
      await page
        .locator('a', { hasText: 'Redacted rendering' })
        .first()
        .getAttribute('href')
        .then((h) => `${base}${h}`),
    );
    assert.equal(capture.status(), 200);
    const rendering = await capture.text();
    assert.match(rendering, /2d621169ee315353/);
    assert.match(rendering, /not the evidence/);
    assert.doesNotMatch(rendering, /Никитина/);
    await page.close();
  });

  it('switches to Russian and remembers it', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/statistics`);
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Статистика' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Статистика' }).waitFor();
    assert.equal(await page.evaluate('document.documentElement.lang'), 'ru');
    await axe(page, 'statistics-ru');
    await shot(page, 'statistics-ru');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.close();
  });

  it('every page in Russian: headings, localised dates and numbers, axe', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'RU' }).click();
    const pages: Array<[string, RegExp]> = [
      ['/', /^Обзор$/],
      ['/prosecutions', /^Дела$/],
      ['/courts', /^Военные суды$/],
      ['/statistics', /^Статистика$/],
      ['/claims', /^Проверка утверждений$/],
    ];
    for (const [url, heading] of pages) {
      await page.goto(`${base}${url}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.equal(await page.evaluate('document.documentElement.lang'), 'ru', url);
      await page.waitForLoadState('networkidle');
      await axe(page, `${url}-ru`);
    }
    // The overview in Russian: the latest case received on 22 April 2026, Eurostat's 2,850 with a Russian separator.
    await page.goto(`${base}/`);
    await page.getByText(/22 апр\. 2026/).waitFor();
    assert.match(await page.locator('.card').first().innerText(), /2\s850[\s\S]*Источник/);
    await shot(page, 'overview-ru');
    await page.locator('main ul li a[href^="/cases/"]').first().click();
    await page.getByRole('heading', { level: 1, name: /^Дело / }).waitFor();
    // The court's result text reads "Уголовное дело ПРЕКРАЩЕНО …": the outcome in Russian, not its code.
    assert.match(await page.locator('main dl').innerText(), /Итог\s+дело прекращено \(Уголовное дело ПРЕКРАЩЕНО/);
    assert.doesNotMatch(await page.locator('main').innerText(), /termination/);
    await axe(page, 'case-ru');
    await shot(page, 'case-ru');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.close();
  });

  it('statistics: a series with its releases, CSV download', async () => {
    const page = await browser.newPage({ locale: 'en-GB', acceptDownloads: true });
    await page.goto(`${base}/statistics`);
    await page.getByLabel('Destinations').fill('DEU');
    await page.getByLabel('From', { exact: true }).fill('2021');
    await page.getByLabel('To', { exact: true }).fill('2022');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('cell', { name: '2,850' }).waitFor();
    assert.match(await page.locator('tbody').innerText(), /eurostat \(migr_asyappctza\)\s+DEU\s+2022\s+2,850/);
    await page.locator('.chart canvas').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^source,dataset,indicator,measure/);
    assert.match(csv, /eurostat,migr_asyappctza,applications,first_time,RUS,DEU,2022,2850/);
    await page.getByText('How each value was computed').click();
    await page.getByRole('region', { name: 'Statement eurostat DEU' }).waitFor();
    assert.match(
      await page.getByRole('region', { name: 'Statement eurostat DEU' }).innerText(),
      /from stat_observations[\s\S]*"eurostat","applications","RUS"/,
    );
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('cell', { name: /UNHCR applications\/new \(app_type N, nearest to first-time\), stages FI, calendar year, persons/ }).waitFor();
    await shot(page, 'statistics');
    await axe(page, 'statistics');
    await page.close();
  });

  it('claim check: a claim from news reporting gets its verdict and figures', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/claims`);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('holds only under another definition').waitFor();
    assert.match(
      await page.locator('main').innerText(),
      /✓ UNHCR applications\/new \(app_type N, nearest to first-time\), stages FI, calendar year, persons, 2022: 2,851/,
    );
    await shot(page, 'claims');
    await axe(page, 'claims');
    await page.close();
  });

  it("the courts page, the operator's captcha queue and the guidance pages pass axe too", async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/courts`);
    await page.getByRole('heading', { name: 'Military courts' }).waitFor();
    await axe(page, 'courts');
    await shot(page, 'courts');
    // The captcha queue is the operator's page, not part of the public courts page (test/e2e/product.test.ts).
    await page.goto(`${base}/operator/captchas`);
    await page.getByLabel('Operator token').fill('not-the-token');
    await page.getByRole('button', { name: 'Show' }).click();
    await page
      .getByRole('status')
      .getByText(/operations are off/)
      .waitFor();
    await axe(page, 'captchas');
    await page.goto(`${base}/guidance?lang=ru`);
    await page.getByRole('heading', { name: 'Справочник для отказников' }).waitFor();
    await axe(page, 'guidance-ru');
    await shot(page, 'guidance-ru');
    await page.close();
  });
});
