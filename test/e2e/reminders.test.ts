// A lawyer's deadlines in headless Chromium (issue #14, "Done when"), with a SYNTHETIC client: she records a German
// BAMF rejection served on Friday 2026-03-20 — once as unfounded, once as manifestly unfounded — and sees both due
// dates; records a French OFPRA rejection with a legal-aid request and sees the deadline suspended; finds them on
// the deadlines page; switches to Russian; and the reminder run (`otkaz reminders send`) e-mails her, in Russian,
// through a local SMTP server this test starts. Expected dates are computed by hand in the comments (2026-01-01 is
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

    // The deadlines page, from the case-file navigation: all three, whatever today's bucket.
    await page.getByRole('navigation', { name: 'case files' }).getByRole('link', { name: 'Deadlines' }).click();
    await page.getByRole('heading', { name: 'Deadlines', level: 1 }).waitFor();
    const entries = page.getByTestId('dashboard-entry');
    await entries.first().waitFor();
    const listed = await entries.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-rule')} ${r.getAttribute('data-due')}`).sort());
    assert.deepEqual(listed, ['de.bamf.klage 2026-04-07', 'de.bamf.offensichtlich-unbegruendet 2026-03-27', 'fr.cnda.recours ']);
    assert.match(await page.getByTestId('bucket-undetermined').innerText(), /Synthetic Deadlinov/);
    await axe(page, 'deadlines page');

    // She switches to Russian: the server keeps it for her e-mails.
    const told = page.waitForResponse((r) => r.url().endsWith('/api/v1/account/language') && r.status() === 200);
    await page.getByRole('button', { name: 'RU' }).click();
    await told;
    await page.getByRole('heading', { name: 'Сроки', level: 1 }).waitFor();
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
