import { encodeCp1251Component } from '../courts/parse/decode.ts';
import type { Layout } from '../courts/parse/types.ts';

/**
 * URL builders for sudrf court sites (docs: shared/docs/sudrf-protocol.md §5, §9). Query values are
 * percent-encoded from windows-1251 bytes, the classic search always carries `Submit=Найти`, and `vnkod` is
 * sent only with a real court code (an empty `vnkod=` returns the search form instead of results).
 */
export type Proceeding = 'criminal_first' | 'criminal_appeal' | 'criminal_cassation';
export const DATE_AXES = ['receipt', 'decision', 'publication', 'validity'] as const;
export type DateAxis = (typeof DATE_AXES)[number];

interface ProceedingCodes {
  deloId: string;
  newCode: string;
  table: string;
  /** New-layout pair (delo id, new), when known. */
  newLayout: { deloId: string; newCode: string };
}

export const PROCEEDINGS: Record<Proceeding, ProceedingCodes> = {
  criminal_first: { deloId: '1540006', newCode: '0', table: 'u1_case', newLayout: { deloId: '1540006', newCode: '0' } },
  // Reported codes; verify live on an okrug military court before relying on them (protocol §5).
  criminal_appeal: { deloId: '4', newCode: '4', table: 'u2_case', newLayout: { deloId: '1540006', newCode: '4' } },
  criminal_cassation: { deloId: '2450001', newCode: '2450001', table: 'u33_case', newLayout: { deloId: '2450001', newCode: '2450001' } },
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

function build(host: string, pairs: [string, string | null | undefined][]): string {
  const query = pairs
    .filter((pair): pair is [string, string] => pair[1] !== null && pair[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeCp1251Component(value)}`)
    .join('&');
  return `https://${host}/modules.php?${query}`;
}

const CLASSIC_AXIS: Record<DateAxis, (table: string) => string> = {
  receipt: (t) => `${t}__ENTRY_DATE`,
  decision: (t) => `${t}__RESULT_DATE`,
  publication: (t) => `${t.replace(/_case$/, '').toUpperCase()}_DOCUMENT__PUBL_DATE`,
  validity: (t) => `${t}__VALIDITY_DATE`,
};
const NEW_AXIS: Record<DateAxis, string> = {
  receipt: 'case__entry_date',
  decision: 'case__result_date',
  publication: 'document__publ_date',
  validity: 'case__validity_date',
};

/** A result list: by article and a date window, one page. */
export function listUrl(q: ListQuery): string {
  const p = PROCEEDINGS[q.proceeding ?? 'criminal_first'];
  const axis = q.axis ?? 'receipt';
  const page = String(q.page ?? 1);
  const vnkod = q.vnkod || null;
  const captcha: [string, string | null][] = q.captcha ? [['captcha', q.captcha.answer], ['captchaid', q.captcha.captchaId]] : [];
  if (q.layout === 'classic') {
    const field = CLASSIC_AXIS[axis](p.table);
    const defendantTable = p.table.replace(/_case$/, '').toUpperCase();
    return build(q.host, [
      ['name', 'sud_delo'], ['srv_num', '1'], ['name_op', 'r'], ['page', page], ['vnkod', vnkod],
      ['delo_id', p.deloId], ['case_type', '0'], ['new', p.newCode], ['delo_table', p.table],
      [`${field}1D`, q.from ? ru(q.from) : null], [`${field}2D`, q.to ? ru(q.to) : null],
      [`${defendantTable}_DEFENDANT__LAW_ARTICLESS`, q.article ?? null],
      ['Submit', 'Найти'], ...captcha,
    ]);
  }
  const field = NEW_AXIS[axis];
  return build(q.host, [
    ['name', 'sud_delo'], ['name_op', 'r'], ['_page', page], ['srv_num', '1'],
    ['_deloId', p.newLayout.deloId], ['case__case_type', '0'], ['_new', p.newLayout.newCode], ['case__vnkod', vnkod],
    ['case__num_build', '1'], ['process-type', `${p.newLayout.deloId}_0_${p.newLayout.newCode}`],
    [`${field}1d`, q.from ? ru(q.from) : null], [`${field}2d`, q.to ? ru(q.to) : null],
    ['parts__law_articless', q.article ?? null], ...captcha,
  ]);
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
  if (c.layout === 'classic') {
    return build(c.host, [['name', 'sud_delo'], ['srv_num', '1'], ['name_op', 'case'], ['case_id', c.caseId], ['case_uid', c.caseUid], ['delo_id', p.deloId], ['new', p.newCode]]);
  }
  return build(c.host, [
    ['name', 'sud_delo'], ['name_op', 'case'], ['_id', c.caseId], ['_uid', c.caseUid], ['_deloId', p.newLayout.deloId], ['_caseType', '0'], ['_new', p.newLayout.newCode], ['srv_num', '1'],
  ]);
}

/** The text of an act (classic layout; the new layout shows acts inside the card with `_doc=1`). */
export function actUrl(host: string, documentNumber: string, proceeding: Proceeding = 'criminal_first', textNumber = 1): string {
  const p = PROCEEDINGS[proceeding];
  return build(host, [['name', 'sud_delo'], ['srv_num', '1'], ['name_op', 'doc'], ['number', documentNumber], ['delo_id', p.deloId], ['new', p.newCode], ['text_number', String(textNumber)]]);
}

/** Cases listed for hearing on one day (needs no captcha). */
export function docketUrl(host: string, dateIso: string): string {
  return build(host, [['name', 'sud_delo'], ['srv_num', '1'], ['H_date', ru(dateIso)]]);
}

/** Every case sharing one judicial UID. */
export function judicialUidUrl(host: string, layout: Layout, uid: string, vnkod: string, proceeding: Proceeding = 'criminal_first'): string {
  const p = PROCEEDINGS[proceeding];
  if (layout === 'classic') {
    return build(host, [['name', 'sud_delo'], ['name_op', 'r_juid'], ['vnkod', vnkod], ['srv_num', '1'], ['delo_id', p.deloId], ['case_type', '0'], ['judicial_uid', uid]]);
  }
  return build(host, [['name', 'sud_delo'], ['name_op', 'r'], ['srv_num', '1'], ['token', 'judicial_uid'], ['case__judicial_uidss', uid], ['_ord', 'asc']]);
}

/** The search form (where a captcha court shows its image). */
export function searchFormUrl(host: string, layout: Layout, proceeding: Proceeding = 'criminal_first'): string {
  const p = PROCEEDINGS[proceeding];
  if (layout === 'classic') return build(host, [['name', 'sud_delo'], ['srv_num', '1'], ['name_op', 'sf'], ['delo_id', p.deloId], ['case_type', '0'], ['new', p.newCode]]);
  return build(host, [['name', 'sud_delo'], ['name_op', 'sf'], ['srv_num', '1'], ['_deloId', p.newLayout.deloId], ['_caseType', '0'], ['_new', p.newLayout.newCode]]);
}
