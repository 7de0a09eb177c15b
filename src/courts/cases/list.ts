/**
 * The case list shared by the API (`GET /api/v1/cases`) and the CLI (`otkaz cases list`): filters by court,
 * article, part, outcome, period of receipt and full text (Russian stemming over case information and act
 * texts), synthetic data in, out or only; sorted with a stable tie order; paginated. Persons appear by initials
 * only; a defendant the court hid is shown as "hidden".
 */
import type { Queryable } from '../../db/database.ts';

export const CASE_SORTS = { receipt_date: 'c.receipt_date', decision_date: 'c.decision_date', id: 'c.id', court: 'c.court_vnkod' } as const;
export type CaseSortKey = keyof typeof CASE_SORTS;
/** Every accepted sort: a key, ascending, or with `-` first, descending. */
export const CASE_SORT_VALUES = [
  'receipt_date',
  '-receipt_date',
  'decision_date',
  '-decision_date',
  'id',
  '-id',
  'court',
  '-court',
] as const satisfies ReadonlyArray<`${'' | '-'}${CaseSortKey}`>;
export type CaseSort = (typeof CASE_SORT_VALUES)[number];

export interface CaseFilter {
  court?: string;
  article?: string;
  part?: string;
  outcome?: string;
  /** First and last date of receipt, YYYY-MM-DD. */
  from?: string;
  to?: string;
  q?: string;
  synthetic?: 'include' | 'exclude' | 'only';
  /** Cases the deletion watch found gone from the court site: include (default), exclude or only. */
  removed?: 'include' | 'exclude' | 'only';
  /** A sort key, `-` first for descending; ties are broken by case id in the same direction. */
  sort?: CaseSort;
  page?: number;
  pageSize?: number;
}

export interface CaseListRow {
  id: number;
  court_vnkod: string;
  /** The court's name from the directory (null for a court outside it). */
  court_name: string | null;
  case_number: string | null;
  receipt_date: string | null;
  decision_date: string | null;
  outcome: string | null;
  synthetic: boolean;
  /** When the deletion watch found the card gone from the court site (null: still there, as far as known). */
  removed_at: string | null;
  articles: string | null;
  defendants: string | null;
}

export interface CaseList {
  total: number;
  page: number;
  pageSize: number;
  rows: CaseListRow[];
}

export const CASE_LIST_COLUMNS = [
  'id',
  'court_vnkod',
  'court_name',
  'case_number',
  'receipt_date',
  'decision_date',
  'articles',
  'defendants',
  'outcome',
  'synthetic',
  'removed_at',
] as const;

export async function listCases(db: Queryable, filter: CaseFilter): Promise<CaseList> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (filter.court) add('c.court_vnkod = ?', filter.court);
  if (filter.article) add('exists (select 1 from case_articles a where a.case_id = c.id and a.article = ?)', filter.article);
  if (filter.part) add('exists (select 1 from case_articles a where a.case_id = c.id and a.part = ?)', filter.part);
  if (filter.outcome) add('c.outcome = ?', filter.outcome);
  if (filter.from) add('c.receipt_date >= ?::date', filter.from);
  if (filter.to) add('c.receipt_date <= ?::date', filter.to);
  if (filter.q)
    add(
      "(c.search @@ plainto_tsquery('russian', ?) or exists (select 1 from case_acts t where t.case_id = c.id and t.search @@ plainto_tsquery('russian', ?)))",
      filter.q,
    );
  if (filter.synthetic === 'exclude') where.push('not c.synthetic');
  if (filter.synthetic === 'only') where.push('c.synthetic');
  if (filter.removed === 'exclude') where.push('c.removed_at is null');
  if (filter.removed === 'only') where.push('c.removed_at is not null');
  const sort = filter.sort ?? '-receipt_date';
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const column = CASE_SORTS[sort.replace(/^-/, '') as CaseSortKey];
  const page = Math.max(1, Math.trunc(filter.page ?? 1));
  const pageSize = Math.min(10_000, Math.max(1, Math.trunc(filter.pageSize ?? 50)));
  const condition = where.length ? `where ${where.join(' and ')}` : '';
  const [count] = await db.query<{ n: number }>(`select count(*)::int as n from cases c ${condition}`, params);
  const rows = await db.query<CaseListRow>(
    `select c.id, c.court_vnkod, (select ct.name from courts ct where ct.vnkod = c.court_vnkod) as court_name, c.case_number, c.receipt_date, c.decision_date, c.outcome, c.synthetic, c.removed_at,
            (select string_agg(distinct a.article || coalesce(' ч.' || a.part, ''), '; ') from case_articles a where a.case_id = c.id) as articles,
            (select string_agg(coalesce(d.initials, 'hidden'), ', ' order by d.position) from case_defendants d where d.case_id = c.id) as defendants
       from cases c ${condition}
      order by ${column} ${direction} nulls last, c.id ${direction}
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
    params,
  );
  return { total: count?.n ?? 0, page, pageSize, rows };
}
