/**
 * The page layouts of the sudrf court engine, and what differs between them: how a page of each is recognised,
 * where its list and card keep their data, the names of its query parameters and the shape of its URLs
 * (docs: shared/docs/sudrf-protocol.md). The parsers, the crawler's URL builders and the court directory read
 * these profiles instead of testing the layout's name, so a new layout is a compile error until every field of
 * its profile is filled. This module imports nothing: every layer may use it.
 */

export const LAYOUTS = ['classic', 'new'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** The layout of a court whose sources say nothing more specific. */
export const DEFAULT_LAYOUT: Layout = 'classic';

export type DateAxis = 'receipt' | 'decision' | 'publication' | 'validity';

/** The proceeding's codes as one layout writes them (delo id, `new`). */
export interface ProceedingCodes {
  deloId: string;
  newCode: string;
}

/** Query pairs in order; a null or undefined value leaves its pair out. */
export type QueryPairs = [string, string | null | undefined][];

export interface ListUrlInput {
  codes: ProceedingCodes;
  /** The proceeding's classic table, e.g. 'u1_case'. */
  table: string;
  page: string;
  vnkod: string | null;
  axis: DateAxis;
  /** Dates as the site writes them (DD.MM.YYYY). */
  from: string | null;
  to: string | null;
  article: string | null;
}

export interface LayoutProfile {
  /** Any element matching this selector marks a page of this layout. */
  marker: string;
  /** Layouts are tried in ascending order (the new layout first: its pages may carry classic classes too). */
  detectOrder: number;
  /** How the court lists name this layout; null: only as the default (`DEFAULT_LAYOUT`). */
  directory: { tochnoSearchPattern: string | null; smSiteType: number | null };
  /** Query parameter names, as written in the layout's URLs. */
  params: { page: string; caseId: string; caseUid: string; deloId: string; newCode: string };
  list: {
    /**
     * The result table: 'thead' — the first match, its header the table's thead; 'numberRow' — the first match
     * with a case-number column, its header the first row holding that column.
     */
    table: { kind: 'thead' | 'numberRow'; selector: string };
    /** The "found N, rows a to b" counter: an element's text, or a pattern over the raw HTML. */
    counter: { kind: 'selector'; selector: string } | { kind: 'pattern'; pattern: RegExp };
    /** The pager's current page: an element holding only the number, whose parent's text matches `context` (when set). */
    currentPage: { selector: string; context: RegExp | null };
  };
  card: {
    caseNumber: string;
    /** Tab labels (`item`, whose id matches `id`), and the selectors of a tab's content, by the id's group. */
    tabs: { item: string; id: RegExp; content: (id: string) => string[] };
    /** Acts of the acts tab as numbered label/body pairs, or null when the tab holds one act. */
    actParts: { label: (k: number) => string; body: (k: number) => string } | null;
  };
  urls: {
    list: (q: ListUrlInput) => QueryPairs;
    card: (codes: ProceedingCodes, caseId: string, caseUid: string) => QueryPairs;
    judicialUid: (codes: ProceedingCodes, uid: string, vnkod: string) => QueryPairs;
    searchForm: (codes: ProceedingCodes) => QueryPairs;
  };
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

export const LAYOUT_PROFILES: Record<Layout, LayoutProfile> = {
  classic: {
    marker: 'div.casenumber, table#tablcont, ul.tabs',
    detectOrder: 2,
    directory: { tochnoSearchPattern: null, smSiteType: null },
    params: { page: 'page', caseId: 'case_id', caseUid: 'case_uid', deloId: 'delo_id', newCode: 'new' },
    list: {
      table: { kind: 'numberRow', selector: 'table#tablcont' },
      counter: { kind: 'pattern', pattern: /Всего\s+по\s+запросу\s+найдено[^<]*(?:<[^>]+>[^<]*){0,6}/i },
      // The bold number after "Страницы :".
      currentPage: { selector: 'b, li.active span, span.current', context: /Страниц/i },
    },
    card: {
      caseNumber: 'div.casenumber',
      tabs: { item: 'ul.tabs > li', id: /^tab(\d+)$/, content: (id) => [`div#cont${id}`] },
      actParts: { label: (k) => `li#tab_doc${k}`, body: (k) => `div#cont_doc${k}` },
    },
    urls: {
      list: (q) => {
        const field = CLASSIC_AXIS[q.axis](q.table);
        const defendantTable = q.table.replace(/_case$/, '').toUpperCase();
        return [
          ['name', 'sud_delo'],
          ['srv_num', '1'],
          ['name_op', 'r'],
          ['page', q.page],
          ['vnkod', q.vnkod],
          ['delo_id', q.codes.deloId],
          ['case_type', '0'],
          ['new', q.codes.newCode],
          ['delo_table', q.table],
          [`${field}1D`, q.from],
          [`${field}2D`, q.to],
          [`${defendantTable}_DEFENDANT__LAW_ARTICLESS`, q.article],
          ['Submit', 'Найти'],
        ];
      },
      card: (codes, caseId, caseUid) => [
        ['name', 'sud_delo'],
        ['srv_num', '1'],
        ['name_op', 'case'],
        ['case_id', caseId],
        ['case_uid', caseUid],
        ['delo_id', codes.deloId],
        ['new', codes.newCode],
      ],
      judicialUid: (codes, uid, vnkod) => [
        ['name', 'sud_delo'],
        ['name_op', 'r_juid'],
        ['vnkod', vnkod],
        ['srv_num', '1'],
        ['delo_id', codes.deloId],
        ['case_type', '0'],
        ['judicial_uid', uid],
      ],
      searchForm: (codes) => [
        ['name', 'sud_delo'],
        ['srv_num', '1'],
        ['name_op', 'sf'],
        ['delo_id', codes.deloId],
        ['case_type', '0'],
        ['new', codes.newCode],
      ],
    },
  },
  new: {
    marker: '#case_window, div.case-num, div.lawcase-count, #resultTable, ul#case_bookmarks',
    detectOrder: 1,
    directory: { tochnoSearchPattern: 'VNKOD_PATTERN', smSiteType: 2 },
    params: { page: '_page', caseId: '_id', caseUid: '_uid', deloId: '_deloId', newCode: '_new' },
    list: {
      table: { kind: 'thead', selector: '#resultTable table' },
      counter: { kind: 'selector', selector: 'div.lawcase-count' },
      // The active item of the pager (the counter's bold numbers are not pages).
      currentPage: { selector: 'ul.pagination li.active span, span.current', context: null },
    },
    card: {
      caseNumber: 'div.case-num',
      tabs: { item: 'ul#case_bookmarks > li', id: /^tab_id_(\w+)$/, content: (id) => [`#tab_content_${id}`, `#doctab_content_${id}`] },
      actParts: null,
    },
    urls: {
      list: (q) => {
        const field = NEW_AXIS[q.axis];
        return [
          ['name', 'sud_delo'],
          ['name_op', 'r'],
          ['_page', q.page],
          ['srv_num', '1'],
          ['_deloId', q.codes.deloId],
          ['case__case_type', '0'],
          ['_new', q.codes.newCode],
          ['case__vnkod', q.vnkod],
          ['case__num_build', '1'],
          ['process-type', `${q.codes.deloId}_0_${q.codes.newCode}`],
          [`${field}1d`, q.from],
          [`${field}2d`, q.to],
          ['parts__law_articless', q.article],
        ];
      },
      card: (codes, caseId, caseUid) => [
        ['name', 'sud_delo'],
        ['name_op', 'case'],
        ['_id', caseId],
        ['_uid', caseUid],
        ['_deloId', codes.deloId],
        ['_caseType', '0'],
        ['_new', codes.newCode],
        ['srv_num', '1'],
      ],
      judicialUid: (_codes, uid) => [
        ['name', 'sud_delo'],
        ['name_op', 'r'],
        ['srv_num', '1'],
        ['token', 'judicial_uid'],
        ['case__judicial_uidss', uid],
        ['_ord', 'asc'],
      ],
      searchForm: (codes) => [
        ['name', 'sud_delo'],
        ['name_op', 'sf'],
        ['srv_num', '1'],
        ['_deloId', codes.deloId],
        ['_caseType', '0'],
        ['_new', codes.newCode],
      ],
    },
  },
};

/** Layouts in detection order. */
export const LAYOUTS_BY_DETECTION: readonly Layout[] = [...LAYOUTS].sort((a, b) => LAYOUT_PROFILES[a].detectOrder - LAYOUT_PROFILES[b].detectOrder);

/** A query parameter's names across the layouts (lower-cased, as `queryParams` keys them), in `LAYOUTS` order. */
export function paramNames(param: keyof LayoutProfile['params']): string[] {
  return LAYOUTS.map((layout) => LAYOUT_PROFILES[layout].params[param].toLowerCase());
}

/** The layout a court list's mark names; the default layout for any other mark. */
export function layoutFromDirectory(source: keyof LayoutProfile['directory'], mark: string | number | null): Layout {
  if (mark === null) return DEFAULT_LAYOUT;
  return LAYOUTS.find((layout) => LAYOUT_PROFILES[layout].directory[source] === mark) ?? DEFAULT_LAYOUT;
}
