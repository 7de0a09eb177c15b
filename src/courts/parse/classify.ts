import { LAYOUT_PROFILES, LAYOUTS_BY_DETECTION } from '../layouts.ts';
import { $, type Document, text } from './dom.ts';
import type { Layout, PageKind } from './types.ts';

export interface Classification {
  kind: PageKind;
  layout: Layout | null;
  /** Short reason, e.g. the block message; never personal data. */
  detail: string | null;
}

export interface HttpMeta {
  status?: number | null;
}

const GEO_BLOCK = /заблокирован\S*\s+по\s+соображениям\s+безопасности\s*\(G\)/i;
const WAF_BLOCK = /запрос\s+некорректен.*\(B\)|заблокирован\S*\s+по\s+соображениям\s+безопасности\s*\(B\)/i;
const THROTTLE = /Информация\s+временно\s+недоступна/i;
const PHP_ERROR = /<b>(?:Notice|Warning|Fatal error|Parse error)<\/b>:|Call to a member function .* on a non-object|pg_query\(\)|pg_connect\(\)/i;
const EMPTY = /Данных\s+по\s+запросу\s+не\s+обнаружено/i;
const COUNTER = /Всего\s+по\s+запросу\s+найдено/i;

export function detectLayout(doc: Document): Layout | null {
  return LAYOUTS_BY_DETECTION.find((layout) => $(LAYOUT_PROFILES[layout].marker, doc)) ?? null;
}

/**
 * Decides what a court response is, before anything is parsed as data. Order follows
 * docs/sudrf-protocol §10: HTTP status, blocks, captcha, throttle, PHP errors, then data pages.
 * Only 'case_list' and 'case_card' are data.
 */
export function classifyPage(html: string, doc: Document, meta: HttpMeta = {}): Classification {
  const status = meta.status ?? null;
  const layout = detectLayout(doc);
  const bodyText = () => text($('body', doc) ?? doc);
  if (status === 429) return { kind: 'rate_limited', layout, detail: 'HTTP 429' };
  if (GEO_BLOCK.test(html)) return { kind: 'geo_block', layout: null, detail: 'geo-block (G)' };
  if (WAF_BLOCK.test(html) || status === 403) return { kind: 'waf_block', layout: null, detail: status === 403 ? 'HTTP 403' : 'WAF (B)' };
  if (status !== null && status >= 400) return { kind: 'http_error', layout, detail: `HTTP ${status}` };
  const error = $('div#error', doc);
  if (error && /проверочн\S*\s+код/i.test(text(error))) return { kind: 'captcha_wrong', layout, detail: text(error).split('\n')[0] ?? null };
  if ($('input[name=captcha], input[name=captchaid]', doc)) return { kind: 'captcha_form', layout, detail: null };
  const content = $('#modSdpContent', doc);
  if (THROTTLE.test(html) && (!content || THROTTLE.test(text(content)))) return { kind: 'throttled', layout: null, detail: 'Информация временно недоступна' };
  if (PHP_ERROR.test(html)) return { kind: 'php_error', layout, detail: null };
  if (COUNTER.test(html) && $('#resultTable table, table#tablcont', doc)) return { kind: 'case_list', layout, detail: null };
  if ($('div.casenumber, div.case-num', doc)) return { kind: 'case_card', layout, detail: null };
  if (EMPTY.test(html)) return { kind: 'empty_result', layout, detail: 'Данных по запросу не обнаружено' };
  if ($('form#calform, form[name=form_search]', doc) && content) return { kind: 'search_form', layout, detail: null };
  if (!content && THROTTLE.test(bodyText())) return { kind: 'throttled', layout: null, detail: 'Информация временно недоступна' };
  return { kind: 'unknown', layout, detail: null };
}
