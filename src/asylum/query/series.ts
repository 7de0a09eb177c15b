/**
 * Series: one quantity (indicator + measure) for an origin and destinations over periods, from every source
 * that has it, each value with its provenance (source, dataset, releases with vintage and sha256, and the exact
 * SQL and parameters that produced it). For each observation key the newest release (by vintage) wins; `asOf`
 * answers "as published on that date". Monthly data sum to calendar years, quarters or US fiscal years, with the
 * number of months found, so an incomplete year is visible.
 */
import type { Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { yieldToEventLoop } from '../../shared/limits.ts';
import { FISCAL_YEAR_START_MONTH, monthsIn, type PeriodBasis, parsePeriod } from '../../shared/periods.ts';
import { present } from '../../shared/present.ts';
import { EU27 } from '../codes/countries.ts';
import { INDICATORS, type Indicator, SOURCES, type Source } from '../model.ts';
import type { MeasureSelection } from '../sources/adapter.ts';
import { sourceAdapter } from '../sources/registry.ts';

/** A destination that asks for the sum of EU member rows even where an EU aggregate is published. */
export const EU27_MEMBERS = 'EU27_MEMBERS';

export type { PeriodBasis };

export interface SeriesQuery {
  indicator: Indicator;
  /** Default: `all` for applications, `total` otherwise (`stock` for stocks). */
  measure?: string;
  origin?: string;
  destinations: string[];
  sources?: Source[];
  period?: PeriodBasis;
  /** Bounds in the basis' notation: 2019, FY2023, 2022-Q1, 2022-03. */
  from?: string;
  to?: string;
  /** Procedure stages to include (UNHCR dec_level codes; Eurostat FI or FINAL). Default: all. */
  levels?: string[];
  /** Eurostat breakdowns; default T and TOTAL. */
  sex?: string;
  age?: string;
  /** Other dimensions that must match, as in `detail` (e.g. `region=Southwest Land Border`). */
  detail?: string[];
  asOf?: string;
  growth?: boolean;
  includeSynthetic?: boolean;
}

export interface ReleaseRef {
  id: number;
  source: Source;
  dataset: string;
  release: string;
  vintage: string;
  sha256: string;
  file: string;
  synthetic: boolean;
}

export interface SeriesRow {
  source: Source;
  dataset: string;
  indicator: Indicator;
  measure: string;
  origin: string;
  destination: string;
  period: string;
  basis: PeriodBasis;
  unit: string;
  value: number | null;
  /** Levels summed (UNHCR stages), flags seen (Eurostat), months found when months were summed. */
  levels: string;
  flags: string;
  months: number | null;
  complete: boolean;
  observations: number;
  previous?: number | null;
  growthPct?: number | null;
  releases: ReleaseRef[];
  definition: string;
  /** Index into `SeriesResult.queries`: the statement that produced this value. */
  queryId: number;
}

/** One statement of a series: every value of one source and destination comes from it. */
export interface SeriesStatement {
  id: number;
  source: Source;
  destination: string;
  sql: string;
  params: unknown[];
}

export interface SeriesNote {
  source: Source;
  destination: string;
  note: string;
}

export interface SeriesResult {
  query: Required<Pick<SeriesQuery, 'indicator' | 'measure' | 'origin' | 'destinations' | 'period'>> &
    Omit<SeriesQuery, 'indicator' | 'measure' | 'origin' | 'destinations' | 'period'>;
  rows: SeriesRow[];
  /** The exact SQL and parameters behind the rows (each row names its statement), so every value can be re-derived. */
  queries: SeriesStatement[];
  notes: SeriesNote[];
  definition: string;
}

/** Codes that are published totals of other rows: never summed together with their parts. */
export const TOTAL_CODES = ['WORLD', 'EU27_2020', 'EU28', 'EU27_2007', 'EXT_EU27_2020', 'EXT_EU28'];

interface FoundRow {
  period: string;
  unit: string;
  value: number | null;
  observations: number;
  months: number;
  levels: string;
  flags: string;
  releases: number[];
}

export function defaultMeasure(indicator: Indicator): string {
  if (indicator === 'applications') return 'all';
  return present(Object.keys(INDICATORS[indicator].measures)[0], `the first measure of ${indicator}`);
}

/** Which stored measures make up a requested measure in a source, and what that means. null: not available. */
export function measuresFor(source: Source, indicator: Indicator, measure: string): MeasureSelection | null {
  return sourceAdapter(source).measures(indicator, measure);
}

/** Period bucket expression over a stored period of the given type. */
function bucketSql(basis: PeriodBasis): { sql: string; types: string[] } {
  switch (basis) {
    case 'year':
      return { sql: 'substr(period, 1, 4)', types: ['year', 'quarter', 'month'] };
    case 'quarter':
      return {
        sql: "case when period_type = 'quarter' then period else substr(period, 1, 4) || '-Q' || ((substr(period, 6, 2)::int + 2) / 3)::text end",
        types: ['quarter', 'month'],
      };
    case 'month':
      return { sql: 'period', types: ['month'] };
    case 'fiscal_year':
      return {
        sql: `'FY' || (substr(period, 1, 4)::int + case when substr(period, 6, 2)::int >= ${FISCAL_YEAR_START_MONTH} then 1 else 0 end)::text`,
        types: ['month'],
      };
    default: {
      const unreachable: never = basis;
      return unreachable;
    }
  }
}

/** Months a complete period holds when months are summed (null: a month is never summed). */
function expectedMonths(basis: PeriodBasis): number | null {
  return basis === 'month' ? null : monthsIn(basis);
}

const EXAMPLES: Record<PeriodBasis, string> = { year: '2022', fiscal_year: 'FY2023', quarter: '2022-Q1', month: '2022-03' };

/** A bound in the basis' notation, canonical (a plain year of fiscal years is that fiscal year); else a coded error. */
function checkBound(value: string | undefined, basis: PeriodBasis, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = parsePeriod(value);
  if (parsed?.basis === basis) return parsed.label;
  if (parsed?.basis === 'year' && basis === 'fiscal_year') return `FY${parsed.label}`;
  throw new OtkazError(
    ErrorCode.StatsQuery,
    `"${value}" is not a ${basis.replace('_', ' ')} (e.g. ${EXAMPLES[basis]}${basis === 'month' ? ', months 01–12' : ''})`,
    { where: flag },
  );
}

/** Destinations a requested area covers in a source: the source's own reading (its adapter), else sums of members. */
function destinationFilter(source: Source, area: string): { codes: string[] | null; note: string | null } {
  if (area === EU27_MEMBERS) return { codes: [...EU27], note: 'sum of the rows of the 27 EU member states (2020 composition), not the published aggregate' };
  const own = sourceAdapter(source).area(area);
  if (own) return own;
  if (area === 'EU27_2020') return { codes: [...EU27], note: 'sum of the 27 EU member states (2020 composition)' };
  return { codes: [area], note: null };
}

export async function releaseRefs(db: Queryable, ids: number[]): Promise<Map<number, ReleaseRef>> {
  const rows = await db.query<{
    id: number;
    source: Source;
    dataset: string;
    release_label: string;
    vintage: string;
    sha256: string;
    file_name: string;
    synthetic: boolean;
  }>('select id, source, dataset, release_label, vintage, sha256, file_name, synthetic from stat_releases where id = any($1::int[])', [ids]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        source: r.source,
        dataset: r.dataset,
        release: r.release_label,
        vintage: r.vintage,
        sha256: r.sha256,
        file: r.file_name,
        synthetic: r.synthetic,
      },
    ]),
  );
}

