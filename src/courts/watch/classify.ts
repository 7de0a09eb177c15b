/**
 * The deletion watch's reading of the answers (#15). For every known case card, the latest answer of its URL decides:
 *  - the card itself (page kind case_card): the case is on the site (a changed card is case history already);
 *  - HTTP 404 or 410, or the site's "no data" page ("Данных по запросу не обнаружено", HTTP 200): the card is gone —
 *    the event "removed from the court site on D; last capture X (sha256 …)", X being the last capture that still
 *    showed the card;
 *  - anything else (throttle, captcha, block, server error, no answer yet): no conclusion, the state is kept.
 * A case seen only in result lists (no card captured) is gone when the complete result list of its window, every page
 * captured after the case was last shown, no longer holds it (src/courts/watch/lists.ts).
 * A removed card served again gives a 'restored' event. Idempotent: one event per answer, whenever it runs.
 */
import type { Database, Queryable } from '../../db/database.ts';
import { listAbsences } from './lists.ts';
import { WATCH_EVIDENCE, type WatchEvidence, type WatchScope } from './scope.ts';

export { WATCH_EVIDENCE, type WatchEvidence, type WatchScope };

export interface WatchClassification {
  /** Cases whose card (or list) answers were read. */
  checked: number;
  /** Cases whose latest answer shows them on the site (the card served, or listed). */
  present: number;
  removed: number;
  restored: number;
  /** Cases whose latest answer says nothing either way (throttle, error…). */
  inconclusive: number;
}

interface CardState {
  case_id: number;
  removed_at: string | null;
  shown_id: number;
  latest_id: number;
  latest_kind: string;
  latest_status: number | null;
  latest_at: string | null;
}

/** What the latest answer of a card URL says. */
export function cardVerdict(kind: string, status: number | null): 'served' | WatchEvidence | null {
  if (kind === 'case_card') return 'served';
  if (status === 404 || status === 410) return 'http_404';
  if (kind === 'empty_result') return 'not_found_page';
  return null;
}

async function cardStates(db: Queryable, scope: WatchScope): Promise<CardState[]> {
  return db.query<CardState>(
    `select c.id as case_id, c.removed_at, shown.id as shown_id, latest.id as latest_id, latest.page_kind as latest_kind,
            latest.http_status as latest_status, latest.retrieved_at as latest_at
       from cases c
       cross join lateral (select p.url from case_history h join captures p on p.id = h.capture_id
                            where h.case_id = c.id and p.page_kind = 'case_card'
                            order by p.retrieved_at desc nulls last, p.id desc limit 1) card
       cross join lateral (select id from captures where url = card.url and page_kind = 'case_card'
                            order by retrieved_at desc nulls last, id desc limit 1) shown
       cross join lateral (select id, page_kind, http_status, retrieved_at from captures where url = card.url
                            order by retrieved_at desc nulls last, id desc limit 1) latest
      where ($1::text[] is null or c.court_vnkod = any($1)) and ($2::bigint[] is null or c.id = any($2))`,
    [scope.courts ? [...scope.courts] : null, scope.cases ? [...scope.cases] : null],
  );
}

async function record(
  tx: Queryable,
  event: { caseId: number; kind: 'removed' | 'restored'; evidence: WatchEvidence; evidenceCaptureId: number; lastCaptureId: number | null },
): Promise<boolean> {
  const rows = await tx.query<{ observed_at: string }>(
    `insert into case_watch_events (case_id, kind, observed_at, evidence, evidence_capture_id, last_capture_id)
     select $1, $2, coalesce(p.retrieved_at, p.ingested_at), $3, p.id, $5 from captures p where p.id = $4
     on conflict (case_id, evidence_capture_id) do nothing returning observed_at`,
    [event.caseId, event.kind, event.evidence, event.evidenceCaptureId, event.lastCaptureId],
  );
  const observed = rows[0]?.observed_at;
  if (observed === undefined) return false;
  await tx.query('update cases set removed_at = $2 where id = $1', [event.caseId, event.kind === 'removed' ? observed : null]);
  return true;
}

/** Reads the latest answers of the watched cases and records what changed, in one transaction. */
export async function classifyWatch(db: Database, scope: WatchScope = {}): Promise<WatchClassification> {
  return db.transaction(async (tx) => {
    const result: WatchClassification = { checked: 0, present: 0, removed: 0, restored: 0, inconclusive: 0 };
    for (const state of await cardStates(tx, scope)) {
      result.checked += 1;
      const verdict = cardVerdict(state.latest_kind, state.latest_status);
      if (verdict === null) {
        result.inconclusive += 1;
        continue;
      }
      if (verdict === 'served') {
        result.present += 1;
        if (
          state.removed_at !== null &&
          (await record(tx, { caseId: state.case_id, kind: 'restored', evidence: 'card_served', evidenceCaptureId: state.latest_id, lastCaptureId: null }))
        )
          result.restored += 1;
        continue;
      }
      if (
        state.removed_at === null &&
        (await record(tx, { caseId: state.case_id, kind: 'removed', evidence: verdict, evidenceCaptureId: state.latest_id, lastCaptureId: state.shown_id }))
      )
        result.removed += 1;
    }
    for (const absence of await listAbsences(tx, scope)) {
      result.checked += 1;
      if (absence.verdict === 'inconclusive') {
        result.inconclusive += 1;
        continue;
      }
      if (absence.verdict === 'listed') {
        result.present += 1;
        if (
          absence.removedAt !== null &&
          (await record(tx, { caseId: absence.caseId, kind: 'restored', evidence: 'listed', evidenceCaptureId: absence.captureId, lastCaptureId: null }))
        )
          result.restored += 1;
        continue;
      }
      if (
        absence.removedAt === null &&
        (await record(tx, {
          caseId: absence.caseId,
          kind: 'removed',
          evidence: 'absent_from_list',
          evidenceCaptureId: absence.captureId,
          lastCaptureId: absence.lastCaptureId,
        }))
      )
        result.removed += 1;
    }
    return result;
  });
}
