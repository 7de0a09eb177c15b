/**
 * Comparison of one quantity across sources and definitions: every figure the data can give for "applications
 * by Russians in Germany in 2022" (Eurostat all / first-time, UNHCR new at first instance / all types…), for
 * "encounters in 2023" (US fiscal and calendar year), for "the EU" (published aggregate, sum of members).
 * Each candidate states its definition; the claim checker and `otkaz stats compare` both use it.
 */
import type { Queryable } from '../../db/database.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { yieldToEventLoop } from '../../shared/limits.ts';
import { parseMonthRange, parsePeriod } from '../../shared/periods.ts';
import { present } from '../../shared/present.ts';
import { INDICATORS, type Indicator, PROCEDURE_STAGES, type Source } from '../model.ts';
import { sourceAdapter } from '../sources/registry.ts';
import { RATE_DEFINITIONS, type RateMethod, recognitionRates } from './rates.ts';
import { EU27_MEMBERS, type PeriodBasis, type ReleaseRef, type SeriesRow, type SeriesStatement, series } from './series.ts';

export interface Quantity {
  indicator: Indicator | 'recognition_rate';
  /** Omitted: every measure that could be meant. */
  measure?: string;
  origin: string;
  destination: string;
  /** 2022, FY2023, 2022-Q1, 2022-03. */
  period: string;
  /** Omitted: inferred from the period; a plain year of monthly data is tried as calendar and fiscal year. */
  basis?: PeriodBasis;
  levels?: string[];
  /** Other dimensions that must match (CBP `region=Southwest Land Border`, …). */
  detail?: string[];
  asOf?: string;
}

export interface Candidate {
  label: string;
  source: Source;
  measure: string;
  basis: PeriodBasis | 'rate';
  destination: string;
  period: string;
  unit: string;
  value: number | null;
  complete: boolean;
  months: number | null;
  levels: string;
  flags: string;
  definition: string;
  releases: ReleaseRef[];
  /** The series query that produced the value (absent for rates, which combine several). */
  query?: SeriesStatement;
  /** Set when the figure answers a narrower reading of the quantity (e.g. the Southwest land border only). */
  variant?: string;
}

const SOUTHWEST = 'region=Southwest Land Border';

/** A range of months `YYYY-MM..YYYY-MM`: summed into one figure. */
export function monthRange(period: string): { from: string; to: string; months: number } | null {
  const range = parseMonthRange(period);
  if (!range) return null;
  if (range.months < 1) throw new OtkazError(ErrorCode.StatsQuery, `the range "${period}" ends before it starts`, { where: 'period' });
  return range;
}

export function basisOf(period: string): { basis: PeriodBasis; period: string } {
  if (monthRange(period)) return { basis: 'month', period };
  const parsed = parsePeriod(period);
  if (parsed) return { basis: parsed.basis, period: parsed.label };
  throw new OtkazError(ErrorCode.StatsQuery, `unreadable period "${period}" (2022, FY2023, 2022-Q1, 2022-03)`, { where: 'period' });
}

const APPLICATION_MEASURES = ['all', 'first_time', 'subsequent'];

function describe(row: SeriesRow, destinationNote: string): string {
  const source = sourceAdapter(row.source);
  const basis = row.basis === 'fiscal_year' ? 'US fiscal year' : row.basis === 'year' ? 'calendar year' : row.basis;
  const levels = source.labelsLevels && row.levels ? `, stages ${row.levels}` : '';
  return `${source.name} ${row.indicator}/${source.describeMeasure(row.measure)}${levels}, ${basis}${destinationNote}, ${row.unit}`;
}

/** The measures a quantity may name: the indicator's own, or for recognition rates the methods. */
export function measuresOf(indicator: Quantity['indicator']): string[] {
  return indicator === 'recognition_rate' ? Object.keys(RATE_DEFINITIONS) : Object.keys(INDICATORS[indicator].measures);
}

/**
 * Refuses a measure the indicator does not have and a procedure stage (level) that no source uses and the data does
 * not hold, naming the valid ones: an unknown one would otherwise be checked against something else.
 */
