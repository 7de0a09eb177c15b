// The published anonymised legal-aid table in headless Chromium: a synthetic release (small counts withheld by the
// library) imported through the API, then the public page shows its tables with the withheld cells marked and why,
// its provenance and the caveat, in English and Russian; and the statistics explorer offers the `clients` indicator
// with its own measures and the caveat that these are clients of the organisations that share, not all applicants.
// axe-core finds no serious or critical violation.
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.ts';
import { solver } from '../../src/disclosure/intervals.ts';
import { buildRelease, type UnitRecord } from '../../src/disclosure/release.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { ARTIFACTS, axe, launchChromium } from '../helpers/browser.ts';
import { tempDir } from '../helpers/temp.ts';

const OPERATOR = 'operator-token-legal-aid-0123456789';

function population(year = '2024'): UnitRecord[] {
  const out: UnitRecord[] = [];
  const add = (n: number, r: Omit<UnitRecord, 'year'>) => {
    for (let i = 0; i < n; i += 1) out.push({ year, ...r });
  };
  add(30, { group: 'military', status: 'mobilised', destination: 'DEU', stage: 'first_instance', outcome: 'pending' });
  add(25, { group: 'military', status: 'conscript', destination: 'DEU', stage: 'appeal', outcome: 'no_protection' });
  add(3, { group: 'military', status: 'contract', destination: 'DEU', stage: 'first_instance', outcome: 'protection' });
  add(20, { group: 'not_military', destination: 'FRA', stage: 'first_instance', outcome: 'pending' });
  add(20, { group: 'military', status: 'mobilised', destination: 'FRA', stage: 'first_instance', outcome: 'no_protection' });
  add(2, { group: 'unknown_status', destination: 'DEU', stage: 'first_instance', outcome: 'pending' });
  return out;
}

