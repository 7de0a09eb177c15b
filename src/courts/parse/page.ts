import { classifyPage, type HttpMeta } from './classify.ts';
import { decodePage } from './decode.ts';
import { parseHtml } from './dom.ts';
import { courtVnkodFromHtml } from './fields.ts';
import { parseCaseCard } from './card.ts';
import { parseCaseList } from './list.ts';
import type { ParsedPage } from './types.ts';

export interface PageInput {
  bytes: Uint8Array;
  url?: string | null;
  status?: number | null;
  contentType?: string | null;
}

/**
 * The parser pipeline for one court response: bytes → text → DOM → classification → typed record.
 * Pure: no I/O, no clock. Never throws on any input; what it cannot read becomes kind 'unknown'.
 */
export function parsePage(input: PageInput): ParsedPage {
  const url = input.url ?? null;
  let html = '';
  try {
    html = decodePage(input.bytes, input.contentType).text;
    const doc = parseHtml(html);
    const meta: HttpMeta = { status: input.status ?? null };
    const c = classifyPage(html, doc, meta);
    if (c.kind === 'case_list' && c.layout) return { kind: 'case_list', layout: c.layout, list: parseCaseList(html, doc, c.layout, url) };
    if (c.kind === 'case_card' && c.layout) return { kind: 'case_card', layout: c.layout, card: parseCaseCard(html, doc, c.layout, url) };
    return { kind: c.kind === 'case_list' || c.kind === 'case_card' ? 'unknown' : c.kind, layout: c.layout, courtVnkod: courtVnkodFromHtml(html), detail: c.detail };
  } catch (error) {
    return { kind: 'unknown', layout: null, courtVnkod: null, detail: `parser error: ${(error as Error).message}` };
  }
}
