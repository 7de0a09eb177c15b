import { type DateAxis, LAYOUT_PROFILES, type Layout, type ProceedingCodes, type QueryPairs } from '../courts/layouts.ts';
import { encodeCp1251Component } from '../courts/parse/decode.ts';

/**
 * URL builders for sudrf court sites (docs: shared/docs/sudrf-protocol.md §5, §9). Query values are
 * percent-encoded from windows-1251 bytes, the classic search always carries `Submit=Найти`, and `vnkod` is
 * sent only with a real court code (an empty `vnkod=` returns the search form instead of results).
 */
export type Proceeding = 'criminal_first' | 'criminal_appeal' | 'criminal_cassation';
export type { DateAxis };
export const DATE_AXES = ['receipt', 'decision', 'publication', 'validity'] as const satisfies readonly DateAxis[];

interface ProceedingInfo {
  /** The classic layout's table, e.g. 'u1_case'. */
  table: string;
  /** The (delo id, new) pair each layout writes. */
  codes: Record<Layout, ProceedingCodes>;
}

export const PROCEEDINGS: Record<Proceeding, ProceedingInfo> = {
  criminal_first: { table: 'u1_case', codes: { classic: { deloId: '1540006', newCode: '0' }, new: { deloId: '1540006', newCode: '0' } } },
  // Reported codes; verify live on an okrug military court before relying on them (protocol §5).
  criminal_appeal: { table: 'u2_case', codes: { classic: { deloId: '4', newCode: '4' }, new: { deloId: '1540006', newCode: '4' } } },
  criminal_cassation: { table: 'u33_case', codes: { classic: { deloId: '2450001', newCode: '2450001' }, new: { deloId: '2450001', newCode: '2450001' } } },
};

export interface ListQuery {
  host: string;
  layout: Layout;
  vnkod?: string | null;
  proceeding?: Proceeding;
  /** Article, optionally with part: '337' or '337 ч.5'. Substring match on the site: post-filter the results. */
  article?: string | null;
  axis?: DateAxis;
  /** ISO dates, inclusive. */
  from?: string | null;
  to?: string | null;
  page?: number;
  captcha?: { answer: string; captchaId: string } | null;
}

const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function build(host: string, pairs: QueryPairs): string {
  const query = pairs
    .filter((pair): pair is [string, string] => pair[1] !== null && pair[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeCp1251Component(value)}`)
    .join('&');
  return `https://${host}/modules.php?${query}`;
}

/** A result list: by article and a date window, one page. */
export function listUrl(q: ListQuery): string {
  const p = PROCEEDINGS[q.proceeding ?? 'criminal_first'];
  const captcha: QueryPairs = q.captcha
    ? [
        ['captcha', q.captcha.answer],
        ['captchaid', q.captcha.captchaId],
      ]
    : [];
  const pairs = LAYOUT_PROFILES[q.layout].urls.list({
    codes: p.codes[q.layout],
    table: p.table,
    page: String(q.page ?? 1),
    vnkod: q.vnkod || null,
    axis: q.axis ?? 'receipt',
    from: q.from ? ru(q.from) : null,
    to: q.to ? ru(q.to) : null,
    article: q.article ?? null,
  });
  return build(q.host, [...pairs, ...captcha]);
}

export interface CardRef {
  host: string;
  layout: Layout;
  caseId: string;
  caseUid: string;
  proceeding?: Proceeding;
}

/** A case card. */
export function cardUrl(c: CardRef): string {
  const p = PROCEEDINGS[c.proceeding ?? 'criminal_first'];
  return build(c.host, LAYOUT_PROFILES[c.layout].urls.card(p.codes[c.layout], c.caseId, c.caseUid));
}

/** The text of an act (classic layout; the new layout shows acts inside the card with `_doc=1`). */
export function actUrl(host: string, documentNumber: string, proceeding: Proceeding = 'criminal_first', textNumber = 1): string {
  const p = PROCEEDINGS[proceeding].codes.classic;
  return build(host, [
    ['name', 'sud_delo'],
    ['srv_num', '1'],
    ['name_op', 'doc'],
    ['number', documentNumber],
    ['delo_id', p.deloId],
    ['new', p.newCode],
    ['text_number', String(textNumber)],
  ]);
}

/** Cases listed for hearing on one day (needs no captcha). */
export function docketUrl(host: string, dateIso: string): string {
  return build(host, [
    ['name', 'sud_delo'],
    ['srv_num', '1'],
    ['H_date', ru(dateIso)],
  ]);
}

/** Every case sharing one judicial UID. */
export function judicialUidUrl(host: string, layout: Layout, uid: string, vnkod: string, proceeding: Proceeding = 'criminal_first'): string {
  return build(host, LAYOUT_PROFILES[layout].urls.judicialUid(PROCEEDINGS[proceeding].codes[layout], uid, vnkod));
}

/** The search form (where a captcha court shows its image). */
export function searchFormUrl(host: string, layout: Layout, proceeding: Proceeding = 'criminal_first'): string {
  return build(host, LAYOUT_PROFILES[layout].urls.searchForm(PROCEEDINGS[proceeding].codes[layout]));
}
