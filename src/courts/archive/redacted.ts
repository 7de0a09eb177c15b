/**
 * The public's view of an archived capture: the parsed page with persons' names reduced to initials (the
 * redactor, `redactParsed`), stating the sha256 of the original bytes, the URL and the time of retrieval — and that it
 * is a redacted rendering, not the evidence (the bytes themselves are at the `evidence` access level). Its HTML page
 * is src/api/redacted.ts.
 */
import { publicUrl } from '../../privacy/urls.ts';
import { parsePage } from '../parse/page.ts';
import { redactParsed } from '../parse/redact.ts';
import type { ParsedPage } from '../parse/types.ts';

export interface CaptureMeta {
  id: number;
  url: string | null;
  retrieved_at: string | null;
  http_status: number | null;
  sha256: string;
  content_type: string | null;
  synthetic: boolean;
}

export const REDACTED_NOTICE = {
  en: "A redacted rendering of an archived capture, not the evidence: the page as otkaz parsed it, with persons' names reduced to initials. The evidence is the capture's original bytes, identified by their sha256; they are served to holders of a read or operator token (raw capture, WARC).",
  ru: 'Обезличенное представление архивной копии страницы, а не доказательство: страница в разборе otkaz, имена лиц сокращены до инициалов. Доказательство — исходные байты копии, которые определяет их sha256; их получают владельцы токена чтения или оператора (исходная копия, WARC).',
} as const;

export interface RedactedCapture {
  redacted: true;
  notice: string;
  capture: CaptureMeta;
  page: unknown;
}

/** The parsed page as the public may see it: only what the redactor has passed, and nothing of other page kinds' text. */
function publicPage(parsed: ParsedPage): unknown {
  const page = redactParsed(parsed);
  if (page.kind === 'case_card' || page.kind === 'case_list') return page;
  if (page.kind === 'act_text') {
    return { kind: page.kind, layout: page.layout, courtVnkod: page.courtVnkod, text: page.text, synthetic: page.synthetic };
  }
  // Captchas, throttle and error pages: what they are, not what they say (an unknown page's detail may quote it).
  return { kind: page.kind, layout: page.layout, courtVnkod: page.courtVnkod, detail: page.kind === 'unknown' ? null : page.detail, synthetic: page.synthetic };
}

export function redactedCapture(capture: CaptureMeta, body: Uint8Array): RedactedCapture {
  const parsed = parsePage({ bytes: body, url: capture.url, status: capture.http_status, contentType: capture.content_type });
  return { redacted: true, notice: REDACTED_NOTICE.en, capture: { ...capture, url: publicUrl(capture.url) }, page: withPublicLinks(publicPage(parsed)) };
}

/** Links inside the parsed page (list rows' case links, act links) shown like the capture's own URL. */
function withPublicLinks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withPublicLinks);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, (/url$/i.test(key) || key === 'href') && typeof v === 'string' ? publicUrl(v) : withPublicLinks(v)]),
  );
}
