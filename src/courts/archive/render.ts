/**
 * Captured pages rendered to PDF by headless Chromium (driven by playwright-core; no browser is downloaded), for an
 * evidence packet: something a judge or a translator can read and print. The rendering is made offline from the
 * stored bytes alone: the page is served to the browser from memory under an address that cannot resolve
 * (`.invalid`), every other request it makes (images, styles, frames, a refresh) is refused before it leaves, the
 * host resolver maps every name to nothing, and scripts are off. So what is rendered is the capture, never the
 * court's site as it is today, and a page cannot call out while it is read. Each page of the PDF carries a banner:
 * the URL as captured, the capture time (UTC), the sha256 of the bytes and the time stamp, when there is one.
 *
 * The PDF is a reading copy; the evidence is the bytes (the WARC, and the capture's file of the packet).
 */
import { existsSync } from 'node:fs';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';

/** Where Chromium is looked for when OTKAZ_CHROMIUM is not set (Debian's package, then other usual names). */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export interface RenderStamp {
  genTime: string;
  tsaUrl: string;
  serial: string;
}

export interface RenderCapture {
  id: number;
  url: string | null;
  retrievedAt: string | null;
  sha256: string;
  contentType: string | null;
  httpStatus: number | null;
  synthetic: boolean;
  body: Uint8Array;
  /** The capture's first time stamp, if any. */
  stamp: RenderStamp | null;
}

export interface RenderContext {
  /** The case as the banner names it, e.g. "case 1-23/2026, Garrison military court". */
  caseLabel: string;
}

/** The Chromium to run: the configured one (it must exist), else the first usual one found; a coded error without. */
export function findChromium(configured: string | undefined): string {
  if (configured) {
    if (!existsSync(configured))
      throw new OtkazError(ErrorCode.BrowserMissing, 'no Chromium at the configured path: install chromium or correct the setting', {
        where: `OTKAZ_CHROMIUM=${configured}`,
      });
    return configured;
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found)
    throw new OtkazError(
      ErrorCode.BrowserMissing,
      `no Chromium found to render the captures to PDF (looked for ${CHROMIUM_CANDIDATES.join(', ')}): install chromium (Debian: apt install chromium) or set OTKAZ_CHROMIUM`,
      { where: 'OTKAZ_CHROMIUM' },
    );
  return found;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The capture time as the banner says it: `2026-04-20 10:00:00 UTC`. */
export function utcText(iso: string | null): string {
  if (!iso) return 'unknown';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The banner's lines (plain text): what every page of a capture's PDF says about where its content came from. */
export function bannerLines(capture: RenderCapture, context: RenderContext): string[] {
  return [
    `otkaz evidence packet: ${context.caseLabel}, capture #${capture.id}${capture.synthetic ? ' [SYNTHETIC: not a real court record]' : ''}`,
    `URL: ${capture.url ?? 'unknown'}`,
    `Captured: ${utcText(capture.retrievedAt)}${capture.httpStatus !== null ? `, HTTP ${capture.httpStatus}` : ''}`,
    `SHA-256: ${capture.sha256}`,
    capture.stamp
      ? `Time stamp (RFC 3161): ${utcText(capture.stamp.genTime)} by ${capture.stamp.tsaUrl}, serial ${capture.stamp.serial}`
      : 'Time stamp (RFC 3161): none yet',
    'Rendered offline from the captured bytes (scripts off, no network): a reading copy; the evidence is the bytes.',
  ];
}

function headerTemplate(lines: string[]): string {
  const rows = lines.map((line) => `<div style="overflow-wrap:anywhere;word-break:break-all">${escapeHtml(line)}</div>`).join('');
  return `<div style="font-family:sans-serif;font-size:7.5px;line-height:1.3;width:100%;margin:0 10mm;padding-bottom:2mm;border-bottom:0.5px solid #000;color:#000">${rows}</div>`;
}

const FOOTER =
  '<div style="font-family:sans-serif;font-size:7.5px;width:100%;text-align:center;color:#000"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

const isHtml = (contentType: string | null): boolean => {
  const type = (contentType ?? 'text/html').split(';')[0]?.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
};

/** What is shown for a capture that is not a page (an image, a file): the banner says the rest; the bytes are in the WARC. */
function notAPage(capture: RenderCapture): Uint8Array {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>capture #${capture.id}</title></head><body style="font-family:sans-serif">
<p>Capture #${capture.id} is not an HTML page (${escapeHtml(capture.contentType ?? 'no content type')}, ${capture.body.byteLength} bytes): it is not rendered here.
Its bytes are in the packet's WARC and capture file.</p></body></html>`;
  return new TextEncoder().encode(html);
}

/**
 * Renders each capture to a PDF (A4, the banner on every page), one offline page at a time in one Chromium.
 * Returns the PDFs by capture id.
 */
export async function renderCapturesPdf(captures: readonly RenderCapture[], context: RenderContext, chromiumPath: string): Promise<Map<number, Uint8Array>> {
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      // Chromium's sandbox stays on, as it should for third-party pages, unless otkaz runs as root (a container),
      // where Chromium does not start with it.
      chromiumSandbox: process.getuid?.() !== 0,
      args: [
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--dns-prefetch-disable',
        // No name resolves: should anything slip past the request interception, it cannot reach a server by name.
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ],
    });
  } catch (error) {
    throw new OtkazError(ErrorCode.BrowserMissing, `Chromium did not start: ${(error as Error).message.split('\n')[0]}`, { where: chromiumPath, cause: error });
  }
  const out = new Map<number, Uint8Array>();
  try {
    for (const capture of captures) {
      const context_ = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, offline: false });
      try {
        const address = `https://capture-${capture.id}.otkaz.invalid/`;
        const html = isHtml(capture.contentType);
        const body = html ? capture.body : notAPage(capture);
        const contentType = html ? (capture.contentType ?? 'text/html') : 'text/html; charset=utf-8';
        // The page once; anything after it — its resources, a refresh, a link — is refused before it leaves.
        let served = false;
        await context_.route('**/*', async (route) => {
          const request = route.request();
          if (!served && request.url() === address && request.isNavigationRequest()) {
            served = true;
            await route.fulfill({ status: 200, headers: { 'content-type': contentType }, body: Buffer.from(body) });
          } else {
            await route.abort('blockedbyclient');
          }
        });
        const page = await context_.newPage();
        await page.goto(address, { waitUntil: 'load', timeout: 30_000 });
        await page.emulateMedia({ media: 'screen' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: headerTemplate(bannerLines(capture, context)),
          footerTemplate: FOOTER,
          margin: { top: '34mm', bottom: '14mm', left: '10mm', right: '10mm' },
        });
        out.set(capture.id, new Uint8Array(pdf));
      } catch (error) {
        if (error instanceof OtkazError) throw error;
        throw new OtkazError(ErrorCode.RenderFailed, `capture #${capture.id} could not be rendered to PDF: ${(error as Error).message.split('\n')[0]}`, {
          where: `capture ${capture.id}`,
          cause: error,
        });
      } finally {
        await context_.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}
