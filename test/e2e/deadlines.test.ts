// The deadline calculator page in headless Chromium: one German and one French deadline computed through the form,
// the page in Russian — the rule's texts and every step of the arithmetic too, and back in English without a new
// computation — and a refusal in Russian, then in English from the same answer; axe-core (no serious or critical
// violation). Screenshots go to test-artifacts/.
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { ARTIFACTS, axe, launchChromium } from '../helpers/browser.ts';
import { tempDir } from '../helpers/temp.ts';
import { templateDataFolder } from '../helpers/templates.ts';

describe('deadline calculator in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // A data folder as after a first start (migrated, the bundled statistics loaded), from the template.
    const dataDir = await templateDataFolder(tempDir('otkaz-e2e-deadlines-'), 'statistics');
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

  it('computes a German deadline past Good Friday and Easter Monday, with the urgent flag and the sources', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Deadlines' }).click();
    await page.getByRole('heading', { name: 'Deadline calculator' }).waitFor();
    await page.getByLabel('Rule').selectOption('de.bamf.offensichtlich-unbegruendet');
    // Friday 27 March 2026 + 1 week = Friday 3 April (Karfreitag) → Sat, Sun, Mon 6 April (Ostermontag) → Tuesday 7 April.
    await page.getByLabel('Date (served)').fill('2026-03-27');
    await page.getByLabel('Holidays of').selectOption('DE-BE');
    await page.getByRole('button', { name: 'Compute' }).click();
    await page.getByTestId('deadline-due').waitFor();
    assert.equal(await page.getByTestId('deadline-due').innerText(), '2026-04-07');
    const result = await page.locator('.deadline-result').innerText();
    assert.match(result, /Urgent: file the urgent application under § 80\(5\) VwGO/);
    assert.match(result, /2026-04-03 \(Friday\) is Karfreitag \(public holiday in DE-BE\)/);
    assert.match(result, /§ 222\(2\) ZPO/);
    await axe(page, 'deadlines');
    await page.screenshot({ path: path.join(ARTIFACTS, 'deadlines-de.png'), fullPage: true });
    await page.close();
  });

  it('computes a French deadline with the legal-aid suspension, in Russian', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/deadlines`);
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Калькулятор сроков' }).waitFor();
    await page.getByLabel('Правило').selectOption('fr.cnda.recours');
    // Notified 2 March 2026; legal aid requested 10 March (23 days left to 2 April); decision notified 20 April → 13 May.
    await page.getByLabel('Дата уведомления', { exact: true }).fill('2026-03-02');
    await page.getByLabel('Дата запроса юридической помощи').fill('2026-03-10');
    await page.getByLabel('Дата уведомления о решении по юридической помощи').fill('2026-04-20');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await page.getByTestId('deadline-due').waitFor();
    assert.equal(await page.getByTestId('deadline-due').innerText(), '2026-05-13');
    const steps = await page.getByTestId('deadline-steps').innerText();
    assert.match(steps, /дата уведомления 2026-03-02 \(понедельник\) \+ 1 месяц = 2026-04-02 \(четверг\)/);
    assert.match(steps, /течение срока приостановлено, остаётся 23 дня/);
    assert.match(steps, /уведомление о решении по юридической помощи 2026-04-20 \(понедельник\) \+ оставшиеся 23 дня = 2026-05-13 \(среда\)/);
    assert.match(steps, /последний день срока: 2026-05-13 \(среда\)/);
    assert.doesNotMatch(steps, /notified|days left|working day|Monday/);
    const result = await page.locator('.deadline-result').innerText();
    assert.match(result, /Срок действует, только если в уведомлении указаны срок и порядок обжалования/);
    assert.match(result, /CESEDA art\. L\.532-1/);
    // The rule's own texts in Russian: what the step is, the holiday calendar's note (France has one region: none).
    assert.match(await page.locator('.rule-summary').innerText(), /^Жалоба \(recours\) на решение OFPRA\./);
    // Back to English: the same result, written again in English (the steps came structured; nothing is asked again).
    let computed = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/deadlines/compute')) computed += 1;
    });
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Deadline calculator' }).waitFor();
    const english = await page.getByTestId('deadline-steps').innerText();
    assert.match(english, /legal-aid decision notified 2026-04-20 \(Monday\) \+ 23 days left = 2026-05-13 \(Wednesday\)/);
    assert.equal(computed, 0);
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByTestId('deadline-steps').getByText('последний день срока: 2026-05-13 (среда)').waitFor();
    // A late request is refused with the reason, in Russian: the field, then why (day 16, later than 15 days).
    await page.getByLabel('Дата запроса юридической помощи').fill('2026-03-18');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await page.getByRole('alert').waitFor();
    const refused = await page.getByRole('alert').innerText();
    assert.match(refused, /legalAidRequestedOn: ходатайство подано через 16 дней .*не приостанавливает срок/);
    assert.doesNotMatch(refused, /does not suspend|requested/);
    await axe(page, 'deadlines-ru');
    await page.screenshot({ path: path.join(ARTIFACTS, 'deadlines-refused-ru.png'), fullPage: true });
    // In English the same refusal is written again from its data: nothing is asked again.
    const asked = computed;
    await page.getByRole('button', { name: 'EN' }).click();
    await page
      .getByTestId('deadline-refused')
      .getByText(/legalAidRequestedOn: requested 16 days after notified 2026-03-02/)
      .waitFor();
    assert.match(await page.getByRole('alert').innerText(), /does not suspend the deadline/);
    assert.equal(computed, asked);
    await page.getByRole('button', { name: 'RU' }).click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'deadlines-fr.png'), fullPage: true });
    await page.close();
  });

  it('readable on a phone-width screen with a result: no horizontal scrolling', async () => {
    const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/deadlines`);
    await page.getByLabel('Rule').selectOption('de.bamf.unzulaessig');
    await page.getByLabel('Date (served)').fill('2027-03-01');
    await page.getByLabel('Holidays of').selectOption('DE-BE');
    await page.getByRole('button', { name: 'Compute' }).click();
    // Monday 1 March 2027 + 1 week = Monday 8 March (Internationaler Frauentag in Berlin) → Tuesday 9 March.
    await page.getByTestId('deadline-due').waitFor();
    assert.equal(await page.getByTestId('deadline-due').innerText(), '2027-03-09');
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    assert.ok(overflow <= 1, `/deadlines scrolls sideways by ${overflow}px at 390px`);
    await page.close();
  });
});