export async function validateQuantity(db: Queryable, quantity: Quantity): Promise<void> {
  const valid = measuresOf(quantity.indicator);
  if (quantity.measure !== undefined && !valid.includes(quantity.measure))
    throw new OtkazError(ErrorCode.StatsQuery, `unknown measure "${quantity.measure}" for ${quantity.indicator} (one of: ${valid.join(', ')})`, {
      where: 'measure',
    });
  if (!quantity.levels?.length) return;
  const known: readonly string[] = PROCEDURE_STAGES;
  const unknown = quantity.levels.filter((l) => !known.includes(l));
  if (!unknown.length) return;
  const indicator = quantity.indicator === 'recognition_rate' ? 'decisions' : quantity.indicator;
  const held = (
    await db.query<{ level: string }>("select distinct level from stat_observations where indicator = $1 and level <> '' and level = any($2::text[])", [
      indicator,
      unknown,
    ])
  ).map((r) => r.level);
  const refused = unknown.filter((l) => !held.includes(l));
  if (refused.length)
    throw new OtkazError(
      ErrorCode.StatsQuery,
      `unknown procedure stage${refused.length > 1 ? 's' : ''} ${refused.map((l) => `"${l}"`).join(', ')} (one of: ${known.join(', ')})`,
      { where: 'level' },
    );
}

/** The measures computed when none is asked for: every definition that could be meant. */
function defaultMeasures(indicator: Indicator): Array<string | undefined> {
  if (indicator === 'applications') return APPLICATION_MEASURES;
  // Decisions: every kind, so that a comparison lists grants of refugee status beside the total.
  if (indicator === 'decisions') return Object.keys(INDICATORS.decisions.measures);
  return [undefined];
}

/** Every figure the data gives for a quantity, across sources, measures, period bases and EU definitions. */
export async function candidates(db: Queryable, quantity: Quantity): Promise<Candidate[]> {
  await validateQuantity(db, quantity);
  const range = monthRange(quantity.period);
  if (range && quantity.indicator !== 'recognition_rate') return rangeCandidates(db, quantity, range);
  const { basis: inferred, period } = basisOf(quantity.period);
  if (quantity.indicator === 'recognition_rate') {
    if (inferred !== 'year') throw new OtkazError(ErrorCode.StatsQuery, 'recognition rates are annual', { where: 'period' });
    const rates = await recognitionRates(db, {
      origin: quantity.origin,
      destinations: [quantity.destination],
      from: period,
      to: period,
      levels: quantity.levels,
      asOf: quantity.asOf,
    });
    return rates
      .filter((r) => !quantity.measure || r.method === (quantity.measure as RateMethod))
      .map((r) => ({
        label: `${sourceAdapter(r.source).name} ${r.method.replace(/_/g, ' ')}${r.levels ? ` (stages ${r.levels})` : ''}, ${r.unit}`,
        source: r.source,
        measure: r.method,
        basis: 'rate' as const,
        destination: r.destination,
        period: r.period,
        unit: 'percent',
        value: r.ratePct,
        complete: true,
        months: null,
        levels: r.levels,
        flags: '',
        definition: `${r.definition} = ${r.numerator} ÷ ${r.denominator}`,
        releases: r.releases,
      }));
  }
  const indicator = quantity.indicator;
  const measures = quantity.measure ? [quantity.measure] : defaultMeasures(indicator);
  // A plain year of monthly data (CBP) could be a calendar or a fiscal year: try both.
  const bases: Array<{ basis: PeriodBasis; period: string }> = quantity.basis
    ? [{ basis: quantity.basis, period: quantity.basis === 'fiscal_year' && /^\d{4}$/.test(period) ? `FY${period}` : period }]
    : inferred === 'year' && indicator === 'encounters'
      ? [
          { basis: 'year', period },
          { basis: 'fiscal_year', period: `FY${period}` },
        ]
      : [{ basis: inferred, period }];
  const destinations = quantity.destination === 'EU27_2020' ? ['EU27_2020', EU27_MEMBERS] : [quantity.destination];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  // Encounters "at the border" are often the Southwest land border only: offer that reading too.
  const readings: Array<{ detail: string[] | undefined; variant?: string }> = [{ detail: quantity.detail }];
  if (indicator === 'encounters' && !quantity.detail?.length) readings.push({ detail: [SOUTHWEST], variant: 'Southwest land border only' });
  for (const measure of measures) {
    for (const b of bases)
      for (const reading of readings) {
        // One series at a time, with a turn of the event loop before each: other requests are served in between.
        await yieldToEventLoop();
        const result = await series(db, {
          indicator,
          measure,
          origin: quantity.origin,
          destinations,
          period: b.basis,
          from: b.period,
          to: b.period,
          levels: quantity.levels,
          detail: reading.detail,
          asOf: quantity.asOf,
        });
        for (const row of result.rows) {
          // UNHCR sums members for both EU forms: keep one.
          const key = `${row.source}|${row.measure}|${row.basis}|${row.unit}|${row.value}|${row.destination === EU27_MEMBERS ? 'EU27_2020' : row.destination}`;
          if (row.source !== 'eurostat' && seen.has(key)) continue;
          seen.add(key);
          const destinationNote =
            row.destination === EU27_MEMBERS
              ? ', sum of EU member rows'
              : row.destination === 'EU27_2020' && row.source === 'eurostat'
                ? ', published EU27_2020 aggregate'
                : row.destination === 'EU27_2020'
                  ? ', sum of EU member states'
                  : '';
          out.push({
            label: describe(row, destinationNote) + (reading.variant ? `, ${reading.variant}` : ''),
            ...(reading.variant ? { variant: reading.variant } : {}),
            source: row.source,
            measure: row.measure,
            basis: row.basis,
            destination: row.destination,
            period: row.period,
            unit: row.unit,
            value: row.value,
            complete: row.complete,
            months: row.months,
            levels: row.levels,
            flags: row.flags,
            definition: row.definition,
            releases: row.releases,
            query: present(result.queries[row.queryId], `query ${row.queryId}`),
          });
        }
      }
  }
  return out;
}

