// The case-file web app end to end in headless Chromium: an administrator's first sign-in (one-time password
// changed, TOTP enrolled with the code computed here from the shown secret, recovery codes saved), a client file
// opened, a court record linked, a document uploaded, a note added, the file shared with a volunteer — who sees
// exactly that file — while a member of another organisation sees none; the audit log lists it all and verifies;
// a passkey (Chromium's virtual authenticator) registered and used to sign in; sign-out and the quick exit.
// axe-core on every case-file page (no serious or critical violation).
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createOrganisation } from '../../src/accounts/orgs.ts';
import { createUser } from '../../src/accounts/users.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { ARTIFACTS, axe, launchChromium } from '../helpers/browser.ts';
import { cheapPasswords } from '../helpers/passwords.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const NEW_PASSWORD = 'a long new password 1';

interface Account {
  email: string;
  password: string;
}

describe('case files in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  let caseId = 0;
  let clientId = '';
  const admin: Account = { email: 'admin@first.example', password: '' };
  const volunteer: Account = { email: 'volunteer@first.example', password: '' };
  const outsider: Account = { email: 'lawyer@second.example', password: '' };
  let adminContext: BrowserContext;
  let adminPage: Page;

  before(async () => {
    cheapPasswords();
    mkdirSync(ARTIFACTS, { recursive: true });
    const dataDir = tempDir('otkaz-casework-e2e-');
    const env = { OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn', OTKAZ_KEK: randomBytes(32).toString('base64') };
    const config = loadConfig(env);
    // Set up before the server takes the embedded database's lock: the court card, two organisations, three members.
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'statistics');
    await ingestTestCard(db, loadDirectory());
    caseId = Number((await db.query<{ id: number }>('select id from cases order by id limit 1'))[0]?.id);
    assert.ok(caseId > 0, 'the court card was ingested');
    const services = caseworkServices(config, null);
    const first = await createOrganisation(db, services, { kind: 'local' }, { name: 'First Aid Org', slug: 'first-org', requireTotp: true });
    const second = await createOrganisation(db, services, { kind: 'local' }, { name: 'Second Aid Org', slug: 'second-org', requireTotp: true });
    for (const [account, org, role] of [
      [admin, first, 'org_admin'],
      [volunteer, first, 'volunteer'],
      [outsider, second, 'lawyer'],
    ] as const) {
      account.password = (
        await createUser(db, services.audit, { kind: 'local' }, { orgId: org.id, email: account.email, role, now: new Date() })
      ).oneTimePassword;
    }
    await db.close();
    server = await startServer(config);
    await server.ready;
    const address = server.server.address();
    // localhost, not 127.0.0.1: WebAuthn needs a domain as the relying party (localhost counts as a secure origin).
    base = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium({ mapLocalhost: true });
    adminContext = await browser.newContext({ locale: 'en-GB' });
    adminPage = await adminContext.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The first sign-in: one-time password, new password, TOTP enrolment, recovery codes saved. */
  async function firstSignIn(page: Page, account: Account, checkAxe = false, landing = 'Client files'): Promise<string> {
    await page.goto(`${base}/signin`);
    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    if (checkAxe) await axe(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    if (checkAxe) await axe(page, 'change password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    const secretText = page.getByTestId('totp-secret');
    await secretText.waitFor();
    const qr = page.getByRole('img', { name: 'QR code for the authenticator app' });
    const qrWidth = await qr.evaluate((img: { decode(): Promise<void>; naturalWidth: number }) => img.decode().then(() => img.naturalWidth));
    assert.ok(qrWidth > 0, 'the QR code is an image the browser can draw');
    if (checkAxe) await axe(page, 'TOTP enrolment');
    const secret = (await secretText.innerText()).trim();
    await page.getByLabel('Code from the app').fill(TOTP.generate({ secret: Secret.fromBase32(secret) }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    assert.equal(await page.locator('.recovery-codes li').count(), 10);
    if (checkAxe) await axe(page, 'recovery codes');
    const proceed = page.getByRole('button', { name: 'Continue' });
    assert.equal(await proceed.isDisabled(), true, 'going on needs "I have saved them"');
    await page.getByLabel('I have saved them').check();
    await proceed.click();
    await page.getByRole('heading', { name: landing }).waitFor();
    account.password = NEW_PASSWORD;
    return secret;
  }

  it('the administrator signs in the first time: new password, TOTP, recovery codes', async () => {
    await firstSignIn(adminPage, admin, true);
    await axe(adminPage, 'client list (empty)');
    assert.match(await adminPage.locator('main').innerText(), /No client files/);
  });

  it('opens a client file, links the court record, uploads a document, adds a note, shares it', async () => {
    const page = adminPage;
    await page.getByRole('link', { name: 'New file' }).click();
    await page.getByRole('heading', { name: 'New client file' }).waitFor();
    const cyrillic = page.getByRole('group', { name: 'Name in Cyrillic' });
    await cyrillic.getByLabel('Family name').fill('Образцов');
    await cyrillic.getByLabel('Given name').fill('Пётр');
    const latin = page.getByRole('group', { name: 'Name in Latin letters' });
    await latin.getByLabel('Family name').fill('Obraztsov');
    await latin.getByLabel('Given name').fill('Pyotr');
    await page.getByLabel('Date of birth').fill('1990-05-01');
    await page.getByLabel('Military status').selectOption('mobilised');
    await page.getByRole('button', { name: 'Add a document' }).click();
    await page.getByLabel('Number').fill('4510 123456');
    await page.getByLabel('Wanted-list status').selectOption('federal');
    await page.getByLabel('The client agrees to the file being shared within the organisation').check();
    await page.getByLabel(/Organisations he agrees to be referred to/).fill('second-org');
    await axe(page, 'new client form');
    await page.getByRole('button', { name: 'Open the file' }).click();
    await page.getByRole('heading', { name: 'Pyotr Obraztsov' }).waitFor();
    const url = new URL(page.url());
    const match = /^\/files\/([0-9a-f-]{36})$/.exec(url.pathname);
    assert.ok(match?.[1], `a client file's address is its UUID: ${url.href}`);
    clientId = match[1];
    assert.equal(url.search, '', 'no query string on a client file');
    assert.match(await page.locator('main').innerText(), /internal passport 4510 123456/);
    assert.match(await page.locator('main').innerText(), /Образцов Пётр/, 'both spellings are kept');

    await page.getByLabel('Tracker case id', { exact: true }).fill(String(caseId));
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const sha = page.getByTestId('capture-sha256');
    await sha.waitFor();
    assert.match(await sha.innerText(), /^[0-9a-f]{64}$/);
    assert.match(await page.locator('.linked-cases').innerText(), /No change since it was linked/);

    const content = Buffer.from('a statement, synthetic\n');
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'statement.txt', mimeType: 'text/plain', buffer: content });
    await page.getByRole('button', { name: 'Upload' }).click();
    const download = page.getByRole('link', { name: 'statement.txt' });
    await download.waitFor();
    assert.match(await page.locator('.documents').innerText(), /metadata not inspected/);
    const stored = await page.request.get(`${base}${await download.getAttribute('href')}`);
    assert.equal(stored.status(), 200);
    assert.deepEqual(await stored.body(), content);
    assert.match(stored.headers()['cache-control'] ?? '', /no-store/, 'a document is not kept in the browser cache');
    const answer = await page.request.get(`${base}/api/v1/clients/${clientId}`);
    assert.match(answer.headers()['cache-control'] ?? '', /no-store/, 'a client file is not kept in the browser cache');

    await page.getByLabel('Text', { exact: true }).fill('First call: synthetic test note.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('First call: synthetic test note.').waitFor();

    await page.getByLabel('Member').selectOption({ label: `${volunteer.email} (volunteer)` });
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Stop sharing' }).waitFor();
    assert.match(await page.locator('section[aria-labelledby="share-title"]').innerText(), /volunteer@first\.example/);
    await axe(page, 'client file');
    assert.doesNotMatch(page.url(), /Образцов|4510/);
  });

  it('an edit on a revision someone else changed meanwhile is refused: "changed by someone else, reload"', async () => {
    const stale = await adminContext.newPage();
    await stale.goto(`${base}/files/${clientId}`);
    await stale.getByRole('heading', { name: 'Pyotr Obraztsov' }).waitFor();
    const page = adminPage;
    await page.getByLabel('Status').selectOption('closed');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/closed · revision/).waitFor();
    await stale.getByLabel('Status').selectOption('referred');
    await stale.getByRole('button', { name: 'Save' }).click();
    await stale.getByRole('alert').waitFor();
    assert.match(await stale.getByRole('alert').innerText(), /changed by someone else/);
    await stale.close();
    await page.getByLabel('Status').selectOption('open');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/open · revision/).waitFor();
  });

  it('the other case-file pages: list, search by document number, figures, members, settings', async () => {
    const page = adminPage;
    await page.getByRole('link', { name: 'Client files' }).click();
    await page.getByRole('link', { name: 'Pyotr Obraztsov' }).waitFor();
    await page.getByLabel('Status').selectOption('open');
    assert.equal(await page.evaluate(`sessionStorage.getItem('otkaz.files.status')`), 'open', 'the filter is kept for the tab (until sign-out)');
    await page.getByRole('link', { name: 'Pyotr Obraztsov' }).waitFor();
    await axe(page, 'client list');
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Value').fill('4510 123456');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Pyotr Obraztsov' }).waitFor();
    assert.doesNotMatch(page.url(), /4510/, 'the document number is not in the address');
    await axe(page, 'search');
    await page.getByRole('link', { name: 'Figures' }).click();
    await page.getByText('linked to a court record').waitFor();
    await axe(page, 'figures');
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('cell', { name: volunteer.email, exact: true }).waitFor();
    await axe(page, 'members');
    await page.getByLabel('E-mail').fill('figures@first.example');
    await page.getByLabel('Role').selectOption('statistics');
    await page.getByRole('button', { name: 'Create account' }).click();
    const oneTime = page.getByTestId('one-time-password');
    await oneTime.waitFor();
    const statistician: Account = { email: 'figures@first.example', password: (await oneTime.innerText()).trim() };
    await page.getByRole('cell', { name: statistician.email, exact: true }).waitFor();

    // The statistics role: figures only, no file, no name.
    const context = await browser.newContext({ locale: 'en-GB' });
    const figures = await context.newPage();
    await firstSignIn(figures, statistician, false, 'Figures');
    await figures.getByText('linked to a court record').waitFor();
    assert.match(await figures.locator('.cards').innerText(), /1\s+client files/);
    assert.doesNotMatch(await figures.locator('main').innerText(), /Obraztsov|Образцов/);
    assert.equal(await figures.getByRole('link', { name: 'New file' }).count(), 0);
    await context.close();

    await page.getByRole('button', { name: `Disable ${statistician.email}` }).click();
    await page
      .getByRole('row', { name: new RegExp(statistician.email) })
      .getByText('disabled')
      .waitFor();
    await page.getByRole('link', { name: 'Sign-in settings' }).click();
    await page.getByLabel('Members must give an authenticator code when they sign in').waitFor();
    assert.equal(await page.getByLabel('Members must give an authenticator code when they sign in').isChecked(), true);
    await axe(page, 'settings');

    // Readable on a phone: no horizontal scrolling on the list and the file.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ['/files', `/files/${clientId}`]) {
      await page.goto(`${base}${url}`);
      await page
        .getByRole('link', { name: 'Pyotr Obraztsov' })
        .or(page.getByRole('heading', { name: 'Pyotr Obraztsov' }))
        .first()
        .waitFor();
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
      assert.ok(overflow <= 1, `${url} scrolls sideways by ${overflow}px at 390px`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('the volunteer sees exactly the file shared with them', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await firstSignIn(page, volunteer);
    const links = page.locator('main tbody a');
    await links.first().waitFor();
    assert.equal(await links.count(), 1);
    assert.equal(await links.first().getAttribute('href'), `/files/${clientId}`);
    await links.first().click();
    await page.getByText('First call: synthetic test note.').waitFor();
    await axe(page, 'client file (volunteer)');
    // Esc twice: the quick exit.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL('about:blank');
    let status = 0;
    for (let i = 0; i < 500 && status !== 401; i++) status = (await context.request.get(`${base}/api/v1/auth/session`)).status();
    assert.equal(status, 401, 'the quick exit ended the session');
    await context.close();
  });

  it('a member of another organisation sees no file', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await firstSignIn(page, outsider);
    await page.getByText('No client files.').waitFor();
    await page.goto(`${base}/files/${clientId}`);
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /Not found|may not/);
    assert.doesNotMatch(await page.locator('main').innerText(), /Образцов|Obraztsov/);
    await context.close();
  });

  it('refers the client to the other organisation (his consent names it)', async () => {
    const page = adminPage;
    await page.goto(`${base}/files/${clientId}`);
    await page.getByLabel('Organisation (slug)').fill('second-org');
    await page.getByRole('button', { name: 'Refer', exact: true }).click();
    // What was copied, kind by kind (the file has one document, no application, no checklist mark); the notes stay.
    const done = page.getByTestId('referral-done');
    await done.waitFor();
    assert.equal(
      await done.innerText(),
      "Referred to second-org. Copied there: the client's record (with its links to court records), documents: 1, asylum applications: 0, checklist marks: 0. The notes stay here. Files there that may be the same person: 0.",
    );
    // The same answer written in Russian.
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await done
      .filter({
        hasText:
          /^Направлено в second-org\. Туда скопированы: карточка клиента .*документы: 1, заявления об убежище: 0, отметки в списке документов: 0\. Заметки остаются здесь\./,
      })
      .waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await done.filter({ hasText: /^Referred to second-org\./ }).waitFor();
  });

  it('the audit log lists the steps and verifies', async () => {
    const page = adminPage;
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: 'File shared with a member' }).first().waitFor();
    const log = await page.locator('table').innerText();
    await page
      .getByRole('row', { name: /File shared with a member.*admin@first\.example/ })
      .first()
      .waitFor();
    // Each action by its label; the recorded id stays on the cell (its title).
    const labels: Record<string, string> = {
      'clients.create': 'Client file opened',
      'clients.link_case': 'Court record linked',
      'clients.upload': 'Document uploaded',
      'clients.note': 'Note added',
      'clients.share': 'File shared with a member',
      'clients.update': 'Client file changed',
      'clients.refer': 'Client referred',
    };
    for (const [action, label] of Object.entries(labels)) {
      assert.ok(log.includes(label), label);
      assert.equal(await page.locator(`td[data-action="${action}"]`).first().getAttribute('title'), action);
    }
    assert.doesNotMatch(log, /clients\.(create|share|update)/, 'no raw action id in the table');
    // Verify: the check is itself an entry, recorded after it; the table is read again and shows it on top, so the
    // count and the table agree (the entries verified are the ones below it).
    await page.getByRole('button', { name: 'Verify the log' }).click();
    const status = page.getByRole('status');
    await status.getByText('The audit log verifies').waitFor();
    const statusText = await status.innerText();
    const counted = Number(/first-org: (\d+) entries/.exec(statusText)?.[1]);
    const own = Number(/on top \(#(\d+)\)/.exec(statusText)?.[1]);
    const top = page.locator('tbody tr').first();
    assert.equal(await top.locator('td').nth(2).innerText(), 'Audit log verified');
    assert.equal(Number(await top.locator('td').first().innerText()), own);
    assert.equal(own, counted + 1, statusText);
    await axe(page, 'audit log');
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('cell', { name: 'Проверка журнала аудита' }).first().waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
  });

  it('a passkey: registered with the virtual authenticator, then used to sign in', async () => {
    const page = adminPage;
    const cdp = await adminContext.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    await page.getByRole('link', { name: 'Passkeys' }).click();
    await axe(page, 'passkeys');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('Passkey added.').waitFor();

    // Sign out: back at the sign-in page, this area's stored values gone, the session ended.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to case files' }).waitFor();
    const stored = (await page.evaluate(
      `[...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((k) => k.startsWith('otkaz.files.'))`,
    )) as string[];
    assert.deepEqual(stored, []);
    assert.equal((await page.request.get(`${base}/api/v1/auth/session`)).status(), 401);
    await page.goto(`${base}/files/${clientId}`);
    await page.getByRole('heading', { name: 'Sign in to case files' }).waitFor();

    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await page.getByRole('heading', { name: 'Client files' }).waitFor();
    await page.getByRole('link', { name: 'Pyotr Obraztsov' }).waitFor();
  });

  it('the sign-in page in Russian', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${base}/signin`);
    await page.getByRole('heading', { name: 'Вход в дела клиентов' }).waitFor();
    await page.getByLabel('Электронная почта').waitFor();
    assert.match(await page.locator('main').innerText(), /Электронная почта[\s\S]*Пароль/);
    assert.equal(await page.getByRole('button', { name: 'Быстро уйти' }).count(), 1);
    await axe(page, 'sign-in (ru)');
    await context.close();
  });

  it('the quick exit leaves the page and ends the session', async () => {
    const page = adminPage;
    const loggedOut = page.waitForRequest((r) => r.url().endsWith('/api/v1/auth/logout'));
    await page.getByRole('button', { name: 'Leave quickly' }).click();
    await page.waitForURL('about:blank');
    await loggedOut;
    assert.equal(page.url(), 'about:blank');
    // The sign-out is sent as the page goes (keepalive): its answer is not the page's to see, so ask until it has
    // been handled (a bounded number of requests, no timer).
    let status = 0;
    for (let i = 0; i < 500 && status !== 401; i++) status = (await adminContext.request.get(`${base}/api/v1/auth/session`)).status();
    assert.equal(status, 401, 'the session ended');
    // Back: no client data comes back (the page was emptied before it went; a fresh load finds no session).
    await page.goBack();
    await page.getByRole('heading', { name: 'Sign in to case files' }).waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), /Obraztsov|Образцов/);
  });
});
