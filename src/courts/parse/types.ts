import type { CaptchaForm } from './captcha.ts';

/** Typed results of the court-page parsers. Dates are ISO 'YYYY-MM-DD'; texts keep the court's wording. */

export type { Layout } from '../layouts.ts';

import type { Layout } from '../layouts.ts';

export type PageKind =
  | 'case_list'
  | 'case_card'
  | 'empty_result'
  | 'captcha_form'
  | 'captcha_wrong'
  | 'throttled'
  | 'geo_block'
  | 'waf_block'
  | 'rate_limited'
  | 'php_error'
  | 'search_form'
  | 'act_text'
  | 'http_error'
  /** A 3xx answer: the crawler archives it as it came and asks its Location as a job of its own. */
  | 'redirect'
  /** Not an HTML page: a style sheet, image, script, font or other record a page needs (or a crawler's own file). */
  | 'requisite'
  | 'unknown';

/** The court's own identifiers of a case, from a URL (list link or card URL). */
export interface CaseIds {
  caseId: string | null;
  caseUid: string | null;
  deloId: string | null;
  newCode: string | null;
}

export interface ArticleRef {
  /** Code as written, normalised: 'УК РФ', 'КоАП РФ', … */
  code: string;
  article: string;
  part: string | null;
  point: string | null;
  raw: string;
}

/** Every outcome the parser gives a case or a defendant (filters validate against this list). */
export const OUTCOMES = [
  'conviction',
  'acquittal',
  'termination',
  'returned_to_prosecutor',
  'transferred',
  'medical_measures',
  'upheld',
  'modified',
  'overturned',
  'appeal_withdrawn',
  'unknown',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type TerminationGround =
  | 'court_fine'
  | 'contract_signed'
  | 'reconciliation'
  | 'active_repentance'
  | 'limitation'
  | 'amnesty'
  | 'death'
  | 'no_crime'
  | 'other';

export type SentenceKind =
  | 'imprisonment'
  | 'suspended'
  | 'fine'
  | 'disciplinary_unit'
  | 'restriction_of_service'
  | 'forced_labour'
  | 'correctional_labour'
  | 'other';

export interface Sentence {
  kind: SentenceKind;
  termMonths: number | null;
  probationMonths: number | null;
  fineRub: number | null;
  /** Regime of the correctional colony, when the wording names one ("в исправительной колонии общего режима"). */
  colony: 'settlement' | 'general' | 'strict' | 'special' | null;
}

export interface OutcomeInfo {
  outcome: Outcome;
  ground: TerminationGround | null;
  sentence: Sentence | null;
  /** The text the outcome was read from, verbatim. */
  text: string;
  /** True when the wording was not recognised: the outcome is then 'unknown', never guessed. */
  unrecognised: boolean;
  /** Read from the court's result field, or from the operative part of a published act (then `text` is the act's title). */
  source: 'result' | 'act';
}

export interface LabelValue {
  section: string | null;
  label: string;
  value: string;
  /** Link target of the value, when it is a link. */
  href: string | null;
}

export interface CaseEvent {
  name: string | null;
  date: string | null;
  time: string | null;
  place: string | null;
  result: string | null;
  basis: string | null;
  note: string | null;
  publishedDate: string | null;
  /** Columns this parser does not know, label → value. */
  extra: Record<string, string>;
}

export interface Defendant {
  /** As published: a full name, or 'Информация скрыта'. Callers must not store it (see cases/privacy). */
  name: string;
  hidden: boolean;
  articles: ArticleRef[];
  articlesText: string | null;
  decisionDate: string | null;
  result: string | null;
  outcome: OutcomeInfo | null;
  extra: Record<string, string>;
}

export interface Party {
  role: string;
  name: string;
  hidden: boolean;
  articles: ArticleRef[];
  extra: Record<string, string>;
}

export interface LowerCourt {
  court: string | null;
  region: string | null;
  caseNumber: string | null;
  judge: string | null;
}

export interface CaseAct {
  title: string;
  /** Type from the title, e.g. 'Приговор', 'Постановление'. */
  actType: string | null;
  /** Depersonalised text as published. */
  text: string;
}

/** A tab as found on the page, kept raw so that nothing the parser does not know is lost. */
export interface RawTable {
  section: string | null;
  header: string[];
  rows: string[][];
}

export interface RawTab {
  label: string;
  pairs: LabelValue[];
  tables: RawTable[];
}

export interface CaseCard {
  layout: Layout;
  courtVnkod: string | null;
  /** The court's name as the page's header writes it. */
  courtName: string | null;
  proceeding: string | null;
  caseNumber: string | null;
  ids: CaseIds;
  judicialUid: string | null;
  receiptDate: string | null;
  judge: string | null;
  hearingDate: string | null;
  category: string | null;
  resultText: string | null;
  outcome: OutcomeInfo | null;
  info: LabelValue[];
  events: CaseEvent[];
  defendants: Defendant[];
  parties: Party[];
  lowerCourt: LowerCourt | null;
  appeals: LabelValue[];
  acts: CaseAct[];
  tabs: RawTab[];
}

export interface ListInfoLine {
  label: string | null;
  value: string;
}

export interface CaseListRow {
  caseNumber: string;
  cardUrl: string | null;
  ids: CaseIds;
  receiptDate: string | null;
  info: ListInfoLine[];
  category: string | null;
  articles: ArticleRef[];
  judge: string | null;
  decisionDate: string | null;
  decision: string | null;
  legalForceDate: string | null;
  acts: { url: string; title: string | null }[];
}

export interface CaseList {
  layout: Layout;
  courtVnkod: string | null;
  /** The court's name as the page's header writes it. */
  courtName: string | null;
  proceeding: string | null;
  total: number | null;
  rangeFrom: number | null;
  rangeTo: number | null;
  currentPage: number | null;
  pageCount: number | null;
  pageUrls: { page: number; url: string }[];
  header: string[];
  rows: CaseListRow[];
}

export type ParsedPage = (
  | { kind: 'case_list'; layout: Layout; list: CaseList }
  | { kind: 'case_card'; layout: Layout; card: CaseCard }
  | { kind: 'captcha_form'; layout: Layout | null; courtVnkod: string | null; detail: string | null; captcha: CaptchaForm }
  | { kind: 'act_text'; layout: Layout | null; courtVnkod: string | null; detail: string | null; text: string }
  | {
      kind: Exclude<PageKind, 'case_list' | 'case_card' | 'captcha_form' | 'act_text'>;
      layout: Layout | null;
      courtVnkod: string | null;
      detail: string | null;
    }
) & {
  /** The page carries otkaz's synthetic-data marker: it was generated, never served by a real court. */
  synthetic: boolean;
};
