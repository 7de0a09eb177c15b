// A lawyer's deadlines in headless Chromium (issue #14, "Done when"), with a SYNTHETIC client: she records a German
// BAMF rejection served on Friday 2026-03-20 — once as unfounded, once as manifestly unfounded — and sees both due
// dates; records a French OFPRA rejection with a legal-aid request and sees the deadline suspended; enters a date
// the court set by hand; finds them on the deadlines page (the hand-set one by its own title, every application by
// its procedure's name); corrects the French step with the legal-aid decision (a decision without the request is
// refused, naming the field) and sees the deadline start again, there and on the deadlines page; switches to
// Russian; and the reminder run (`otkaz reminders send`) e-mails her, in Russian, through a local SMTP server this
// test starts. Expected dates are computed by hand in the comments (2026-01-01 is
// a Thursday; Easter Sunday 2026 is 5 April). axe-core on the pages.
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createOrganisation } from '../../src/accounts/orgs.ts';
import { createUser } from '../../src/accounts/users.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { kekFromEnvironment } from '../../src/crypto/kek.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { axe, firstSignIn, launchChromium } from '../helpers/browser.ts';
import { actingAs } from '../helpers/casework.ts';
import { cli } from '../helpers/cli.ts';
import { type LocalSmtp, localSmtp } from '../helpers/smtp.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const NEW_PASSWORD = 'a long new password 1';

