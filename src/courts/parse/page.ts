import { SYNTHETIC_MARKER } from '../marker.ts';
import { parseCaptchaForm } from './captcha.ts';
import { parseCaseCard } from './card.ts';
import { classifyPage, type HttpMeta } from './classify.ts';
import { decodePage } from './decode.ts';
import { $, parseHtml, text } from './dom.ts';
import { courtNameFromHtml, courtVnkodFromHtml } from './fields.ts';
import { parseCaseList } from './list.ts';
import { actTypeFromText } from './outcome.ts';
import type { ParsedPage } from './types.ts';

/** How an 'unknown' page says its parser failed (detail starts with this). */
export const PARSER_ERROR = 'parser error: ';

/** True when the parser failed on the page (rather than the page being something it does not know). */
export function isParserError(page: ParsedPage): boolean {
  return page.kind === 'unknown' && (page.detail ?? '').startsWith(PARSER_ERROR);
}

export interface PageInput {
  bytes: Uint8Array;
  url?: string | null;
  status?: number | null;
  contentType?: string | null;
}

/**
 * The court-module part of a page: from the element holding `modSdpContent` to the end. Everything a parser
 * reads is inside it; the site chrome before it (two thirds of a page) is not built into a DOM. Pages
 * without the module (throttle pages, foreign pages) are read whole.
 */
export function moduleRegion(html: string): string {
  const marker = html.indexOf('modSdpContent');
  if (marker < 0) return html;
  const start = html.lastIndexOf('<', marker);
  return start < 0 ? html : html.slice(start);
}

/**
 * The parser pipeline for one court response: bytes → text → DOM → classification → typed record.
 * Pure: no I/O, no clock. Never throws on any input; what it cannot read becomes kind 'unknown' (an internal
 * failure of the parser too: `isParserError` tells it apart).
 */
export function parsePage(input: PageInput): ParsedPage {
  const seen = { html: '' };
  try {
    return readPage(input, seen);
  } catch (error) {
    return {
      kind: 'unknown',
      layout: null,
      courtVnkod: null,
      detail: `${PARSER_ERROR}${(error as Error).message}`,
      synthetic: seen.html.includes(SYNTHETIC_MARKER),
    };
  }
}

/**
 * `parsePage` without the safety net: an internal failure of the parser is thrown, with its stack, instead of
 * becoming kind 'unknown'. For tests and fuzzing, which must see a crash as one.
 */
export function parsePageStrict(input: PageInput): ParsedPage {
  return readPage(input, { html: '' });
}

/** A media type that is not HTML (nor a body that looks like HTML under a vague one): not a court page. */
export function isRequisite(contentType: string | null | undefined, bytes: Uint8Array): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || type === 'text/html' || type === 'application/xhtml+xml') return false;
  if (type === 'text/plain' || type === 'application/octet-stream') {
    const start = Buffer.from(bytes.subarray(0, 512))
      .toString('latin1')
      .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
      .trimStart();
    return !start.startsWith('<');
  }
  return true;
}

function readPage(input: PageInput, seen: { html: string }): ParsedPage {
  const url = input.url ?? null;
  if (input.status !== null && input.status !== undefined && input.status >= 300 && input.status < 400)
    return { kind: 'redirect', layout: null, courtVnkod: null, detail: `HTTP ${input.status}`, synthetic: false };
  if (isRequisite(input.contentType, input.bytes)) return { kind: 'requisite', layout: null, courtVnkod: null, detail: null, synthetic: false };
  const html = decodePage(input.bytes, input.contentType).text;
  seen.html = html;
  const region = moduleRegion(html);
  const doc = parseHtml(region);
  const meta: HttpMeta = { status: input.status ?? null };
  const c = classifyPage(region, doc, meta);
  const synthetic = html.includes(SYNTHETIC_MARKER);
  const courtVnkod = courtVnkodFromHtml(html);
  if (c.kind === 'case_list' && c.layout)
    return { kind: 'case_list', layout: c.layout, list: parseCaseList(region, doc, c.layout, url, courtVnkod, courtNameFromHtml(html)), synthetic };
  if (c.kind === 'case_card' && c.layout)
    return { kind: 'case_card', layout: c.layout, card: parseCaseCard(doc, c.layout, url, courtVnkod, courtNameFromHtml(html)), synthetic };
  if (c.kind === 'unknown' && url && /[?&]name_op=doc(&|$)/.test(url)) {
    // An act text (name_op=doc): the depersonalised text in div#content; "ПУСТОЙ ДОКУМЕНТ" when there is none.
    const body = text($('div#content', doc) ?? $('#modSdpContent', doc));
    if (body && !/^ПУСТОЙ ДОКУМЕНТ$/i.test(body.trim())) return { kind: 'act_text', layout: c.layout, courtVnkod, detail: null, text: body, synthetic };
    return { kind: 'empty_result', layout: c.layout, courtVnkod, detail: 'ПУСТОЙ ДОКУМЕНТ', synthetic };
  }
  if (c.kind === 'unknown' && (!url || !/^https?:/i.test(url))) {
    // An act text saved without its URL (none, or a file's name): recognised by its content (an act's heading and
    // its operative part). A page with a court URL is what its URL says.
    const body = text($('div#content', doc) ?? $('#modSdpContent', doc) ?? $('body', doc) ?? doc);
    if (looksLikeActText(body)) return { kind: 'act_text', layout: c.layout, courtVnkod, detail: 'recognised by content', text: body, synthetic };
  }
  if (c.kind === 'captcha_form') return { kind: 'captcha_form', layout: c.layout, courtVnkod, detail: c.detail, captcha: parseCaptchaForm(doc), synthetic };
  return {
    kind: c.kind === 'case_list' || c.kind === 'case_card' || c.kind === 'act_text' ? 'unknown' : c.kind,
    layout: c.layout,
    courtVnkod,
    detail: c.detail,
    synthetic,
  };
}

const RESOLUTION =
  /П\s?О\s?С\s?Т\s?А\s?Н\s?О\s?В\s?И\s?Л|П\s?Р\s?И\s?Г\s?О\s?В\s?О\s?Р\s?И\s?Л|О\s?П\s?Р\s?Е\s?Д\s?Е\s?Л\s?И\s?Л|Р\s?Е\s?Ш\s?И\s?Л|У\s?С\s?Т\s?А\s?Н\s?О\s?В\s?И\s?Л/;

/**
 * True for the text of a court act: one of its first lines is the act's heading (ПРИГОВОР, ПОСТАНОВЛЕНИЕ,
 * ОПРЕДЕЛЕНИЕ, РЕШЕНИЕ) and the text has an operative or establishing part (ПОСТАНОВИЛ, ПРИГОВОРИЛ, ОПРЕДЕЛИЛ,
 * РЕШИЛ, УСТАНОВИЛ). A news page that merely mentions a judgment has neither as lines of their own.
 */
export function looksLikeActText(body: string): boolean {
  return actTypeFromText(body) !== null && RESOLUTION.test(body);
}
