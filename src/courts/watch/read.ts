/**
 * What the deletion watch has seen, newest first: removals and restorations (case_watch_events), and the changes of
 * cards between two visits (case_history updates from a card when an earlier card of the case was captured). Nothing
 * here names a person: court, case number, dates, the changed fields' names and the captures' hashes. The values
 * of a change stay in the case's history (names there are initials).
 */
import type { Queryable } from '../../db/database.ts';
import type { WatchEvidence } from './scope.ts';

export const WATCH_KINDS = ['removed', 'restored', 'changed'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export interface WatchFilter {
  courts?: readonly string[] | undefined;
  cases?: readonly number[] | undefined;
  kinds?: readonly WatchKind[] | undefined;
  /** Only events observed on or after this day (YYYY-MM-DD). */
  since?: string | undefined;
  limit: number;
}

export interface CaptureRef {
  id: number;
  sha256: string;
  retrieved_at: string | null;
}

export interface WatchEvent {
  /** Stable: `w<n>` for a removal or restoration, `h<n>` for a change. */
  key: string;
  kind: WatchKind;
  /** When the court site gave the answer. */
  at: string;
  case_id: number;
  court_vnkod: string;
  court_name: string | null;
  case_number: string | null;
  synthetic: boolean;
  /** removed/restored: what showed it. */
  evidence: WatchEvidence | null;
  /** The answer: the not-found page or 404 (removed), the card served again (restored), the changed card (changed). */
  capture: CaptureRef;
  /** removed: the last capture that still showed the card. */
  last_capture: CaptureRef | null;
  /** changed: the names of the fields that changed. */
  fields: string[];
}

interface Row {
  key: string;
  kind: WatchKind;
  at: string;
  case_id: number;
  court_vnkod: string;
  court_name: string | null;
  case_number: string | null;
  synthetic: boolean;
  evidence: WatchEvidence | null;
  capture_id: number;
  capture_sha256: string;
  capture_retrieved_at: string | null;
  last_id: number | null;
  last_sha256: string | null;
  last_retrieved_at: string | null;
  changes: unknown;
}

function fieldNames(changes: unknown): string[] {
  if (!Array.isArray(changes)) return [];
  return [
    ...new Set(
      changes.flatMap((c) => (c && typeof c === 'object' && typeof (c as { field?: unknown }).field === 'string' ? [(c as { field: string }).field] : [])),
    ),
  ];
}

export async function watchEvents(db: Queryable, filter: WatchFilter): Promise<WatchEvent[]> {
  const kinds = filter.kinds && filter.kinds.length > 0 ? [...filter.kinds] : [...WATCH_KINDS];
  const rows = await db.query<Row>(
    `select * from (
       select 'w' || e.id as key, e.kind, e.observed_at as at, e.case_id, c.court_vnkod, ct.name as court_name, c.case_number, c.synthetic, e.evidence,
              ev.id as capture_id, ev.sha256 as capture_sha256, ev.retrieved_at as capture_retrieved_at,
              lc.id as last_id, lc.sha256 as last_sha256, lc.retrieved_at as last_retrieved_at, null::jsonb as changes
         from case_watch_events e join cases c on c.id = e.case_id join captures ev on ev.id = e.evidence_capture_id
         left join captures lc on lc.id = e.last_capture_id left join courts ct on ct.vnkod = c.court_vnkod
       union all
       select 'h' || h.id, 'changed', coalesce(p.retrieved_at, h.recorded_at), h.case_id, c.court_vnkod, ct.name, c.case_number, c.synthetic, null,
              p.id, p.sha256, p.retrieved_at, null, null, null, h.changes
         from case_history h join cases c on c.id = h.case_id join captures p on p.id = h.capture_id left join courts ct on ct.vnkod = c.court_vnkod
        where h.kind = 'updated' and p.page_kind = 'case_card'
          and exists (select 1 from case_history h2 join captures p2 on p2.id = h2.capture_id
                       where h2.case_id = h.case_id and h2.id < h.id and p2.page_kind = 'case_card')
     ) x
     where x.kind = any($1) and ($2::text[] is null or x.court_vnkod = any($2)) and ($3::bigint[] is null or x.case_id = any($3))
       and ($4::date is null or x.at >= $4::date)
     order by x.at desc, x.key desc
     limit $5`,
    [kinds, filter.courts ? [...filter.courts] : null, filter.cases ? [...filter.cases] : null, filter.since ?? null, filter.limit],
  );
  return rows.map((r) => ({
    key: r.key,
    kind: r.kind,
    at: r.at,
    case_id: r.case_id,
    court_vnkod: r.court_vnkod,
    court_name: r.court_name,
    case_number: r.case_number,
    synthetic: r.synthetic,
    evidence: r.evidence,
    capture: { id: r.capture_id, sha256: r.capture_sha256, retrieved_at: r.capture_retrieved_at },
    last_capture: r.last_id === null || r.last_sha256 === null ? null : { id: r.last_id, sha256: r.last_sha256, retrieved_at: r.last_retrieved_at },
    fields: fieldNames(r.changes),
  }));
}

/** The case's removal state for its page: when it was found gone, and the event that says so (null: on the site). */
export async function caseRemoval(db: Queryable, caseId: number): Promise<WatchEvent | null> {
  const [row] = await db.query<{ removed_at: string | null }>('select removed_at from cases where id = $1', [caseId]);
  if (!row?.removed_at) return null;
  const [event] = await watchEvents(db, { cases: [caseId], kinds: ['removed'], limit: 1 });
  return event ?? null;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '?');

/** The event as one sentence, in English or Russian. */
export function describeEvent(e: WatchEvent, lang: 'en' | 'ru'): string {
  const last = e.last_capture;
  const hash = (c: CaptureRef) => `sha256 ${c.sha256}`;
  switch (e.kind) {
    case 'removed':
      return lang === 'ru'
        ? `удалено с сайта суда ${day(e.at)}; последняя копия #${last?.id ?? '?'} от ${day(last?.retrieved_at ?? null)}${last ? ` (${hash(last)})` : ''}`
        : `removed from the court site on ${day(e.at)}; last capture #${last?.id ?? '?'} of ${day(last?.retrieved_at ?? null)}${last ? ` (${hash(last)})` : ''}`;
    case 'restored':
      return lang === 'ru'
        ? `снова на сайте суда ${day(e.at)}; копия #${e.capture.id} (${hash(e.capture)})`
        : `back on the court site on ${day(e.at)}; capture #${e.capture.id} (${hash(e.capture)})`;
    case 'changed':
      return lang === 'ru'
        ? `карточка изменилась ${day(e.at)}: ${e.fields.join(', ') || '—'}; копия #${e.capture.id} (${hash(e.capture)})`
        : `card changed on ${day(e.at)}: ${e.fields.join(', ') || '—'}; capture #${e.capture.id} (${hash(e.capture)})`;
    default: {
      const unreachable: never = e.kind;
      return unreachable;
    }
  }
}
