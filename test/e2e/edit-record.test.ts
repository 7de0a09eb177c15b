// Editing a client's record in headless Chromium (issue #14): a lawyer opens a file with no service history (the
// exclusion section says so), opens "Edit the record", enters the names in both scripts, languages, the rank and a
// SYNTHETIC service period in the 64th Separate Motor Rifle Brigade (written "64-я ОМСБр"), deployed; a contact time
// without a contact method is refused, the field named by its label, and nothing is saved; once corrected the record
// is saved on the revision shown, the file reloads (revision 2) and exclusion preparation shows the timeline and the
// unit flagged with its sources. When the same file is saved first in another tab, the save on the old revision is
// refused with a clear conflict message and nothing is overwritten; the form in Russian. axe-core on the open form.
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
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
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { axe, firstSignIn, launchChromium } from '../helpers/browser.ts';
import { actingAs } from '../helpers/casework.ts';
import { cheapPasswords } from '../helpers/passwords.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const NEW_PASSWORD = 'a long new password 1';

describe('editing a client record in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let base = '';
  let clientId = '';
  const lawyer = { email: 'lawyer@edit.example', password: '' };

  before(async () => {
    cheapPasswords();
    const dataDir = tempDir('otkaz-edit-e2e-');
    const env = { OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn', OTKAZ_KEK: randomBytes(32).toString('base64') };
    const config = loadConfig(env);
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'statistics');
    const services = caseworkServices(config, null);
    const org = await createOrganisation(db, services, { kind: 'local' }, { name: 'Edit Aid Org', slug: 'edit-org', requireTotp: true });
    const created = await createUser(db, services.audit, { kind: 'local' }, { orgId: org.id, email: lawyer.email, role: 'lawyer', now: new Date() });
    lawyer.password = created.oneTimePassword;
    const world = { db, config, keyring: new Keyring(kekFromEnvironment(env.OTKAZ_KEK)), directory: loadDirectory(), clock: { now: new Date() } };
    const actor = { kind: 'user' as const, userId: created.user.id, orgId: org.id, role: 'lawyer' as const, sessionId: null, verified: true };
    const file = await createClientOperation.run(
      actingAs(world, actor),
      createClientOperation.input.parse({
        person: { names: [{ script: 'latin', family: 'Editov', given: 'Synthetic' }] },
        military: { status: 'contract' },
        documents: [{ type: 'military_id', number: 'AA 0000001', state: 'held' }],
        consent: { shareWithinOrganisation: true, referralTo: ['other-org'] },
      }),
    );
    clientId = file.id;
    await db.close();
    server = await startServer(config);
    await server.ready;
    const address = server.server.address();
    base = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium({ mapLocalhost: true });
    context = await browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    await firstSignIn(page, base, lawyer.email, lawyer.password, NEW_PASSWORD);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the service history entered in the form is saved, and exclusion preparation flags the unit with its sources', async () => {
    await page.goto(`${base}/files/${clientId}`);
    await page.getByText('No service history in the record.').waitFor();
    await page.getByRole('button', { name: 'Edit the record' }).click();
    const form = page.getByRole('form', { name: 'Edit the record' });
    await form.waitFor();
    await page.getByText(/You are editing revision 1\./).waitFor();
    assert.equal(await form.getByRole('group', { name: 'Name in Latin letters' }).getByLabel('Family name').inputValue(), 'Editov');

    await form.getByRole('group', { name: 'Name in Cyrillic' }).getByLabel('Family name').fill('Эдитов');
    await form.getByRole('group', { name: 'Name in Cyrillic' }).getByLabel('Given name').fill('Синтетик');
    await form.getByLabel('Languages (comma-separated)').fill('ru, en');
    await form.getByLabel('Rank').fill('private (SYNTHETIC)');
    await form.getByRole('button', { name: 'Add a service period' }).click();
    const period = form.getByRole('group', { name: 'Service period 1' });
    await period.getByLabel('Unit', { exact: true }).fill('64-я ОМСБр');
    await period.getByLabel('Unit number (в/ч)').fill('00000');
    await period.getByLabel('Role').fill('driver (SYNTHETIC)');
    await period.getByLabel('Place').fill('Pskov');
    await period.getByLabel('From', { exact: true }).fill('2021-06-01');
    await period.getByLabel('To', { exact: true }).fill('2022-05-01');
    await period.getByLabel('Deployed to a combat zone in this period').check();
    await axe(page, 'client file, record edit form open');

    // A contact time without a contact method: refused by the server, the field named as the form names it.
    await form.getByLabel('When it is safe to contact').fill('evenings');
    await form.getByRole('button', { name: 'Save the record' }).click();
    const invalid = page.getByTestId('edit-invalid');
    await invalid.waitFor();
    assert.match(await invalid.innerText(), /The record was not saved\. Please correct:\s+Safe way to contact: must not be empty/);
    // In Russian the reason is Russian too (from the code, not the server's English text).
    await page.getByRole('button', { name: 'RU' }).click();
    assert.match(await invalid.innerText(), /: не должно быть пустым/);
    assert.doesNotMatch(await invalid.innerText(), /Too small|must not be empty/);
    await page.getByRole('button', { name: 'EN' }).click();
    assert.match(await page.locator('#file-title + p').innerText(), /revision 1/, 'nothing was saved');

    await form.getByLabel('Safe way to contact').fill('Signal, via the caseworker (SYNTHETIC)');
    await form.getByRole('button', { name: 'Save the record' }).click();
    await form.waitFor({ state: 'detached' });
    await page.locator('#file-title + p').filter({ hasText: 'revision 2' }).waitFor();

    // The file as saved: the record groups and exclusion preparation (refreshed with the file).
    assert.match(await page.getByTestId('service-periods').innerText(), /64-я ОМСБр, 00000, driver \(SYNTHETIC\), Pskov \(deployed\)/);
    assert.match(
      await page.getByRole('region', { name: 'Person' }).innerText(),
      /Эдитов Синтетик[\s\S]*ru, en[\s\S]*Signal, via the caseworker \(SYNTHETIC\) \(when: evenings\)/,
    );
    const timeline = page.getByTestId('service-timeline');
    await timeline.waitFor();
    assert.match(await timeline.innerText(), /64-я ОМСБр, 00000, driver \(SYNTHETIC\), Pskov \(deployed\)/);
    const match = page.getByTestId('exclusion-match');
    await match.first().waitFor();
    assert.equal(await match.count(), 1, 'one allegation: the brigade (Pskov is not Bucha)');
    assert.match(await match.first().innerText(), /same unit name: «64-я ОМСБр» ~ «64th Separate Motor Rifle Brigade»/);
    assert.match(await page.getByTestId('allegation-sources').first().innerText(), /Office of the Prosecutor General of Ukraine, .*, 2022-04-28/);

    // What the form did not show is as it was: the documents and the consent record.
    const stored = await (await page.request.get(`${base}/api/v1/clients/${clientId}`)).json();
    assert.deepEqual(stored.record.documents, [{ type: 'military_id', number: 'AA 0000001', state: 'held' }]);
    assert.deepEqual(stored.record.consent, { shareWithinOrganisation: true, referralTo: ['other-org'] });
    assert.equal(stored.record.military.rank, 'private (SYNTHETIC)');
  });

  it('a save on a revision someone else saved over first is refused, with a clear message; nothing is overwritten', async () => {
    await page.goto(`${base}/files/${clientId}`);
    await page.getByRole('button', { name: 'Edit the record' }).click();
    const form = page.getByRole('form', { name: 'Edit the record' });
    await form.getByRole('group', { name: 'Service period 1' }).getByLabel('Place').fill('Pskov oblast (this tab)');

    // Another tab saves first.
    const other = await page.context().newPage();
    await other.goto(`${base}/files/${clientId}`);
    await other.getByRole('button', { name: 'Edit the record' }).click();
    const otherForm = other.getByRole('form', { name: 'Edit the record' });
    await otherForm.getByLabel('Rank').fill('corporal (SYNTHETIC)');
    await otherForm.getByRole('button', { name: 'Save the record' }).click();
    await other.locator('#file-title + p').filter({ hasText: 'revision 3' }).waitFor();
    await other.close();

    await form.getByRole('button', { name: 'Save the record' }).click();
    const conflict = page.getByTestId('edit-conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /Someone else saved this file after you opened revision 2: your changes were not saved/);
    const stored = await (await page.request.get(`${base}/api/v1/clients/${clientId}`)).json();
    assert.equal(stored.revision, 3);
    assert.equal(stored.record.military.rank, 'corporal (SYNTHETIC)');
    assert.equal(stored.record.military.service[0].place, 'Pskov', "this tab's change was not saved over the other's");

    // The same form in Russian.
    await page.reload();
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await page.getByRole('button', { name: 'Изменить запись' }).click();
    const russian = page.getByRole('form', { name: 'Изменение записи' });
    await russian.getByRole('group', { name: 'Период службы 1' }).getByLabel('Номер в/ч').waitFor();
    assert.equal(await russian.getByRole('group', { name: 'Период службы 1' }).getByLabel('Номер в/ч').inputValue(), '00000');
    await russian.getByRole('button', { name: 'Добавить период службы' }).waitFor();
    await page.getByText(/Вы изменяете версию 3\./).waitFor();
  });
});
