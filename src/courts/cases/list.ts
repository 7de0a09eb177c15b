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

/** The filter as a SQL condition over `cases c`, with its parameters. */
function caseCondition(filter: CaseFilter): { condition: string; params: unknown[] } {
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
  return { condition: where.length ? `where ${where.join(' and ')}` : '', params };
}

/** The sort as an ORDER BY: nulls last, ties broken by case id in the same direction. */
function caseOrder(sort: CaseSort = '-receipt_date'): string {
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const column = CASE_SORTS[sort.replace(/^-/, '') as CaseSortKey];
  return `order by ${column} ${direction} nulls last, c.id ${direction}`;
}

const ROW_COLUMNS = `c.id, c.court_vnkod, (select ct.name from courts ct where ct.vnkod = c.court_vnkod) as court_name, c.case_number, c.receipt_date, c.decision_date, c.outcome, c.synthetic, c.removed_at,
            (select string_agg(distinct a.article || coalesce(' ч.' || a.part, ''), '; ') from case_articles a where a.case_id = c.id) as articles,
            (select string_agg(coalesce(d.initials, 'hidden'), ', ' order by d.position) from case_defendants d where d.case_id = c.id) as defendants`;

export async function listCases(db: Queryable, filter: CaseFilter): Promise<CaseList> {
  const { condition, params } = caseCondition(filter);
  const page = Math.max(1, Math.trunc(filter.page ?? 1));
  const pageSize = Math.min(10_000, Math.max(1, Math.trunc(filter.pageSize ?? 50)));
  const [count] = await db.query<{ n: number }>(`select count(*)::int as n from cases c ${condition}`, params);
  const rows = await db.query<CaseListRow>(
    `select ${ROW_COLUMNS}
       from cases c ${condition}
      ${caseOrder(filter.sort)}
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
    params,
  );
  return { total: count?.n ?? 0, page, pageSize, rows };
}

/** How many cases one read of an export fetches. */
export const EXPORT_CHUNK = 1000;

/**
 * Every case of the filter (no pages), in the list's order, read in chunks: the ids of the whole filtered set are
 * taken in one query first, so that cases stored while the export runs neither shift it nor appear twice. Returns
 * how many there are and the rows, chunk by chunk (a chunk is read only when the one before was consumed).
 */
export async function exportCases(
  db: Queryable,
  filter: Omit<CaseFilter, 'page' | 'pageSize'>,
  chunk = EXPORT_CHUNK,
): Promise<{ total: number; chunks: AsyncIterable<CaseListRow[]> }> {
  const { condition, params } = caseCondition(filter);
  const ids = (await db.query<{ id: number }>(`select c.id from cases c ${condition} ${caseOrder(filter.sort)}`, params)).map((r) => r.id);
  async function* chunks(): AsyncGenerator<CaseListRow[]> {
    for (let at = 0; at < ids.length; at += chunk) {
      const part = ids.slice(at, at + chunk);
      const rows = await db.query<CaseListRow>(`select ${ROW_COLUMNS} from cases c where c.id = any($1::bigint[])`, [part]);
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      yield part.flatMap((id) => byId.get(id) ?? []);
    }
  }
  return { total: ids.length, chunks: chunks() };
}
