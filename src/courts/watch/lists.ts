/**
 * "Gone from its list": for a case known only from result lists (no card of it was ever captured), the complete result
 * list of a window that held it — the first page's counter says how many pages; every one of them captured after the
 * case was last shown — is read again from the archive. Listed on one of them: still there. On none: gone. Any page
 * missing or older: no conclusion. Only the crawler's own list jobs (court × article × receipt window) are read.
 * A case with a captured card is judged by its card (src/courts/watch/classify.ts): a case whose article was
 * re-qualified leaves that article's list while its card stays.
 */
import type { Queryable } from '../../db/database.ts';
import { parsePage } from '../parse/page.ts';
import type { WatchScope } from './scope.ts';

export interface ListAbsence {
  caseId: number;
  removedAt: string | null;
  verdict: 'listed' | 'absent' | 'inconclusive';
  /** listed: the page that lists it; absent: the window's first page. */
  captureId: number;
  /** The capture that last showed the case (absent only). */
  lastCaptureId: number;
}

interface ListOnlyCase {
  id: number;
  case_id: string | null;
  case_uid: string | null;
  removed_at: string | null;
  last_capture_id: number;
  shown_at: string | null;
}

interface WindowPage {
  article: string;
  window_from: string;
  window_to: string;
  page: number;
  state: string;
  result_kind: string | null;
  total_rows: number | null;
  rows_found: number | null;
  capture_id: number | null;
  retrieved_at: string | null;
}

async function listOnlyCases(db: Queryable, scope: WatchScope): Promise<(ListOnlyCase & { court_vnkod: string; receipt_date: string | null })[]> {
  // The capture that last showed the case: its history's latest list page (a later list that showed it unchanged
  // wrote no history; the fresh pages are read again below in any case). Act pages update a case too: not a sighting.
  return db.query(
    `select c.id, c.case_id, c.case_uid, c.removed_at, shown.id as last_capture_id, shown.retrieved_at as shown_at, c.court_vnkod,
            c.receipt_date::text as receipt_date
       from cases c
       cross join lateral (select p.id, p.retrieved_at from case_history h join captures p on p.id = h.capture_id
                            where h.case_id = c.id and p.page_kind = 'case_list'
                            order by p.retrieved_at desc nulls last, p.id desc limit 1) shown
      where c.receipt_date is not null
        and not exists (select 1 from case_history h join captures q on q.id = h.capture_id where h.case_id = c.id and q.page_kind = 'case_card')
        and ($1::text[] is null or c.court_vnkod = any($1)) and ($2::bigint[] is null or c.id = any($2))`,
    [scope.courts ? [...scope.courts] : null, scope.cases ? [...scope.cases] : null],
  );
}

/** The list jobs of the case's windows (court, its articles, receipt windows holding its date), with their captures. */
async function windowPages(db: Queryable, c: { id: number; court_vnkod: string; receipt_date: string | null }): Promise<WindowPage[]> {
  return db.query<WindowPage>(
    `select j.article, j.window_from::text as window_from, j.window_to::text as window_to, j.page, j.state, j.result_kind, j.total_rows, j.rows_found,
            j.capture_id, p.retrieved_at
       from crawl_jobs j left join captures p on p.id = j.capture_id
      where j.kind = 'list' and j.court_vnkod = $1 and coalesce(j.axis, 'receipt') = 'receipt'
        and j.window_from <= $2::date and j.window_to >= $2::date
        and j.article in (select a.article from case_articles a where a.case_id = $3)
      order by j.article, j.window_from, j.window_to, j.page`,
    [c.court_vnkod, c.receipt_date, c.id],
  );
}

/** The ids of the rows of an archived list page (parsed again from its exact bytes). */
async function listedIds(db: Queryable, captureId: number, cache: Map<number, Set<string>>): Promise<Set<string>> {
  const known = cache.get(captureId);
  if (known) return known;
  const [row] = await db.query<{ body: Uint8Array; url: string; http_status: number | null; content_type: string | null }>(
    'select b.body, p.url, p.http_status, p.content_type from captures p join blobs b on b.sha256 = p.sha256 where p.id = $1',
    [captureId],
  );
  const ids = new Set<string>();
  if (row) {
    const page = parsePage({ bytes: row.body, url: row.url, status: row.http_status, contentType: row.content_type });
    if (page.kind === 'case_list')
      for (const r of page.list.rows) {
        if (r.ids.caseUid) ids.add(`uid:${r.ids.caseUid.toLowerCase()}`);
        if (r.ids.caseId) ids.add(`id:${r.ids.caseId}`);
      }
  }
  cache.set(captureId, ids);
  return ids;
}

/** One verdict per list-only case that has at least one complete window read after it was last shown. */
export async function listAbsences(db: Queryable, scope: WatchScope): Promise<ListAbsence[]> {
  const out: ListAbsence[] = [];
  const cache = new Map<number, Set<string>>();
  for (const c of await listOnlyCases(db, scope)) {
    const pages = await windowPages(db, c);
    const windows = new Map<string, WindowPage[]>();
    for (const p of pages) {
      const key = `${p.article}|${p.window_from}|${p.window_to}`;
      windows.set(key, [...(windows.get(key) ?? []), p]);
    }
    const shownAt = c.shown_at ? Date.parse(c.shown_at) : 0;
    const fresh = (p: WindowPage | undefined) =>
      p !== undefined && p.state === 'done' && p.capture_id !== null && p.retrieved_at !== null && Date.parse(p.retrieved_at) > shownAt;
    let listedOn: number | null = null;
    let absentOn: number | null = null;
    let incomplete = false;
    for (const group of windows.values()) {
      const first = group.find((p) => p.page === 1);
      if (!first || first.result_kind === 'split') continue; // a split window: its halves are windows of their own
      if (!fresh(first) || (first.result_kind !== 'case_list' && first.result_kind !== 'empty_result')) {
        incomplete = true;
        continue;
      }
      const perPage = Math.max(1, first.rows_found ?? 1);
      const count = first.result_kind === 'empty_result' ? 1 : Math.max(1, Math.ceil((first.total_rows ?? 0) / perPage));
      const needed = Array.from({ length: count }, (_, i) => group.find((p) => p.page === i + 1));
      if (!needed.every(fresh)) {
        incomplete = true;
        continue;
      }
      for (const p of needed) {
        if (!p?.capture_id) continue;
        const ids = await listedIds(db, p.capture_id, cache);
        if ((c.case_uid && ids.has(`uid:${c.case_uid.toLowerCase()}`)) || (c.case_id && ids.has(`id:${c.case_id}`))) listedOn = p.capture_id;
      }
      if (listedOn === null) absentOn = first.capture_id;
    }
    if (listedOn !== null) out.push({ caseId: c.id, removedAt: c.removed_at, verdict: 'listed', captureId: listedOn, lastCaptureId: c.last_capture_id });
    else if (absentOn !== null && !incomplete)
      out.push({ caseId: c.id, removedAt: c.removed_at, verdict: 'absent', captureId: absentOn, lastCaptureId: c.last_capture_id });
    else if (incomplete && windows.size > 0)
      out.push({ caseId: c.id, removedAt: c.removed_at, verdict: 'inconclusive', captureId: c.last_capture_id, lastCaptureId: c.last_capture_id });
  }
  return out;
}
