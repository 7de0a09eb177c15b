// The web app as a product (issue #18), in headless Chromium: the courts page by military district with case
// counts, abolished courts marked and links to each court's cases (no operator queue on it); compressed answers and
// the caching of the shell and the hashed assets; the chart library fetched only for a chart on screen; the
// prosecutions list and the statistics query kept in the URL (Back and reload); the full filtered CSV; page titles,
// the favicon and the HTML 404 page — in English and Russian, axe on the pages. SYNTHETIC cases only.
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright's Locator.innerText() (the text as shown), not the DOM property
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.ts';
import { loadDirectory } from '../../src/courts/directory/load.ts';
import { garrisonCourts } from '../../src/courts/directory/select.ts';
import { syncCourts } from '../../src/courts/directory/sync.ts';
import { ingestPage } from '../../src/courts/ingest.ts';
import { generateCases } from '../../src/courts/synthetic/generate.ts';
import { syntheticPages } from '../../src/courts/synthetic/pages.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { ARTIFACTS, axe, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPgliteFromTemplate } from '../helpers/templates.ts';

const directory = loadDirectory();
// Three garrison courts of three different districts; 70 SYNTHETIC cases among them (more than one page of 50).
const courts = (() => {
  const seen = new Set<string>();
  return garrisonCourts(directory)
    .map((c) => directory.courts.find((d) => d.vnkod === c.vnkod))
    .filter((c): c is NonNullable<typeof c> => c !== undefined && c.districtName !== null && !seen.has(c.districtName) && Boolean(seen.add(c.districtName)))
    .slice(0, 3);
})();
const CASES = generateCases({ seed: 18, count: 70, courts: courts.map((c) => c.vnkod ?? ''), from: '2023-01-01', to: '2024-12-31' });
const casesOf = (vnkod: string) => CASES.filter((c) => c.courtVnkod === vnkod).length;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A raw GET (no decoding): status, headers and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('the web app as a product (issue #18)', () => {
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  before(async () => {
    assert.ok(existsSync(CHROMIUM), 'the browser tests need Debian chromium at /usr/bin/chromium');
    assert.equal(courts.length, 3, 'three garrison courts of three districts in the directory');
    mkdirSync(ARTIFACTS, { recursive: true });
    const dataDir = tempDir('otkaz-e2e-product-');
    const db = await openPgliteFromTemplate(path.join(dataDir, 'db'), 'statistics');
    await syncCourts(db, directory);
    for (const page of syntheticPages(CASES, directory, 'directory').filter((p) => p.kind === 'case_card'))
      await ingestPage(
        db,
        directory,
        {
          bytes: page.bytes,
          url: page.url,
          retrievedAt: '2026-04-20T10:00:00Z',
          httpStatus: 200,
          httpHeaders: null,
          source: 'synthetic',
          sourceRef: 'e2e',
          synthetic: true,
        },
        'e2e-person-key-0123456789',
      );
    await db.close();
    server = await startServer(loadConfig({ OTKAZ_DATA_DIR: dataDir, PORT: '0', OTKAZ_RATE_LIMIT: '0', OTKAZ_LOG_LEVEL: 'warn' }));
    await server.ready;
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('courts: grouped by military district with case counts, abolished courts marked, links to their cases; no operator queue', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/courts`);
    await page.getByRole('heading', { level: 1, name: 'Military courts' }).waitFor();
    assert.equal(await page.title(), 'Military courts — otkaz');
    // Each court sits under its own district's heading (the directory's districtName), with its number of cases.
    for (const court of courts) {
      const section = page.locator('section.district', { has: page.locator(`li[data-court="${court.vnkod}"]`) });
      const heading = await section.locator('h2').innerText();
      assert.ok(heading.includes(`Military district: ${court.districtName}`), `${court.vnkod} under ${heading}`);
      assert.match(heading, new RegExp(`cases: ${casesOf(court.vnkod ?? '')}\\)`));
      const link = section.locator(`li[data-court="${court.vnkod}"] a`);
      assert.equal(await link.innerText(), `cases: ${casesOf(court.vnkod ?? '')}`);
    }
    assert.doesNotMatch(await page.locator('main').innerText(), /Military district: —/);
    // A court only the 2020 list has is marked.
    const abolished = directory.courts.find((c) => c.onlyInOldList && c.type === 'garrison');
    assert.ok(abolished);
    assert.match(await page.locator('li', { hasText: abolished.name }).first().innerText(), /abolished or renamed/);
    // The operator's captcha queue is not on the public page; it has its own.
    assert.equal(await page.getByLabel('Operator token').count(), 0);
    await axe(page, 'courts');
    await shot(page, 'courts-districts');
    // A court's link lists its cases: the filter is in the URL and the total is the court's count.
    const [first] = courts;
    assert.ok(first?.vnkod);
    await page.locator(`li[data-court="${first.vnkod}"] a`).click();
    await page.getByRole('heading', { level: 1, name: 'Prosecutions' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('court'), first.vnkod);
    await page.getByText(`${casesOf(first.vnkod)} in all`).waitFor();
    assert.equal(await page.getByLabel('Court code').inputValue(), first.vnkod);
    await page.goto(`${base}/operator/captchas`);
    await page.getByRole('heading', { level: 1, name: 'Captcha queue (operator)' }).waitFor();
    await page.getByLabel('Operator token').waitFor();
    await page.close();
  });

  it('courts in Russian: district headings, counts and the abolished mark', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(`${base}/courts`);
    await page.getByRole('heading', { level: 1, name: 'Военные суды' }).waitFor();
    assert.equal(await page.title(), 'Военные суды — otkaz');
    const [court] = courts;
    assert.ok(court?.vnkod);
    const heading = await page
      .locator('section.district', { has: page.locator(`li[data-court="${court.vnkod}"]`) })
      .locator('h2')
      .innerText();
    assert.ok(heading.includes(`Военный округ: ${court.districtName}`), heading);
    assert.match(heading, new RegExp(`дел: ${casesOf(court.vnkod)}\\)`));
    assert.match(await page.locator('main').innerText(), /упразднён или переименован/);
    assert.doesNotMatch(await page.locator('main').innerText(), /abolished|cases:|Military/);
    await page.waitForLoadState('networkidle');
    await axe(page, 'courts-ru');
    await shot(page, 'courts-districts-ru');
    await page.close();
  });

  it('compression: brotli or gzip for the shell, the API, CSV and the assets; caching of the shell and the hashed assets', async () => {
    const shell = await rawGet(`${base}/prosecutions`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(shell.status, 200);
    assert.equal(shell.headers['cache-control'], 'no-cache');
    const html = shell.headers['content-encoding'] === 'br' ? brotliDecompressSync(shell.body).toString() : shell.body.toString();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
    assert.ok(scripts.length >= 2, 'the shell names its script and style');
    for (const asset of scripts) {
      const plain = await rawGet(`${base}${asset}`, {});
      assert.equal(plain.headers['content-encoding'], undefined, `${asset} without Accept-Encoding`);
      assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable', asset);
      const br = await rawGet(`${base}${asset}`, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br', asset);
      assert.match(String(br.headers.vary), /accept-encoding/i);
      assert.deepEqual(brotliDecompressSync(br.body), plain.body, `${asset}: the same bytes`);
      // (A script of a few hundred bytes shrinks less.)
      if (plain.body.length > 4096) assert.ok(br.body.length < plain.body.length / 2, `${asset}: ${br.body.length} of ${plain.body.length} bytes`);
      const gzip = await rawGet(`${base}${asset}`, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip', asset);
      assert.deepEqual(gunzipSync(gzip.body), plain.body);
      const refused = await rawGet(`${base}${asset}`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
      assert.equal(refused.headers['content-encoding'], undefined, `${asset}: neither encoding accepted`);
    }
    // The API's text answers: JSON, CSV, the OpenAPI document, a guidance page.
    for (const url of ['/api/v1/cases?pageSize=50', '/api/v1/cases/export', '/api/openapi.json', '/guidance?lang=en', '/api/v1/courts']) {
      const plain = await rawGet(`${base}${url}`, {});
      assert.equal(plain.status, 200, url);
      assert.equal(plain.headers['content-encoding'], undefined, url);
      const br = await rawGet(`${base}${url}`, { 'accept-encoding': 'br' });
      assert.equal(br.headers['content-encoding'], 'br', url);
      assert.equal(brotliDecompressSync(br.body).toString(), plain.body.toString(), url);
      const gzip = await rawGet(`${base}${url}`, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip', url);
      assert.equal(gunzipSync(gzip.body).toString(), plain.body.toString(), url);
    }
  });

  it('the chart library is fetched only for a chart on screen; JavaScript before the first chart, compressed', async () => {
    /** A new browser context (an empty cache) that counts the scripts it fetches: URL → bytes transferred (compressed, with headers). */
    const counting = async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const urls = new Map<string, string>();
      const scripts = new Map<string, number>();
      cdp.on('Network.responseReceived', (e) => {
        if (e.type === 'Script') urls.set(e.requestId, e.response.url);
      });
      cdp.on('Network.loadingFinished', (e) => {
        const url = urls.get(e.requestId);
        if (url) scripts.set(url, e.encodedDataLength);
      });
      return { context, page, scripts };
    };
    const isChart = (url: string) => /\/Chart-[^/]+\.js$/.test(url);
    // A page without a chart does not fetch the chart library.
    const list = await counting();
    await list.page.goto(`${base}/prosecutions`);
    await list.page.getByText('70 in all').waitFor();
    await list.page.waitForLoadState('networkidle');
    assert.ok(list.scripts.size > 0);
    assert.ok(![...list.scripts.keys()].some(isChart), [...list.scripts.keys()].join(', '));
    await list.context.close();
    // The statistics page's chart is drawn once it is scrolled to, not before (a phone's screen is short).
    const phone = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 300 } });
    const small = await phone.newPage();
    const fetched: string[] = [];
    small.on('request', (r) => void fetched.push(r.url()));
    await small.goto(`${base}/statistics?dest=DEU&from=2021&to=2022`);
    await small.getByRole('cell', { name: '2,850' }).waitFor({ state: 'attached' });
    await small.waitForLoadState('networkidle');
    const chartBox = await small.locator('.chart').first().boundingBox();
    assert.ok(chartBox && chartBox.y > 300 + 200, `the chart's place is below the first screen (at ${chartBox?.y})`);
    assert.ok(!fetched.some(isChart), 'the chart library before the chart is near the screen');
    await small.locator('.chart').first().scrollIntoViewIfNeeded();
    await small.locator('.chart canvas').first().waitFor();
    assert.ok(fetched.some(isChart));
    await phone.close();
    // The overview's chart from an empty cache: the JavaScript transferred until it is drawn.
    const overview = await counting();
    await overview.page.goto(`${base}/`);
    await overview.page.locator('.chart canvas').first().waitFor();
    const total = [...overview.scripts.values()].reduce((n, b) => n + b, 0);
    assert.ok([...overview.scripts.keys()].some(isChart));
    const built = path.resolve('web', 'dist', 'assets');
    const raw = [...overview.scripts.keys()].reduce((n, url) => n + readFileSync(path.join(built, path.basename(new URL(url).pathname))).length, 0);
    process.stdout.write(`# JavaScript before the first chart: ${total} bytes transferred (${raw} bytes uncompressed, ${overview.scripts.size} files)\n`);
    assert.ok(total < raw / 2.5, `${total} bytes transferred for ${raw} bytes of JavaScript`);
    await overview.context.close();
  });

  it('prosecutions: filters, sort and page in the URL; Back from a case and reload keep them', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/prosecutions`);
    await page.getByText('70 in all').waitFor();
    assert.equal(await page.title(), 'Prosecutions — otkaz');
    await page.getByLabel('Sort').selectOption('receipt_date');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/sort=receipt_date/);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2 of 2').waitFor();
    assert.deepEqual(Object.fromEntries(new URL(page.url()).searchParams), { sort: 'receipt_date', page: '2' });
    // Page 2 of the oldest first: the 51st oldest case. (Receipt dates of the generated cases, ties by id.)
    const oldestFirst = [...CASES].sort((a, b) => a.receiptDate.localeCompare(b.receiptDate));
    const firstRow = await page.locator('tbody tr').first().innerText();
    const expectedDate = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${oldestFirst[50]?.receiptDate}T00:00:00Z`),
    );
    assert.ok(firstRow.includes(expectedDate), `${firstRow} has ${expectedDate}`);
    await page.locator('tbody a').first().click();
    await page.getByRole('heading', { level: 1, name: /^Case / }).waitFor();
    assert.match(await page.title(), /^Case .+ — otkaz$/);
    await page.goBack();
    await page.getByText('Page 2 of 2').waitFor();
    assert.equal(await page.getByLabel('Sort').inputValue(), 'receipt_date');
    assert.equal(await page.locator('tbody tr').first().innerText(), firstRow);
    await page.reload();
    await page.getByText('Page 2 of 2').waitFor();
    assert.equal(await page.locator('tbody tr').first().innerText(), firstRow);
    // Back again: page 1, then the unfiltered list.
    await page.goBack();
    await page.getByText('Page 1 of 2').waitFor();
    assert.equal(await page.getByLabel('Sort').inputValue(), 'receipt_date');
    await page.goBack();
    await page.waitForURL(`${base}/prosecutions`);
    assert.equal(await page.getByLabel('Sort').inputValue(), '-receipt_date');
    await axe(page, 'prosecutions-url');
    await page.close();
  });

  it('statistics: the query in the URL, kept on reload and Back', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${base}/statistics`);
    await page.getByLabel('Destinations').fill('DEU');
    await page.getByLabel('From', { exact: true }).fill('2021');
    await page.getByLabel('To', { exact: true }).fill('2022');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('cell', { name: '2,850' }).waitFor();
    const query = Object.fromEntries(new URL(page.url()).searchParams);
    assert.deepEqual(query, { dest: 'DEU', from: '2021', to: '2022' });
    await page.reload();
    await page.getByRole('cell', { name: '2,850' }).waitFor();
    assert.equal(await page.getByLabel('Destinations').inputValue(), 'DEU');
    await page.goBack();
    await page.waitForURL(`${base}/statistics`);
    assert.equal(await page.getByLabel('Destinations').inputValue(), 'DEU,FRA,EU27');
    await page.close();
  });

  it('Download CSV: every row of the filter, a file name, a BOM for Excel when asked', async () => {
    const page = await browser.newPage({ locale: 'en-GB', acceptDownloads: true });
    const [court] = courts;
    assert.ok(court?.vnkod);
    await page.goto(`${base}/prosecutions?court=${court.vnkod}`);
    await page.getByText(`${casesOf(court.vnkod)} in all`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download CSV — all results/ }).click()]);
    assert.match(download.suggestedFilename(), new RegExp(`^otkaz-cases-${court.vnkod}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\n');
    assert.equal(lines[0], 'id,court_vnkod,court_name,case_number,receipt_date,decision_date,articles,defendants,outcome,synthetic,removed_at');
    assert.equal(lines.length - 1, casesOf(court.vnkod));
    assert.ok(!csv.startsWith('\uFEFF'));
    // The whole list (70, more than a page): every case once.
    await page.goto(`${base}/prosecutions`);
    await page.getByText('70 in all').waitFor();
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'for Excel' }).click()]);
    const bytes = readFileSync(await all.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark');
    const rows = bytes.toString('utf8').slice(1).trimEnd().split('\n').slice(1);
    assert.equal(rows.length, 70);
    assert.equal(new Set(rows.map((r) => r.split(',')[0])).size, 70);
    await page.close();
  });

  it('case page as evidence: judicial UID, sentence, clickable source URL and a citation line, in both languages', async () => {
    // A convicted case with a real term (no probation) among the generated ones, found through the API by its number.
    const generated = CASES.find((c) => c.termMonths !== null && c.probationMonths === null && c.outcome === 'imprisonment');
    assert.ok(generated, 'a prison term among the generated cases');
    const page = await browser.newPage({ locale: 'en-GB' });
    const list = (await (await page.request.get(`${base}/api/v1/cases?court=${generated.courtVnkod}&pageSize=200`)).json()) as {
      rows: Array<{ id: number; case_number: string | null }>;
    };
    const row = list.rows.find((r) => r.case_number === generated.caseNumber);
    assert.ok(row, generated.caseNumber);
    await page.goto(`${base}/cases/${row.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Case ${generated.caseNumber.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`) }).waitFor();
    const details = await page.locator('main dl').innerText();
    assert.match(details, new RegExp(`Judicial UID\\s+${generated.judicialUid}`));
    const link = page.locator('main dl a.source-url');
    const href = await link.getAttribute('href');
    assert.ok(href?.startsWith('https://') && href.includes(`case_id=${generated.caseId}`), String(href));
    assert.equal(await link.getAttribute('rel'), 'noreferrer noopener');
    assert.match(await page.locator('main').innerText(), new RegExp(`sentence: [^\\n]*${generated.termMonths} months`));
    const sha = (await page.locator('main table code').first().innerText()).trim();
    const citation = await page.getByTestId('citation').innerText();
    const court = await page.locator('main dl dd').first().innerText();
    assert.equal(citation, `Case No ${generated.caseNumber}, ${court}, card captured on 2026-04-20 10:00 UTC, sha256 ${sha}`);
    assert.match(await page.title(), new RegExp(`^Case ${generated.caseNumber.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} — otkaz$`));
    await axe(page, 'case-evidence');
    await shot(page, 'case-evidence');
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { level: 1, name: /^Дело / }).waitFor();
    assert.match(await page.getByTestId('citation').innerText(), new RegExp(`^Дело № .+, карточка сохранена 2026-04-20 10:00 UTC, sha256 ${sha}$`));
    assert.match(await page.locator('main dl').innerText(), /Уникальный идентификатор дела/);
    assert.match(await page.locator('main').innerText(), new RegExp(`наказание: [^\\n]*${generated.termMonths} мес\\.`));
    await axe(page, 'case-evidence-ru');
    await shot(page, 'case-evidence-ru');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.close();
  });

  it("route checker: the person's answers are posted, never in the URL, the history or a link of the answer page", async () => {
    for (const [lang, status, check, heading] of [
      ['en', 'deserter', 'Check', 'Destinations'],
      ['ru', 'дезертир', 'Проверить', 'Страны'],
    ] as const) {
      const page = await browser.newPage({ locale: lang === 'ru' ? 'ru-RU' : 'en-GB' });
      await page.goto(`${base}/guidance?lang=${lang}`);
      const posted: Array<{ method: string; url: string; body: string | null }> = [];
      page.on('request', (r) => {
        if (r.isNavigationRequest()) posted.push({ method: r.method(), url: r.url(), body: r.postData() });
      });
      await page.locator('select[name=status]').selectOption({ label: status });
      await page.locator('input[name=case]').check();
      await page.getByRole('button', { name: check }).click();
      await page.waitForLoadState('load');
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      assert.equal(page.url(), `${base}/guidance/route`, 'no answer in the URL');
      const [sent] = posted;
      assert.equal(sent?.method, 'POST');
      assert.match(sent?.body ?? '', /status=deserter/);
      assert.match(sent?.body ?? '', /case=1/);
      // Nothing on the answer page links to the answers (the language switch goes to /guidance).
      const hrefs = (await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) as string[];
      assert.ok(!hrefs.some((h) => /[?&](status|case|documents|location)=/.test(h)), hrefs.filter((h) => h.includes('=')).join(' '));
      // The form shows what was asked, for a second question.
      assert.equal(await page.locator('select[name=status]').inputValue(), 'deserter');
      await page.goBack();
      await page.waitForURL(`${base}/guidance?lang=${lang}`);
      await axe(page, `guidance-form-${lang}`);
      await page.close();
    }
  });

  it('an unknown page: an HTML 404 page for a browser in both languages, JSON for the API and for Accept: application/json; the favicon', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const response = await page.goto(`${base}/no-such-page`);
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    assert.equal(await page.title(), 'Page not found — otkaz');
    await page.getByRole('navigation', { name: 'main' }).waitFor();
    await axe(page, 'not-found');
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { level: 1, name: 'Страница не найдена' }).waitFor();
    assert.equal(await page.title(), 'Страница не найдена — otkaz');
    await shot(page, 'not-found-ru');
    await page.getByRole('button', { name: 'EN' }).click();
    const json = await rawGet(`${base}/no-such-page`, { accept: 'application/json' });
    assert.equal(json.status, 404);
    assert.match(String(json.headers['content-type']), /^application\/problem\+json/);
    const api = await rawGet(`${base}/api/v1/no-such-route`, { accept: 'text/html,application/xhtml+xml' });
    assert.equal(api.status, 404);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
    assert.equal((JSON.parse(api.body.toString()) as { code: string }).code, 'api.not_found');
    const icon = await page.evaluate('document.querySelector("link[rel=icon]")?.getAttribute("href")');
    assert.equal(icon, '/favicon.svg');
    const svg = await rawGet(`${base}/favicon.svg`, {});
    assert.equal(svg.status, 200);
    assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
    assert.match(svg.body.toString(), /^<svg /);
    await page.close();
  });
});