/** Monthly data summed over a range of months, one candidate per source and unit. */
async function rangeCandidates(db: Queryable, quantity: Quantity, range: { from: string; to: string; months: number }): Promise<Candidate[]> {
  const out = await rangeReading(db, quantity, range, quantity.detail, undefined);
  if (quantity.indicator === 'encounters' && !quantity.detail?.length)
    out.push(...(await rangeReading(db, quantity, range, [SOUTHWEST], 'Southwest land border only')));
  return out;
}

async function rangeReading(
  db: Queryable,
  quantity: Quantity,
  range: { from: string; to: string; months: number },
  detail: string[] | undefined,
  variant: string | undefined,
): Promise<Candidate[]> {
  const indicator = quantity.indicator as Indicator;
  const result = await series(db, {
    indicator,
    ...(quantity.measure ? { measure: quantity.measure } : {}),
    origin: quantity.origin,
    destinations: [quantity.destination],
    period: 'month',
    from: range.from,
    to: range.to,
    levels: quantity.levels,
    detail,
    asOf: quantity.asOf,
  });
  const groups = new Map<string, SeriesRow[]>();
  for (const row of result.rows) {
    const key = `${row.source}|${row.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((rows) => {
    const first = present(rows[0], 'the first row');
    const releases = [...new Map(rows.flatMap((r) => r.releases).map((r) => [r.id, r])).values()];
    const filters = variant ? `, ${variant}` : detail?.length ? `, ${detail.join(', ')}` : '';
    return {
      ...(variant ? { variant } : {}),
      label: `${sourceAdapter(first.source).name} ${first.indicator}/${first.measure}, months ${range.from} to ${range.to}${filters}, ${first.unit}`,
      source: first.source,
      measure: first.measure,
      basis: 'month' as const,
      destination: first.destination,
      period: `${range.from}..${range.to}`,
      unit: first.unit,
      value: rows.reduce((n, r) => n + (r.value ?? 0), 0),
      complete: rows.length >= range.months,
      months: rows.length,
      levels: first.levels,
      flags: [...new Set(rows.map((r) => r.flags).filter(Boolean))].join(','),
      definition: `${first.definition}; sum of ${rows.length} of ${range.months} months`,
      releases,
      query: present(result.queries[first.queryId], `query ${first.queryId}`),
    };
  });
}
