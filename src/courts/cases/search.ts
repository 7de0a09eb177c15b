import type { Queryable } from '../../db/database.ts';

export interface SearchHit {
  id: number;
  court_vnkod: string;
  case_number: string | null;
  receipt_date: string | null;
  outcome: string | null;
  synthetic: boolean;
  rank: number;
  matched_in: 'case' | 'act';
}

/** Full-text search (russian configuration) over case info and the depersonalised act texts. */
export async function searchCases(db: Queryable, text: string, limit = 50): Promise<SearchHit[]> {
  return db.query<SearchHit>(
    `with q as (select websearch_to_tsquery('russian', $1) as query),
     hits as (
       select c.id, ts_rank(c.search, q.query) as rank, 'case' as matched_in from cases c, q where c.search @@ q.query
       union all
       select a.case_id, ts_rank(a.search, q.query), 'act' from case_acts a, q where a.search @@ q.query
     ),
     best as (select distinct on (id) id, rank, matched_in from hits order by id, rank desc)
     select c.id, c.court_vnkod, c.case_number, c.receipt_date, c.outcome, c.synthetic, best.rank::float8 as rank, best.matched_in
     from best join cases c on c.id = best.id
     order by best.rank desc, c.id
     limit $2`,
    [text, limit],
  );
}

/** How many cases the search matches in all (a case matched in its info and in an act counts once). */
export async function countSearchHits(db: Queryable, text: string): Promise<number> {
  const [row] = await db.query<{ total: number }>(
    `with q as (select websearch_to_tsquery('russian', $1) as query)
     select count(*)::int as total from (
       select c.id from cases c, q where c.search @@ q.query
       union
       select a.case_id from case_acts a, q where a.search @@ q.query
     ) matched`,
    [text],
  );
  return row?.total ?? 0;
}
