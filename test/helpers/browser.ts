// The browser tests' shared set-up: Debian's Chromium (no browser downloads), launched headless with the flags
// that keep it off the network, and the accessibility check (axe-core: serious and critical violations fail).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { type Browser, chromium, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const ARTIFACTS = path.resolve('test-artifacts');
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium; `localhost` resolved to 127.0.0.1 when asked (passkeys need the name localhost). */
export async function launchChromium(options: { mapLocalhost?: boolean } = {}): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), 'the browser tests need Debian chromium at /usr/bin/chromium');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.mapLocalhost ? ['--host-resolver-rules=MAP localhost 127.0.0.1'] : []),
    ],
  });
}

/** Fails on serious or critical axe-core violations of the page as it is now. */
export async function axe(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
  )) as Array<{ id: string; impact: string; nodes: number }>;
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${name}: axe violations ${JSON.stringify(serious)}`);
}

/**
 * A member's first sign-in in the web app: the one-time password, a new one (`newPassword`), a TOTP enrolled and
 * confirmed, the recovery codes acknowledged — until the list of client files shows.
 */
export async function firstSignIn(page: Page, base: string, email: string, password: string, newPassword: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  const secretText = page.getByTestId('totp-secret');
  await secretText.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (the text as shown), not a DOM node's
  await page.getByLabel('Code from the app').fill(TOTP.generate({ secret: Secret.fromBase32((await secretText.innerText()).trim()) }));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByLabel('I have saved them').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Client files' }).waitFor();
}
