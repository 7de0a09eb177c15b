import { type LayoutProfile, paramNames } from '../layouts.ts';
import type { CaseIds } from './types.ts';

/** 'dd.mm.yyyy' somewhere in the text → 'yyyy-mm-dd' (validated), else null. */
export function parseRuDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(value);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Query parameters of a (possibly relative, possibly cp1251-encoded) link, names lower-cased. */
export function queryParams(href: string): Map<string, string> {
  const out = new Map<string, string>();
  const query = href.includes('?') ? (href.slice(href.indexOf('?') + 1).split('#')[0] ?? '') : '';
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
    const raw = eq < 0 ? '' : pair.slice(eq + 1);
    let value = raw;
    try {
      value = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      /* cp1251 percent-escapes are not UTF-8: keep them raw */
    }
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

/** Case ids from a card link or card URL, classic (case_id, case_uid, delo_id, new) or new layout (_id, _uid, _deloId, _new). */
export function caseIdsFromUrl(href: string | null | undefined): CaseIds {
  const params = href ? queryParams(href) : new Map<string, string>();
  const uid = layoutParam(params, 'caseUid', true);
  return {
    caseId: layoutParam(params, 'caseId', true),
    caseUid: uid ? uid.toLowerCase() : null,
    deloId: layoutParam(params, 'deloId', true),
    newCode: layoutParam(params, 'newCode', true),
  };
}

/** A parameter's value under the first of its layouts' names that the query holds (and, with `nonEmpty`, not empty). */
export function layoutParam(params: Map<string, string>, param: keyof LayoutProfile['params'], nonEmpty = false): string | null {
  for (const name of paramNames(param)) {
    const value = params.get(name);
    if (value !== undefined && (value || !nonEmpty)) return value;
  }
  return null;
}

/** Resolves a link against the page URL; keeps the query's percent-escapes untouched. */
export function absoluteUrl(href: string, base: string | null): string {
  const cleaned = href.trim();
  if (!base) return cleaned;
  try {
    return new URL(cleaned, base).toString();
  } catch {
    return cleaned;
  }
}

const VNKOD = /fromOa=(\d{2}[A-Z]{2}\d{4})/;
const VNKOD_PARAM = /[?&]vnkod=(\d{2}[A-Z]{2}\d{4})/i;

/** The page's own court code: every sudrf page links to ej.sudrf.ru/?fromOa=<VNKOD>. */
export function courtVnkodFromHtml(html: string): string | null {
  return VNKOD.exec(html)?.[1] ?? VNKOD_PARAM.exec(html)?.[1]?.toUpperCase() ?? null;
}

export const JUDICIAL_UID = /\b(\d{2}[A-Z]{2}\d{4}-0[1-9]-(?:19|20)\d{2}-\d{6}-\d{2})\b/;

/**
 * The court's name as the page's header writes it (`.heading_title`, e.g. "Ленинский районный суд г. Уфы
 * Республики Башкортостан"), else the page title; null when neither names a court.
 */
export function courtNameFromHtml(html: string): string | null {
  // indexOf, not a regular expression over the whole page: scanning every attribute of a 300 kB page costs a
  // tenth of the card parse. The page title is looked for only when the header names no court.
  const at = html.indexOf('heading_title');
  const heading = courtName(at < 0 ? undefined : /^[^"]*"[^>]*>([^<]+)</.exec(html.slice(at, at + 400))?.[1]);
  if (heading) return heading;
  const titleAt = html.indexOf('<title>');
  return courtName(titleAt < 0 ? undefined : /^<title>([^<]+)<\/title>/.exec(html.slice(titleAt, titleAt + 400))?.[1]);
}

function courtName(raw: string | undefined): string | null {
  const name = decodeEntities(raw ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return /(^|[^а-яё])суд([^а-яё]|$)|судебн\S*\s+участ/i.test(name) && name.length <= 200 ? name : null;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&laquo;/g, '«')
    .replace(/&raquo;/g, '»')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
