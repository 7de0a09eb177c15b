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
  /** Distinct cases and defendants: each counted once, whatever the rows. */
  totals: { cases: number; defendants: number; syntheticCases: number; removedCases: number };
  /**
   * When one case can appear in several rows (charged under two articles; defendants with different outcomes;
   * by decision date, defendants decided in different periods): which dimensions do it, and the distinct counts
   * by the other dimensions, so that a breakdown can show the total of distinct cases beside it. Null otherwise.
   */
  overlap: { dimensions: Dimension[]; note: string; by: Dimension[]; rows: ProsecutionRow[] } | null;
}

/** Dimensions under which one case may appear in several rows (see ProsecutionCounts.overlap). */
export function overlappingDimensions(by: Dimension[], dateBasis: 'receipt' | 'decision'): Dimension[] {
  const perCharge: Dimension[] = ['article', 'part', 'outcome', 'sentence', ...(dateBasis === 'decision' ? (['year', 'month'] as const) : [])];
  return by.filter((d) => perCharge.includes(d));
}

export const OVERLAP_NOTE =
  'One case may appear under several of these rows (a defendant charged under two articles, or defendants with different outcomes), ' +
  'so the rows add up to more than the number of cases: the distinct cases are given beside them.';

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
  const overlapping = overlappingDimensions(by, dateBasis);
  let overlap: ProsecutionCounts['overlap'] = null;
  if (overlapping.length > 0) {
    // The distinct cases by the dimensions that place a case in one row only (with none, the totals).
    const rest = by.filter((d) => !overlapping.includes(d));
    const restSelect = rest.map((dim) => `${EXPRESSIONS[dim].replace('DATE_COL', dateCol)} as "${dim}"`);
    const restGroups = [...rest.map((_, i) => String(i + 1)), String(rest.length + 1)];
    const distinctSql = `
      with charged as (
        select distinct ${[...restSelect, 'c.synthetic as synthetic'].join(', ')}, a.case_id, a.defendant_position, c.removed_at is not null as removed
        from ${from}
      )
      select ${[...rest.map((dim) => `"${dim}"`), 'synthetic'].join(', ')}, count(distinct case_id)::int as cases, count(*)::int as defendants,
             count(distinct case_id) filter (where removed)::int as removed
      from charged
      group by ${restGroups.join(', ')}
      order by ${restGroups.join(', ')}`;
    const distinctRows = await db.query<ProsecutionRow>(distinctSql, params);
    if (query.growth) addGrowth(distinctRows, rest, query.from ?? null, query.to ?? null);
    overlap = { dimensions: overlapping, note: OVERLAP_NOTE, by: rest, rows: distinctRows };
  }
  const shown = query.growth ? addGrowth(rows, by, query.from ?? null, query.to ?? null) : rows;
  return {
    query: { by, articles, from: query.from ?? null, to: query.to ?? null, dateBasis, synthetic, growth: query.growth ?? false },
    method: METHOD,
    rows: shown,
    totals: {
      cases: totals?.cases ?? 0,
      defendants: totals?.defendants ?? 0,
      syntheticCases: totals?.synthetic_cases ?? 0,
      removedCases: totals?.removed_cases ?? 0,
    },
    overlap,
  };
}

/** The period before a month 'YYYY-MM' or a year 'YYYY'. */
export function previousPeriod(period: string): string {
  if (/^\d{4}$/.test(period)) return String(Number(period) - 1);
  const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Every month (or year) from `first` to `last`, inclusive, in order. */
export function periodRange(first: string, last: string): string[] {
  const out: string[] = [];
  const next = (p: string) =>
    /^\d{4}$/.test(p)
      ? String(Number(p) + 1)
      : Number(p.slice(5, 7)) === 12
        ? `${Number(p.slice(0, 4)) + 1}-01`
        : `${p.slice(0, 5)}${String(Number(p.slice(5, 7)) + 1).padStart(2, '0')}`;
  for (let p = first; p <= last && out.length < 10_000; p = next(p)) out.push(p);
  return out;
}

/**
 * Adds the previous period's count and the growth in % to each row, per series (the other dimensions). The
 * previous period is the calendar one (the month before, the year before), never merely the previous row: a
 * period without cases is a row of zero, from the first period asked for (or found) to the last. Growth from
 * zero is null (not a number); growth to zero is -100 %.
 */
function addGrowth(rows: ProsecutionRow[], by: Dimension[], from: string | null, to: string | null): ProsecutionRow[] {
  const period = by.find((d) => d === 'month' || d === 'year');
  if (!period) return rows;
  const cut = (date: string | null) => (date ? (period === 'year' ? date.slice(0, 4) : date.slice(0, 7)) : null);
  const others = by.filter((d) => d !== period);
  const key = (row: ProsecutionRow) => JSON.stringify([...others.map((d) => row[d]), row.synthetic]);
  const found = rows
    .map((r) => r[period])
    .filter((p): p is string => typeof p === 'string')
    .sort();
  const first = cut(from) ?? found[0];
  const last = cut(to) ?? found.at(-1);
  if (!first || !last) return rows;
  const periods = periodRange(first, last);
  const byKey = new Map<string, Map<string, ProsecutionRow>>();
  const template = new Map<string, ProsecutionRow>();
  for (const row of rows) {
    const k = key(row);
    if (!byKey.has(k)) byKey.set(k, new Map());
    byKey.get(k)?.set(String(row[period]), row);
    template.set(k, row);
  }
  const out: ProsecutionRow[] = [];
  for (const [k, series] of byKey) {
    const base = template.get(k) as ProsecutionRow;
    for (const p of periods) {
      const row = series.get(p) ?? {
        ...Object.fromEntries(others.map((d) => [d, base[d] ?? null])),
        [period]: p,
        synthetic: base.synthetic,
        cases: 0,
        defendants: 0,
        removed: 0,
      };
      const previous = series.get(previousPeriod(p));
      const previousCases = previous ? previous.cases : periods.includes(previousPeriod(p)) ? 0 : null;
      row.previous_cases = previousCases;
      row.growth_pct = previousCases ? Math.round(((row.cases - previousCases) / previousCases) * 1000) / 10 : null;
      out.push(row);
    }
  }
  // Rows outside the range (a null period) are kept as they were.
  out.push(...rows.filter((r) => typeof r[period] !== 'string'));
  const order = (row: ProsecutionRow) => by.map((d) => String(row[d] ?? '')).concat(String(row.synthetic));
  return out.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
    return 0;
  });
}