export async function series(db: Queryable, input: SeriesQuery): Promise<SeriesResult> {
  const indicator = input.indicator;
  if (!INDICATORS[indicator]) throw new OtkazError(ErrorCode.StatsQuery, `unknown indicator "${indicator}"`, { where: '--indicator' });
  const measure = input.measure ?? defaultMeasure(indicator);
  const origin = input.origin ?? 'RUS';
  const basis = input.period ?? 'year';
  const from = checkBound(input.from, basis, '--from');
  const to = checkBound(input.to, basis, '--to');
  if (input.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.asOf))
    throw new OtkazError(ErrorCode.StatsQuery, `expected YYYY-MM-DD, got "${input.asOf}"`, { where: '--as-of' });
  const sources = input.sources ?? [...SOURCES];
  const rows: SeriesRow[] = [];
  const queries: SeriesStatement[] = [];
  const notes: SeriesNote[] = [];
  const bucket = bucketSql(basis);
  for (const source of sources) {
    const selection = measuresFor(source, indicator, measure);
    if (!selection) {
      notes.push({ source, destination: input.destinations.join(','), note: `${source} has no "${indicator}/${measure}"` });
      continue;
    }
    for (const destination of input.destinations) {
      // A turn of the event loop per statement: on the embedded engine awaited queries chain as microtasks, and
      // a series of many destinations (or the rates and claims built on it) would hold every other request.
      await yieldToEventLoop();
      const area = destinationFilter(source, destination);
      // A world total is read as published when the source publishes it (Eurostat TOTAL, UNHCR "-" rows);
      // otherwise it is the sum of the parts present (countries, stateless, unknown, CBP's OTHER), said in a note.
      const attempts: Array<{ origin: string | null; codes: string[] | null }> = [{ origin, codes: area.codes }];
      if (origin === 'WORLD') attempts.push({ origin: null, codes: area.codes });
      if (area.codes?.length === 1 && area.codes[0] === 'WORLD') {
        attempts.push({ origin, codes: null });
        if (origin === 'WORLD') attempts.push({ origin: null, codes: null });
      }
      let found: FoundRow[] = [];
      let sql = '';
      let params: unknown[] = [];
      let summed: string[] = [];
      for (const attempt of attempts) {
        params = [
          source,
          indicator,
          attempt.origin,
          selection.measures,
          attempt.codes,
          bucket.types,
          input.asOf ?? null,
          input.includeSynthetic ?? false,
          input.levels ?? null,
          source === 'eurostat' ? (input.sex ?? 'T') : null,
          source === 'eurostat' ? (input.age ?? 'TOTAL') : null,
          from ?? null,
          to ?? null,
          input.detail?.length ? input.detail : null,
          TOTAL_CODES,
        ];
        // Origin WORLD: Eurostat stores the TOTAL citizen aggregate; for the others, sum over countries of origin.
        // Supersession: for each (indicator, origin, destination, period), only the newest release that reports it
        // counts (ties: the later import). A newer release of a different breakdown (CBP state vs AOR file) thus
        // replaces the older one instead of being added to it.
        sql = `with filtered as (
  select o.indicator, o.measure, o.origin, o.destination, o.period, o.period_type, o.level, o.unit, o.value, o.flags, o.release_id, r.vintage
    from stat_observations o join stat_releases r on r.id = o.release_id
   where r.source = $1 and not r.loading and o.indicator = $2
     and (case when $3::text is null then not (o.origin = any($15::text[])) else o.origin = $3 end)
     and ($4::text[] is null or o.measure = any($4))
     and (case when $5::text[] is null then not (o.destination = any($15::text[])) else o.destination = any($5) end)
     and o.period_type = any($6) and ($7::date is null or r.vintage <= $7) and (not r.synthetic or $8)
     and ($9::text[] is null or o.level = any($9))
     and ($10::text is null or o.sex = $10) and ($11::text is null or o.age = $11)
     and ($14::text[] is null or (select bool_and(position(d in o.detail) > 0) from unnest($14::text[]) as d))
), ranked as (
  select f.*, first_value(release_id) over (partition by indicator, origin, destination, period order by vintage desc, release_id desc) as winner
    from filtered f
), latest as (
  select * from ranked where release_id = winner
), bucketed as (
  select ${bucket.sql} as bucket, * from latest
)
select bucket as period, unit, sum(value) as value, count(*)::int as observations,
       count(distinct case when period_type = 'month' then period end)::int as months,
       coalesce(string_agg(distinct level, ','), '') as levels,
       coalesce(string_agg(distinct flags, ','), '') as flags,
       array_agg(distinct release_id) as releases
  from bucketed
 where ($12::text is null or bucket >= $12) and ($13::text is null or bucket <= $13)
 group by bucket, unit order by bucket, unit`;
        found = await db.query<FoundRow>(sql, params);
        summed = [
          attempt.origin === null ? 'sum over the origins present in the loaded releases (published totals excluded)' : '',
          attempt.codes === null ? 'sum over the destinations present in the loaded releases (published totals excluded)' : '',
        ].filter(Boolean);
        if (found.length) break;
      }
      if (!found.length) {
        notes.push({
          source,
          destination,
          note: `no ${source} data for ${indicator}/${measure}, origin ${origin}, ${destination}${from || to ? `, ${from ?? '…'}–${to ?? '…'}` : ''}${basis === 'fiscal_year' && !sourceAdapter(source).fiscalYears ? ' (annual data cannot give US fiscal years)' : ''}`,
        });
        continue;
      }
      const refs = await releaseRefs(db, [...new Set(found.flatMap((f) => f.releases))]);
      const definition = [selection.note, area.note, ...summed].filter(Boolean).join('; ');
      const expected = expectedMonths(basis);
      const queryId = queries.push({ id: queries.length, source, destination, sql, params }) - 1;
      for (const f of found) {
        const releases = f.releases.map((id) => refs.get(id)).filter((ref): ref is ReleaseRef => ref !== undefined);
        const monthly = f.months > 0;
        rows.push({
          source,
          dataset: [...new Set(releases.map((r) => r.dataset))].join(', '),
          indicator,
          measure,
          origin,
          destination,
          period: f.period,
          basis,
          unit: f.unit,
          value: f.value,
          levels: f.levels,
          flags: f.flags,
          months: monthly ? f.months : null,
          complete: !monthly || expected === null || f.months >= expected,
          observations: f.observations,
          releases,
          definition,
          queryId,
        });
      }
    }
  }
  if (input.growth) addGrowth(rows);
  return {
    query: { ...input, indicator, measure, origin, destinations: input.destinations, period: basis, ...(from ? { from } : {}), ...(to ? { to } : {}) },
    rows,
    queries,
    notes,
    definition: INDICATORS[indicator].definition,
  };
}

/** Growth against the previous period of the same series (same source, destination, unit). */
function addGrowth(rows: SeriesRow[]): void {
  const last = new Map<string, SeriesRow>();
  for (const row of rows) {
    const key = `${row.source}|${row.destination}|${row.unit}`;
    const previous = last.get(key);
    row.previous = previous?.value ?? null;
    row.growthPct = previous?.value && row.value !== null ? Math.round(((row.value - previous.value) / previous.value) * 1000) / 10 : null;
    last.set(key, row);
  }
}