describe('the published legal-aid table in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  let dir = '';
  /** Builds a release of `population(year)` and imports it through the operator API. */
  async function importRelease(year: string, synthetic: boolean): Promise<void> {
    const { release } = buildRelease(
      {
        records: population(year),
        years: [year],
        // Every destination with a procedure model, as `otkaz stats release` counts them (releaseDestinations).
        destinations: ['ARM', 'DEU', 'FRA', 'GEO', 'KAZ', 'USA'],
        organisations: [{ slug: 'synthetic-aid', name: 'Synthetic Aid (SYNTHETIC)' }],
        k: 10,
        protection: 5,
        generatedAt: new Date(`${Number(year) + 1}-02-01T00:00:00Z`),
        synthetic,
      },
      await solver(),
    );
    const file = path.join(dir, `release-${year}.json`);
    writeFileSync(file, JSON.stringify(release, null, 2));
    const res = await fetch(`${base}/api/v1/operations/stats/import-release?filename=release-${year}.json`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/octet-stream' },
      body: readFileSync(file),
    });
    assert.equal(res.status, 200, await res.text());
  }

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = tempDir('otkaz-e2e-legal-aid-');
    server = await startServer(loadConfig({ OTKAZ_DATA_DIR: dir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn', OTKAZ_OPERATOR_TOKEN: OPERATOR }));
    await server.ready;
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await importRelease('2024', true);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server.stop();
  });

  it('shows the withheld cells marked and why, the provenance and the caveat', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/statistics`);
    await page.getByRole('link', { name: /Legal-aid case files/ }).click();
    await page.getByRole('heading', { name: 'Legal-aid case files: anonymised counts' }).waitFor();
    const group = page.locator('table[data-table="2024/group"]');
    await group.waitFor();
    // The 2 clients of unknown status in Germany: withheld, with the reason on the mark.
    const unknownRow = group.getByRole('row', { name: /Status unknown/ });
    const germany = unknownRow.locator('td').nth(1); // the columns: ARM, DEU, …
    assert.equal(await germany.getAttribute('data-withheld'), 'true');
    assert.match((await germany.locator('abbr').getAttribute('title')) ?? '', /fewer than 10 clients/);
    // Published counts are shown as numbers: the not-military clients in France, the grand total.
    const totalRow = group.getByRole('row', { name: /^Total/ });
    assert.equal(await totalRow.locator('td').last().innerText(), '100');
    assert.ok((await page.locator('td[data-withheld="true"]').count()) >= 4);
    const text = await page.locator('main').innerText();
    assert.match(text, /not all applicants, nor all military applicants/);
    assert.match(text, /Synthetic Aid \(SYNTHETIC\)/);
    assert.match(text, /otkaz-disclosure\/1/);
    assert.match(text, /SYNTHETIC release/);
    await axe(page, 'legal-aid');
    await page.screenshot({ path: path.join(ARTIFACTS, 'legal-aid-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Дела юридической помощи: обезличенные подсчёты' }).waitFor();
    assert.match(await page.locator('main').innerText(), /не все заявители и не все военные заявители/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'legal-aid-ru.png'), fullPage: true });
    // On a phone (390 px) the tables scroll inside their own region; the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const language of ['RU', 'EN']) {
      await page.getByRole('button', { name: language, exact: true }).click();
      await page.locator('table.legal-aid').first().waitFor();
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
      assert.ok(overflow <= 1, `${language}: /statistics/legal-aid scrolls sideways by ${overflow}px at 390px`);
    }
    await axe(page, 'legal-aid at 390 px');
    await page.close();
  });

  it('the statistics explorer: the clients indicator can be picked, with its measures and the caveat', async () => {
    // The public series leave SYNTHETIC releases out: the same population for 2025, in a release not marked so
    // (this test's own database only).
    await importRelease('2025', false);
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/statistics`);
    const indicator = page.getByLabel('Indicator');
    await indicator.waitFor();
    assert.equal(await page.locator('#clients-caveat').count(), 0, 'no caveat for the official statistics');
    await indicator.selectOption({ label: 'Legal-aid clients (case files of the organisations that share statistics)' });
    // The caveat shows as soon as the indicator is picked, and the picker names it.
    const caveat = page.getByRole('note').filter({ hasText: 'Legal-aid clients:' });
    await caveat.waitFor();
    assert.match(
      await caveat.innerText(),
      /clients of the legal-aid organisations that share anonymised statistics — not all applicants, nor all military applicants/,
    );
    assert.equal(await indicator.getAttribute('aria-describedby'), 'clients-caveat');
    // Its measures, from the model: "Total" (all clients) by default, then the military clients.
    const measure = page.getByLabel('Measure');
    assert.equal(await measure.inputValue(), 'all');
    await measure.selectOption({ label: 'Mobilised' });
    await page.getByLabel('Destinations').fill('DEU,FRA');
    await page.getByLabel('From', { exact: true }).fill('2025');
    await page.getByRole('button', { name: 'Apply' }).click();
    // Mobilised clients in 2025 (the population above): Germany 30, France 20.
    await page.getByRole('cell', { name: '30', exact: true }).waitFor();
    const rows = await page.locator('tbody').first().innerText();
    assert.match(rows, /legal_aid \(anonymised-case-files\)\s+DEU\s+2025\s+30\s+persons/);
    assert.match(rows, /legal_aid \(anonymised-case-files\)\s+FRA\s+2025\s+20\s+persons/);
    assert.match(await page.locator('main').innerText(), /not all applicants, nor all military applicants/);
    assert.equal(await caveat.count(), 1, 'the caveat stays with the result');
    await axe(page, 'statistics-clients');
    await page.screenshot({ path: path.join(ARTIFACTS, 'statistics-clients.png'), fullPage: true });
    // In Russian: the picker and the caveat too; the tables are one link away.
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Статистика' }).waitFor();
    assert.equal(
      await page.getByLabel('Показатель').locator('option:checked').innerText(),
      'Клиенты юридической помощи (дела организаций, которые делятся статистикой)',
    );
    assert.equal(await page.getByLabel('Мера').locator('option:checked').innerText(), 'Мобилизованные');
    const caveatRu = await page.locator('#clients-caveat').innerText();
    assert.match(caveatRu, /не все заявители и не все военные заявители/);
    await page.locator('#clients-caveat').getByRole('link').click();
    await page.getByRole('heading', { name: 'Дела юридической помощи: обезличенные подсчёты' }).waitFor();
    // Back to an official indicator: the caveat goes, and the measure is one of its own again.
    await page.goto(`${base}/statistics`);
    await page.getByLabel('Показатель').selectOption('clients');
    await page.getByLabel('Показатель').selectOption('applications');
    assert.equal(await page.locator('#clients-caveat').count(), 0);
    assert.equal(await page.getByLabel('Мера').inputValue(), 'first_time');
    await page.close();
  });
});