describe('a lawyer’s deadlines in headless Chromium, and the reminder e-mail', () => {
  let server: RunningServer | null = null;
  let browser: Browser;
  let smtp: LocalSmtp;
  let base = '';
  let clientId = '';
  const lawyer = { email: 'lawyer@deadlines.example', password: '' };
  let env: Record<string, string> = {};
  const saved = { ...process.env };

  before(async () => {
    smtp = await localSmtp();
    const dataDir = tempDir('otkaz-reminders-e2e-');
    env = {
      OTKAZ_DATA_DIR: dataDir,
      PORT: '0',
      OTKAZ_RATE_LIMIT: '0',
      OTKAZ_LOG_LEVEL: 'warn',
      OTKAZ_KEK: randomBytes(32).toString('base64'),
      OTKAZ_SMTP_URL: smtp.url,
      OTKAZ_MAIL_FROM: 'otkaz <deadlines@deadlines.example>',
      OTKAZ_PUBLIC_URL: 'https://otkaz.deadlines.example',
      OTKAZ_TIME_ZONE: 'Europe/Berlin',
    };
    const config = loadConfig(env);
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'));
    const services = caseworkServices(config, null);
    const org = await createOrganisation(db, services, { kind: 'local' }, { name: 'Deadline Aid Org', slug: 'deadline-org', requireTotp: true });
    const created = await createUser(db, services.audit, { kind: 'local' }, { orgId: org.id, email: lawyer.email, role: 'lawyer', now: new Date() });
    lawyer.password = created.oneTimePassword;
    const world = { db, config, keyring: new Keyring(kekFromEnvironment(env.OTKAZ_KEK ?? '')), directory: loadDirectory(), clock: { now: new Date() } };
    const actor = { kind: 'user' as const, userId: created.user.id, orgId: org.id, role: 'lawyer' as const, sessionId: null, verified: true };
    const file = await createClientOperation.run(
      actingAs(world, actor),
      createClientOperation.input.parse({ person: { names: [{ script: 'latin', family: 'Deadlinov', given: 'Synthetic' }] } }),
    );
    clientId = file.id;
    await db.close();
    server = await startServer(config);
    await server.ready;
    const address = server.server.address();
    base = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium({ mapLocalhost: true });
  });
  after(async () => {
    process.env = saved;
    await browser?.close();
    await server?.stop();
    await smtp.close();
  });

  it('records the rejections, sees the due dates and the suspension, the deadlines page lists them; the reminder arrives', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await firstSignIn(page, base, lawyer.email, lawyer.password, NEW_PASSWORD);

    await page.goto(`${base}/files/${clientId}`);
    await page.getByRole('heading', { name: 'Asylum applications' }).waitFor();
    const cards = page.locator('section[aria-labelledby="applications-title"] article.card');
    const newApplication = page.getByRole('form', { name: 'New application' });
    async function addApplication(country: string, region: string, index: number): Promise<void> {
      await newApplication.getByLabel('Destination').selectOption({ label: country });
      await newApplication.getByLabel('Holiday region of the court (e.g. DE-BE)').fill(region);
      await newApplication.getByRole('button', { name: 'New application' }).click();
      await cards.nth(index).waitFor();
    }
    async function recordStep(index: number, outcome: string, served: string, legalAid?: string): Promise<void> {
      const form = cards.nth(index).getByRole('form', { name: 'Record a step' });
      await form.getByLabel('Outcome').selectOption({ label: outcome });
      await form.getByLabel('served').fill(served);
      if (legalAid) await form.getByLabel('legal aid requested').fill(legalAid);
      await form.getByRole('button', { name: 'Record a step' }).click();
      await cards.nth(index).getByTestId('deadline').first().waitFor();
    }

    // Germany, Berlin: a BAMF rejection as unfounded, served Friday 2026-03-20.
    await addApplication('Germany', 'DE-BE', 0);
    await recordStep(0, 'Rejected as unfounded', '2026-03-20');
    const klage = cards.nth(0).getByTestId('deadline');
    // § 74(1) AsylG, two weeks: 2026-03-20 + 14 = Friday 2026-04-03, Good Friday; Saturday 4, Easter Sunday 5,
    // Easter Monday 6 April are not working days → Tuesday 2026-04-07.
    assert.equal(await klage.getAttribute('data-rule'), 'de.bamf.klage');
    assert.equal(await klage.getAttribute('data-due'), '2026-04-07');
    assert.match(await klage.innerText(), /Last day: 7 Apr 2026 \(2026-04-07\)/);
    await klage.getByText('How it was computed').click();
    assert.match(await klage.getByTestId('deadline-explanation').innerText(), /Karfreitag/);
    assert.match(await klage.innerText(), /§ 74/);

    // The same service, rejected as manifestly unfounded: one week → Friday 2026-03-27, a working day; urgent.
    await addApplication('Germany', 'DE-BE', 1);
    await recordStep(1, 'Rejected as manifestly unfounded (§ 30 AsylG)', '2026-03-20');
    const manifest = cards.nth(1).getByTestId('deadline');
    assert.equal(await manifest.getAttribute('data-rule'), 'de.bamf.offensichtlich-unbegruendet');
    assert.equal(await manifest.getAttribute('data-due'), '2026-03-27');
    assert.match(await manifest.innerText(), /Urgent: file the urgent application \(§ 80\(5\) VwGO\)/);

    // France: OFPRA rejection notified 2026-01-15, legal aid requested 2026-01-20 (day 5, within 15): suspended
    // until the legal-aid decision is recorded.
    await addApplication('France', '', 2);
    await recordStep(2, 'Rejected', '2026-01-15', '2026-01-20');
    const cnda = cards.nth(2).getByTestId('deadline');
    assert.equal(await cnda.getAttribute('data-rule'), 'fr.cnda.recours');
    assert.equal(await cnda.getAttribute('data-due'), '');
    assert.match(await cnda.innerText(), /Suspended: legal aid requested/);
    await axe(page, 'client file with computed deadlines');

    // A date the court set, entered by hand on the second application (far ahead: no reminder on 24 March): named by
    // its own words, the rule's title after them.
    const manualForm = cards.nth(1).getByRole('form', { name: 'Add a deadline set by hand' });
    await manualForm.getByLabel('What is due').fill('SYNTHETIC written statement on the hearing');
    await manualForm.getByLabel('Last day').fill('2026-06-15');
    await manualForm.getByLabel('Order or letter').fill('SYNTHETIC order of 2026-03-23');
    await manualForm.getByRole('button', { name: 'Add a deadline set by hand' }).click();
    const judgeSet = cards.nth(1).locator('[data-testid="deadline"][data-rule="de.manual"]');
    await judgeSet.waitFor();
    assert.match(await judgeSet.innerText(), /— SYNTHETIC written statement on the hearing · .* · SYNTHETIC order of 2026-03-23/);

    // The deadlines page, from the case-file navigation: all four, whatever today's bucket.
    const toDashboard = async () => {
      await page.getByRole('navigation', { name: 'case files' }).getByRole('link', { name: 'Deadlines' }).click();
      await page.getByRole('heading', { name: 'Deadlines', level: 1 }).waitFor();
      await page.getByTestId('dashboard-entry').first().waitFor();
    };
    await toDashboard();
    const entries = page.getByTestId('dashboard-entry');
    const listedNow = () => entries.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-rule')} ${r.getAttribute('data-due')}`).sort());
    assert.deepEqual(await listedNow(), [
      'de.bamf.klage 2026-04-07',
      'de.bamf.offensichtlich-unbegruendet 2026-03-27',
      'de.manual 2026-06-15',
      'fr.cnda.recours ',
    ]);
    assert.match(await page.getByTestId('bucket-undetermined').innerText(), /Synthetic Deadlinov/);
    // The judge's date by its own title and order; every application by the procedure's name, not its id.
    const manualRow = page.locator('[data-testid="dashboard-entry"][data-rule="de.manual"]');
    assert.match(await manualRow.getByTestId('dashboard-title').innerText(), /^SYNTHETIC written statement on the hearing\s+SYNTHETIC order of 2026-03-23/);
    const application = manualRow.getByTestId('dashboard-application');
    assert.equal(await application.innerText(), 'Germany · Asylum procedure (AsylG)');
    assert.equal(await application.getAttribute('title'), 'DE · de.asylum');
    const applicationCells = await page.getByTestId('dashboard-application').allInnerTexts();
    assert.ok(applicationCells.includes('France · Asylum procedure (CESEDA)'), applicationCells.join(' | '));
    assert.ok(!applicationCells.some((text) => /de\.asylum|fr\.asylum/.test(text)), 'no procedure id shown');
    await axe(page, 'deadlines page');

    // The legal-aid decision is notified on 2026-02-10: she corrects the French step. A decision without the date of
    // the request is refused, naming the field; with it, the rest of the period runs: 26 days left at the request
    // (20 Jan → 15 Feb) from 2026-02-10 = Sunday 2026-03-08 → Monday 2026-03-09.
    await page.goto(`${base}/files/${clientId}`);
    await cards.nth(2).getByRole('button', { name: 'Correct this step' }).click();
    const correction = cards.nth(2).getByRole('form', { name: 'Save the correction' });
    assert.equal(await correction.getByLabel('legal aid requested').inputValue(), '2026-01-20');
    assert.equal(await correction.getByLabel('served').inputValue(), '2026-01-15');
    await correction.getByLabel('legal aid requested').fill('');
    await correction.getByLabel('legal-aid decision notified').fill('2026-02-10');
    await correction.getByRole('button', { name: 'Save the correction' }).click();
    assert.match(await correction.getByRole('alert').innerText(), /Enter “legal aid requested” too: a legal-aid decision cannot be recorded without/);
    assert.equal(await correction.getByLabel('legal aid requested').getAttribute('aria-invalid'), 'true');
    await axe(page, 'step correction refused');
    await correction.getByLabel('legal aid requested').fill('2026-01-20');
    await correction.getByRole('button', { name: 'Save the correction' }).click();
    await correction.waitFor({ state: 'detached' });
    await cards.nth(2).locator('[data-testid="deadline"][data-due="2026-03-09"]').waitFor();
    assert.doesNotMatch(await cnda.innerText(), /Suspended/);
    assert.match(await cards.nth(2).innerText(), /legal-aid decision notified 10 Feb 2026/);

    // On the deadlines page the suspension is over: the re-started deadline has its date.
    await toDashboard();
    assert.deepEqual(await listedNow(), [
      'de.bamf.klage 2026-04-07',
      'de.bamf.offensichtlich-unbegruendet 2026-03-27',
      'de.manual 2026-06-15',
      'fr.cnda.recours 2026-03-09',
    ]);
    assert.doesNotMatch(await page.getByTestId('bucket-undetermined').innerText(), /Deadlinov|Suspended/);

    // She switches to Russian: the server keeps it for her e-mails.
    const told = page.waitForResponse((r) => r.url().endsWith('/api/v1/account/language') && r.status() === 200);
    await page.getByRole('button', { name: 'RU' }).click();
    await told;
    await page.getByRole('heading', { name: 'Сроки', level: 1 }).waitFor();
    await page.getByTestId('dashboard-application').getByText('Германия · Процедура убежища (AsylG)').first().waitFor();
    // The client file in Russian: the arithmetic, the warning and the rule's note written in Russian too.
    await page.goto(`${base}/files/${clientId}`);
    const klageRu = page.locator('section[aria-labelledby="applications-title"] article.card').nth(0).getByTestId('deadline');
    await klageRu.getByText('Как рассчитано').click();
    const stepsRu = await klageRu.getByTestId('deadline-explanation').innerText();
    assert.match(stepsRu, /дата вручения 2026-03-20 \(пятница\) \+ 2 недели = 2026-04-03 \(пятница\)/);
    assert.match(stepsRu, /2026-04-03 \(пятница\) — праздничный день в DE-BE \(Karfreitag\)/);
    assert.match(stepsRu, /→ следующий рабочий день: 2026-04-07 \(вторник\)/);
    assert.doesNotMatch(stepsRu, /served|public holiday|working day|Friday/);
    assert.match(await klageRu.innerText(), /Дата вручения указана на конверте/);

    // A refusal that is not a schema issue (src/casework/refusal.ts) is written in Russian too: a German application
    // with a French holiday region.
    const newRu = page.getByRole('form', { name: 'Новое заявление' });
    await newRu.getByLabel('Страна').selectOption({ label: 'Германия' });
    await newRu.getByLabel('Регион праздников суда (например, DE-BE)').fill('FR');
    await newRu.getByRole('button', { name: 'Новое заявление' }).click();
    assert.equal(
      await newRu.getByRole('alert').innerText(),
      'Проверьте введённые данные: регион праздничных дней FR не относится к стране DE (например, DE-BE для суда в Берлине).',
    );
    assert.doesNotMatch(await newRu.getByRole('alert').innerText(), /region|is not in/);

    // On a phone (390 px), in Russian and in English: the file with its applications (the step form's outcomes, the
    // claim types of the checklist) and the deadlines page do not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    // English first, Russian last: the language she keeps for her e-mails (the server is told at each switch).
    for (const language of ['EN', 'RU']) {
      const kept = page.waitForResponse((r) => r.url().endsWith('/api/v1/account/language') && r.status() === 200);
      await page.getByRole('button', { name: language, exact: true }).click();
      await kept;
      for (const url of [`/files/${clientId}`, '/files/deadlines']) {
        await page.goto(`${base}${url}`);
        await page
          .locator(url === '/files/deadlines' ? '[data-testid="dashboard-entry"]' : '[data-testid="claim-type"]')
          .first()
          .waitFor();
        const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
        assert.ok(overflow <= 1, `${language} ${url} scrolls sideways by ${overflow}px at 390px`);
      }
    }
    await context.close();
    await server?.stop();
    server = null;

    // The reminder run on Tuesday 24 March: 2026-03-27 is 3 days ahead (the default), 2026-04-07 is 14 → one e-mail.
    Object.assign(process.env, env);
    const run = await cli('reminders', 'send', '--today', '2026-03-24', '--json');
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(
      JSON.parse(run.out).reminders.map((r: { rule: string; due: string; kind: string; language: string; state: string }) => [
        r.rule,
        r.due,
        r.kind,
        r.language,
        r.state,
      ]),
      [['de.bamf.offensichtlich-unbegruendet', '2026-03-27', 'before', 'ru', 'sent']],
    );
    assert.equal(smtp.inbox.length, 1);
    const [received] = smtp.inbox;
    assert.deepEqual(received?.to, [lawyer.email]);
    assert.match(received?.mail.subject ?? '', /^Срок через 3 дня: Иск против отказа как «явно необоснованного» \(S\. D\. · дело [0-9a-f]{8}\)$/);
    const text = received?.mail.text ?? '';
    assert.match(text, /Последний день: 2026-03-27 \(пятница\)/);
    assert.match(text, /дата вручения 2026-03-20 \(пятница\) \+ 1 неделя = 2026-03-27 \(пятница\)/);
    assert.match(text, /2026-03-27 \(пятница\) — рабочий день в DE-BE/);
    assert.match(text, /\(de\.bamf\.offensichtlich-unbegruendet\)/);
    assert.ok(text.includes(`https://otkaz.deadlines.example/files/${clientId}`));
    assert.equal(text.includes('Deadlinov'), false, 'no name in the e-mail');
    // Run again the same day: nothing more.
    const again = await cli('reminders', 'send', '--today', '2026-03-24', '--json');
    assert.equal(JSON.parse(again.out).reminders[0].state, 'already_sent');
    assert.equal(smtp.inbox.length, 1);
  });
});
