// The browser tests' shared set-up: Debian's Chromium (no browser downloads), launched headless with the flags
// that keep it off the network, and the accessibility check (axe-core: serious and critical violations fail).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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
