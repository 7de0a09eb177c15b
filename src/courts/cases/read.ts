/**
 * One stored case as readers see it: its head row, defendants (initials only), charges, events, history and the
 * captures it came from. Capture URLs pass through publicUrl (src/privacy/urls.ts): nothing that may name a person.
 */
import type { Queryable } from '../../db/database.ts';
import { publicUrl } from '../../privacy/urls.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';

export interface CaseHead {
  id: number;
  court_vnkod: string;
  court_name: string | null;
  case_key: string;
  case_number: string | null;
  judicial_uid: string | null;
  proceeding: string | null;
  receipt_date: string | null;
  decision_date: string | null;
  legal_force_date: string | null;
  judge: string | null;
  category: string | null;
  result_text: string | null;
  outcome: string | null;
  synthetic: boolean;
  first_seen_at: string;
  updated_at: string;
}

export interface CasePerson {
  position: number;
  initials: string | null;
  hidden: boolean;
  decision_date: string | null;
  result_text: string | null;
  outcome: string | null;
  sentence_kind: string | null;
  sentence: unknown;
}

export interface CaseCharge {
  defendant_position: number;
  position: number;
  code: string;
  article: string;
  part: string | null;
  point: string | null;
}

export interface CaseEvent {
  position: number;
  name: string | null;
  event_date: string | null;
  event_time: string | null;
  place: string | null;
  result: string | null;
  basis: string | null;
  note: string | null;
  published_date: string | null;
}

export interface CaseHistoryEntry {
  kind: 'created' | 'updated';
  recorded_at: string;
  changes: unknown;
  capture_id: number;
  url: string | null;
  retrieved_at: string | null;
  sha256: string;
  synthetic: boolean;
}

export interface CaseCapture {
  id: number;
  url: string | null;
  retrieved_at: string | null;
  ingested_at: string;
  http_status: number | null;
  sha256: string;
  content_type: string | null;
  source: string;
  synthetic: boolean;
  page_kind: string;
  layout: string | null;
}

function withPublicUrls<T extends { url: string | null }>(rows: T[]): T[] {
  return rows.map((row) => ({ ...row, url: publicUrl(row.url) }));
}

/** The case's head row; a case that does not exist is a coded not-found error. */
export async function caseHead(db: Queryable, id: number): Promise<CaseHead> {
  const [row] = await db.query<CaseHead>(
    `select c.id, c.court_vnkod, ct.name as court_name, c.case_key, c.case_number, c.judicial_uid, c.proceeding, c.receipt_date, c.decision_date, c.legal_force_date, c.judge, c.category, c.result_text, c.outcome, c.synthetic, c.first_seen_at, c.updated_at
       from cases c left join courts ct on ct.vnkod = c.court_vnkod where c.id = $1`,
    [id],
  );
  if (!row) throw new OtkazError(ErrorCode.InputNotFound, `no case #${id}`);
  return row;
}

export function casePersons(db: Queryable, id: number): Promise<CasePerson[]> {
  return db.query<CasePerson>(
    'select position, initials, hidden, decision_date, result_text, outcome, sentence_kind, sentence from case_defendants where case_id = $1 order by position',
    [id],
  );
}

export function caseCharges(db: Queryable, id: number): Promise<CaseCharge[]> {
  return db.query<CaseCharge>(
    'select defendant_position, position, code, article, part, point from case_articles where case_id = $1 order by defendant_position, position',
    [id],
  );
}

export function caseEvents(db: Queryable, id: number): Promise<CaseEvent[]> {
  return db.query<CaseEvent>(
    'select position, name, event_date, event_time, place, result, basis, note, published_date from case_events where case_id = $1 order by position',
    [id],
  );
}

export async function caseHistory(db: Queryable, id: number): Promise<CaseHistoryEntry[]> {
  return withPublicUrls(
    await db.query<CaseHistoryEntry>(
      `select h.kind, h.recorded_at, h.changes, p.id as capture_id, p.url, p.retrieved_at, p.sha256, p.synthetic
         from case_history h join captures p on p.id = h.capture_id where h.case_id = $1 order by h.id`,
      [id],
    ),
  );
}

export async function caseCaptures(db: Queryable, id: number): Promise<CaseCapture[]> {
  return withPublicUrls(
    await db.query<CaseCapture>(
      `select p.id, p.url, p.retrieved_at, p.ingested_at, p.http_status, p.sha256, p.content_type, p.source, p.synthetic, p.page_kind, p.layout
         from captures p where p.id in (select capture_id from case_history where case_id = $1) order by p.id`,
      [id],
    ),
  );
}

/** How many cases are stored, and how many of them are SYNTHETIC demo cases (the /about page). */
export async function caseCounts(db: Queryable): Promise<{ total: number; synthetic: number }> {
  const [row] = await db.query<{ total: number; synthetic: number }>(
    'select count(*)::int as total, count(*) filter (where synthetic)::int as synthetic from cases',
  );
  return { total: row?.total ?? 0, synthetic: row?.synthetic ?? 0 };
}
