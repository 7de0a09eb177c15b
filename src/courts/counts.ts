import type { Queryable } from '../db/database.ts';
import { DEFAULT_ARTICLES } from '../shared/articles.ts';

export const DIMENSIONS = ['year', 'month', 'article', 'part', 'court', 'district', 'outcome', 'sentence'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface ProsecutionQuery {
  by: Dimension[];
  /** Criminal-code articles to count (default: 337, 338, 332, 339, 352.1). */
  articles?: string[];
  /** Inclusive ISO dates on the date basis. */
  from?: string | null;
  to?: string | null;
  /** Which date places a case in a period: receipt by the court (default) or decision. */
  dateBasis?: 'receipt' | 'decision';
  synthetic?: 'include' | 'exclude' | 'only';
  growth?: boolean;
}

export interface ProsecutionRow {
  [dimension: string]: string | number | boolean | null;
  synthetic: boolean;
  cases: number;
  defendants: number;
  /** Of those cases, how many the deletion watch has found gone from the court site since they were captured. */
  removed: number;
}

export interface ProsecutionCounts {
  query: Required<Omit<ProsecutionQuery, 'from' | 'to'>> & { from: string | null; to: string | null };
  method: string;
  rows: ProsecutionRow[];
  totals: { cases: number; defendants: number; syntheticCases: number; removedCases: number };
}

export const METHOD =
  'Counts cases and defendants stored from court pages (cards and result lists) of the courts ingested. ' +
  'A case counts when at least one defendant is charged under one of the selected articles of the Criminal Code (УК РФ), ' +
  'read from the card\'s ЛИЦА tab ("Перечень статей") or, for cases seen only in a result list, from the list row. ' +
  'A case is placed in a period by its date of receipt by the court ("Дата поступления"), or by its decision date when asked. ' +
  'A defendant charged under two selected articles appears in both article rows, so article rows do not add up to the total. ' +
  'Outcomes are read from the court\'s result texts; "unknown" means no result is published or its wording was not recognised. ' +
  'Cases whose cards were never published are missing, and late cards raise past months on re-crawl: every count is as of the crawl date. ' +
  'Cases the court later removed from its site stay counted (the archive keeps their pages); "removed" says how many of them ' +
  'the deletion watch has found gone. ' +
  'Synthetic (demo) records are counted separately and marked.';

const EXPRESSIONS: Record<Dimension, string> = {
  year: "to_char(DATE_COL, 'YYYY')",
  month: "to_char(DATE_COL, 'YYYY-MM')",
  article: 'a.article',
  part: "a.article || coalesce(' ч.' || a.part, '')",
  court: "c.court_vnkod || coalesce(' ' || ct.name, '')",
  district: "coalesce(ct.military_district, 'unknown')",
  outcome: "coalesce(d.outcome, c.outcome, 'unknown')",
  sentence: "coalesce(d.sentence_kind, 'none stated')",
};

/** Prosecution counts, grouped by the chosen dimensions. Shared by the CLI and the API. */
export async function prosecutionCounts(db: Queryable, query: ProsecutionQuery): Promise<ProsecutionCounts> {
  const articles = query.articles && query.articles.length > 0 ? query.articles : [...DEFAULT_ARTICLES];
  const dateBasis = query.dateBasis ?? 'receipt';
  const synthetic = query.synthetic ?? 'include';
  const by = [...new Set(query.by)];
  const dateCol = dateBasis === 'decision' ? 'coalesce(d.decision_date, c.decision_date)' : 'c.receipt_date';
  const select = by.map((dim) => `${EXPRESSIONS[dim].replace('DATE_COL', dateCol)} as "${dim}"`);
  const params: unknown[] = [articles];
  const where = ["a.code = 'УК РФ'", 'a.article = any($1)'];
  if (query.from) {
    params.push(query.from);
    where.push(`${dateCol} >= $${params.length}`);
  }
  if (query.to) {
    params.push(query.to);
    where.push(`${dateCol} <= $${params.length}`);
  }
  if (synthetic === 'exclude') where.push('not c.synthetic');
  if (synthetic === 'only') where.push('c.synthetic');
  const groups = [...by.map((_, i) => String(i + 1)), String(by.length + 1)];
  // One row per charged defendant and group first (distinct), then counted: cheaper than counting distinct
  // (case, defendant) records. Defendants and courts are joined only when a dimension or the date needs them
  // (every charge belongs to a stored defendant: the store writes both from the same list).
  const needsDefendant = dateBasis === 'decision' || by.includes('outcome') || by.includes('sentence');
  const needsCourt = by.includes('court') || by.includes('district');
  const from = `cases c
      join case_articles a on a.case_id = c.id
      ${needsDefendant ? 'join case_defendants d on d.case_id = a.case_id and d.position = a.defendant_position' : ''}
      ${needsCourt ? 'left join courts ct on ct.vnkod = c.court_vnkod' : ''}
    where ${where.join(' and ')}`;
  const sql = `
    with charged as (
      select distinct ${[...select, 'c.synthetic as synthetic'].join(', ')}, a.case_id, a.defendant_position, c.removed_at is not null as removed
      from ${from}
    )
    select ${[...by.map((dim) => `"${dim}"`), 'synthetic'].join(', ')}, count(distinct case_id)::int as cases, count(*)::int as defendants,
           count(distinct case_id) filter (where removed)::int as removed
    from charged
    group by ${groups.join(', ')}
    order by ${groups.join(', ')}`;
  const rows = await db.query<ProsecutionRow>(sql, params);
  const totalsSql = `
    with charged as (select distinct a.case_id, a.defendant_position, c.synthetic, c.removed_at is not null as removed from ${from})
    select count(distinct case_id)::int as cases, count(*)::int as defendants, count(distinct case_id) filter (where synthetic)::int as synthetic_cases,
           count(distinct case_id) filter (where removed)::int as removed_cases
    from charged`;
  const [totals] = await db.query<{ cases: number; defendants: number; synthetic_cases: number; removed_cases: number }>(totalsSql, params);
  if (query.growth) addGrowth(rows, by);
  return {
    query: { by, articles, from: query.from ?? null, to: query.to ?? null, dateBasis, synthetic, growth: query.growth ?? false },
    method: METHOD,
    rows,
    totals: {
      cases: totals?.cases ?? 0,
      defendants: totals?.defendants ?? 0,
      syntheticCases: totals?.synthetic_cases ?? 0,
      removedCases: totals?.removed_cases ?? 0,
    },
  };
}

/** Adds the previous period's count and the growth in % to each row, per series (the other dimensions). */
function addGrowth(rows: ProsecutionRow[], by: Dimension[]): void {
  const period = by.find((d) => d === 'month' || d === 'year');
  if (!period) return;
  const others = by.filter((d) => d !== period);
  const last = new Map<string, ProsecutionRow>();
  const sorted = [...rows].sort((a, b) => String(a[period]).localeCompare(String(b[period])));
  for (const row of sorted) {
    const series = JSON.stringify([...others.map((d) => row[d]), row.synthetic]);
    const previous = last.get(series);
    row.previous_cases = previous ? previous.cases : null;
    row.growth_pct = previous && previous.cases > 0 ? Math.round(((row.cases - previous.cases) / previous.cases) * 1000) / 10 : null;
    last.set(series, row);
  }
}
