// Preparing a client file in headless Chromium (issue #14): a lawyer opens a file whose SYNTHETIC service history
// names a unit in the knowledge base's public allegations (the 64th Separate Motor Rifle Brigade, written "64-я
// ОМСБр") and sees it flagged in "Exclusion preparation" with its sources, confidence, licence status and the
// "to prepare for, not a verdict" notice; the checklist for "deserter with a criminal case" opens and shows the
// linked court record with its capture's sha256; the lawyer uploads a (SYNTHETIC) military ID, marks the
// "military identification papers" item met by it, sees it counted and named with its sha256, and after a reload
// sees the mark kept. A volunteer the file is shared with sees no checklist, no marking controls, no deletion and
// no record edit.
// The lawyer then deletes the document and removes the court-record link, each only after confirming (a Cancel
// first leaves it): the items they met are to check again, or open. axe-core on the page (no serious or critical
// violation).
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createOrganisation } from '../../src/accounts/orgs.ts';
import { createUser } from '../../src/accounts/users.ts';
import { Keyring } from '../../src/casework/keyring.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { kekFromEnvironment } from '../../src/crypto/kek.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { linkCaseOperation } from '../../src/operations/clients/link-case.ts';
import { shareClientOperation } from '../../src/operations/clients/share.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { axe, firstSignIn, launchChromium } from '../helpers/browser.ts';
import { actingAs } from '../helpers/casework.ts';
import { cheapPasswords } from '../helpers/passwords.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const NEW_PASSWORD = 'a long new password 1';

describe('preparing a client file in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  let clientId = '';
  let captureSha256 = '';
  const lawyer = { email: 'lawyer@prepare.example', password: '' };
  const volunteer = { email: 'volunteer@prepare.example', password: '' };
  /** The lawyer's session, kept from the first test to the last. */
  let lawyerContext: BrowserContext | undefined;
  let lawyerPage: Page;

  before(async () => {
    cheapPasswords();
    const dataDir = tempDir('otkaz-prepare-e2e-');
    const env = { OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn', OTKAZ_KEK: randomBytes(32).toString('base64') };
    const config = loadConfig(env);
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'statistics');
    const directory = loadDirectory();
    await ingestTestCard(db, directory);
    const caseId = Number((await db.query<{ id: number }>('select id from cases order by id limit 1'))[0]?.id);
    const services = caseworkServices(config, null);
    const org = await createOrganisation(db, services, { kind: 'local' }, { name: 'Prepare Aid Org', slug: 'prepare-org', requireTotp: true });
    const created = await createUser(db, services.audit, { kind: 'local' }, { orgId: org.id, email: lawyer.email, role: 'lawyer', now: new Date() });
    lawyer.password = created.oneTimePassword;
    const helper = await createUser(db, services.audit, { kind: 'local' }, { orgId: org.id, email: volunteer.email, role: 'volunteer', now: new Date() });
    volunteer.password = helper.oneTimePassword;
    // The file is opened through its operation, as the lawyer, under the server's own KEK (SYNTHETIC person).
    const world = { db, config, keyring: new Keyring(kekFromEnvironment(env.OTKAZ_KEK)), directory, clock: { now: new Date() } };
    const actor = { kind: 'user' as const, userId: created.user.id, orgId: org.id, role: 'lawyer' as const, sessionId: null, verified: true };
    const file = await createClientOperation.run(
      actingAs(world, actor),
      createClientOperation.input.parse({
        person: { names: [{ script: 'latin', family: 'Preparov', given: 'Synthetic' }] },
        military: {
          status: 'contract',
          service: [
            { unit: '64-я ОМСБр', unitNumber: '00000', role: 'driver (SYNTHETIC)', place: 'Pskov', from: '2021-06-01', to: '2022-05-01', deployed: true },
          ],
        },
        consent: { shareWithinOrganisation: true },
      }),
    );
    clientId = file.id;
    const link = await linkCaseOperation.run(actingAs(world, actor), linkCaseOperation.input.parse({ id: clientId, caseId: String(caseId) }));
    captureSha256 = link.captureSha256 ?? '';
    await shareClientOperation.run(actingAs(world, actor), shareClientOperation.input.parse({ id: clientId, userId: helper.user.id }));
    await db.close();
    server = await startServer(config);
    await server.ready;
    const address = server.server.address();
    base = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium({ mapLocalhost: true });
  });
  after(async () => {
    await lawyerContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the exclusion section flags the unit with its sources; the checklist for a deserter with a criminal case opens', async () => {
    lawyerContext = await browser.newContext({ locale: 'en-GB' });
    const page = await lawyerContext.newPage();
    lawyerPage = page;
    await firstSignIn(page, base, lawyer.email, lawyer.password, NEW_PASSWORD);

    await page.goto(`${base}/files/${clientId}`);
    await page.getByRole('heading', { name: 'Exclusion preparation' }).waitFor();
    const match = page.getByTestId('exclusion-match');
    await match.first().waitFor();
    assert.equal(await match.count(), 1, 'one allegation: the brigade (Pskov is not Bucha)');
    const text = await match.first().innerText();
    assert.match(text, /64th Separate Motor Rifle Brigade/);
    assert.match(text, /same unit name: «64-я ОМСБр» ~ «64th Separate Motor Rifle Brigade»/);
    assert.match(text, /confidence: official finding · licence: not verified/);
    assert.match(await page.getByTestId('allegation-sources').first().innerText(), /Office of the Prosecutor General of Ukraine, .*, 2022-04-28/);
    assert.match(await page.getByTestId('exclusion-notice').innerText(), /To prepare for, not a verdict/);
    assert.match(await page.getByTestId('service-timeline').innerText(), /64-я ОМСБр, 00000, driver \(SYNTHETIC\), Pskov \(deployed\)/);

    await page.getByTestId('claim-type').selectOption('deserter_criminal_case');
    await page.getByTestId('checklist-summary').waitFor();
    assert.match(await page.getByTestId('checklist-summary').innerText(), /Deserter with a criminal case/);
    const items = page.getByTestId('checklist-item');
    assert.ok((await items.count()) >= 3);
    const record = items.filter({ hasText: 'court record' }).first();
    assert.match(await record.innerText(), /met/);
    assert.match(await record.innerText(), new RegExp(captureSha256));
    assert.match(await record.innerText(), /by the archived court record/);
    const counts = page.getByTestId('checklist-counts');
    assert.equal(await counts.innerText(), '1 met · 0 not applicable · 0 to check · 3 open');

    // Upload a SYNTHETIC military ID; the document items now have a candidate to judge.
    const scan = Buffer.from('SYNTHETIC military ID of a test person, not a real document');
    const scanSha256 = createHash('sha256').update(scan).digest('hex');
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'military-id.txt', mimeType: 'text/plain', buffer: scan });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('link', { name: 'military-id.txt' }).first().waitFor();
    await page.getByTestId('checklist-counts').filter({ hasText: '2 to check' }).waitFor();

    const PAPERS = 'Military identification papers (military ID, contract or enlistment order)';
    const papers = items.filter({ has: page.getByText(PAPERS, { exact: true }) });
    assert.equal(await papers.count(), 1);
    assert.match(await papers.innerText(), /to check/);
    await papers.getByText('Record your judgement').click();
    const form = papers.getByRole('form', { name: /Judgement on: Military identification papers/ });
    await form.getByLabel(/military-id\.txt/).check();
    await form.getByLabel('Note (optional)').fill('SYNTHETIC: matches the unit in his account');
    await form.getByRole('button', { name: 'Mark met' }).click();
    await papers.getByTestId('checklist-mark').waitFor();
    const shown = await papers.innerText();
    assert.match(shown, /Marked met by lawyer@prepare\.example on/);
    assert.match(shown, new RegExp(`military-id\\.txt · sha256 ${scanSha256}`));
    assert.match(shown, /by a worker's judgement/);
    assert.match(shown, /SYNTHETIC: matches the unit in his account/);
    assert.equal(await counts.innerText(), '2 met · 0 not applicable · 1 to check · 1 open');
    await axe(page, 'client file with checklist and exclusion preparation');

    // The mark is stored: after a reload it is there, counted and named with its sha256.
    await page.reload();
    await page.getByTestId('claim-type').selectOption('deserter_criminal_case');
    await page.getByTestId('checklist-counts').waitFor();
    assert.equal(await page.getByTestId('checklist-counts').innerText(), '2 met · 0 not applicable · 1 to check · 1 open');
    const kept = page.getByTestId('checklist-item').filter({ has: page.getByText(PAPERS, { exact: true }) });
    assert.match(await kept.innerText(), new RegExp(`Marked met by lawyer@prepare\\.example on .*\\n?[\\s\\S]*sha256 ${scanSha256}`));
  });

  it('a volunteer the file is shared with sees no checklist and no marking controls', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await firstSignIn(page, base, volunteer.email, volunteer.password, NEW_PASSWORD);
    await page.goto(`${base}/files/${clientId}`);
    await page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Checklist', exact: true }).count(), 0);
    assert.equal(await page.getByTestId('claim-type').count(), 0);
    assert.equal(await page.getByRole('button', { name: /Mark met|Mark not applicable|Reopen/ }).count(), 0);
    assert.equal(await page.getByText('Record your judgement').count(), 0);
    await page.getByRole('link', { name: 'military-id.txt' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Delete / }).count(), 0, 'a volunteer may add a document, never delete one');
    assert.equal(await page.getByRole('button', { name: /^Remove link/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Edit the record' }).count(), 0, 'a volunteer may not edit the record');
    await context.close();
  });

  it('the lawyer deletes the marked document and removes the link, each only after confirming; the items are to check again or open', async () => {
    const page = lawyerPage;
    await page.goto(`${base}/files/${clientId}`);
    await page.getByTestId('claim-type').selectOption('deserter_criminal_case');
    const counts = page.getByTestId('checklist-counts');
    await counts.filter({ hasText: '2 met' }).waitFor();
    const documents = page.locator('.documents');

    // Asked first, naming the document; Cancel leaves it.
    await page.getByRole('button', { name: 'Delete military-id.txt' }).click();
    const question = page.getByRole('group', { name: /Delete military-id\.txt for good\?/ });
    await question.waitFor();
    assert.match(await question.innerText(), /this cannot be undone/);
    await axe(page, 'client file, deletion asked');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    assert.match(await documents.innerText(), /military-id\.txt/);

    await page.getByRole('button', { name: 'Delete military-id.txt' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('military-id.txt was deleted. Checklist items that rested on it: 1, to check again.').waitFor();
    await page.getByRole('link', { name: 'military-id.txt' }).waitFor({ state: 'detached' });
    const PAPERS = 'Military identification papers (military ID, contract or enlistment order)';
    const papers = page.getByTestId('checklist-item').filter({ has: page.getByText(PAPERS, { exact: true }) });
    await papers.getByTestId('checklist-missing').waitFor();
    assert.match(await papers.getByTestId('checklist-missing').innerText(), /deleted/);
    assert.match(await counts.innerText(), /^1 met · 0 not applicable · 1 to check · 2 open$/);
    const stored = await page.request.get(`${base}/api/v1/clients/${clientId}`);
    assert.deepEqual((await stored.json()).documents, [], 'the server holds no document for the file');

    // The court record: asked first too; then the file names no case, and its item is open.
    await page.getByRole('button', { name: /^Remove link to / }).click();
    await page.getByRole('group', { name: /^Remove the link to .*The case stays in the tracker/ }).waitFor();
    await page.getByRole('button', { name: 'Yes, remove the link' }).click();
    await page.getByText(/^The link to .* was removed\.$/).waitFor();
    await page.getByText('No court record linked yet.').waitFor();
    await counts.filter({ hasText: '0 met' }).waitFor();
    const record = page.getByTestId('checklist-item').filter({ hasText: 'court record' }).first();
    assert.match(await record.innerText(), /open/);
    await axe(page, 'client file after deletion and unlink');
  });
});
