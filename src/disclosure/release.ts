/**
 * An anonymised statistics release: counts of legal-aid clients by year, destination, military status, procedure
 * stage and outcome, as linked tables with their margins, small counts withheld (./suppress.ts), with its
 * provenance (which organisations, period, k, protection level, method version, when) and the sha256 of its
 * canonical content. The file is what is published and what `otkaz stats import-release` reads (docs/disclosure.md).
 */
import { createHash } from 'node:crypto';
import type { Highs } from 'highs';
import { z } from 'zod';
import { suppress } from './suppress.ts';
import { type Assignment, countFigures, type GridSpec, gridKeys, keyOf, TOTAL } from './tables.ts';

export const RELEASE_FORMAT = 'otkaz-anonymised-statistics' as const;
export const METHOD_VERSION = 'otkaz-disclosure/1' as const;
export const METHOD =
  'primary suppression of counts 1..k-1 (zeros published); complementary suppression by the hypercube method over each table with its margins; audit of every withheld count by integer programming over all linked tables of a year, repaired until each interval is at least the protection level wide and reaches k';

export const GROUPS = ['military', 'not_military', 'unknown_status'] as const;
export const MILITARY = ['conscript', 'contract', 'mobilised', 'reservist', 'volunteer'] as const;
export const STAGES = ['filing', 'first_instance', 'appeal', 'further_appeal', 'review'] as const;
export const OUTCOMES = ['protection', 'no_protection', 'pending'] as const;

/** One person as the tables count them: non-identifying categories only. */
export interface UnitRecord {
  year: string;
  group: (typeof GROUPS)[number];
  /** Only for the military group. */
  status?: (typeof MILITARY)[number];
  /** ISO 3166 alpha-3. */
  destination: string;
  stage: (typeof STAGES)[number];
  outcome: (typeof OUTCOMES)[number];
}

export const DEFAULT_K = 10;

/** The grids published for one year: four tables by destination, linked by their margins. */
export function yearGrids(year: string, destinations: readonly string[]): GridSpec[] {
  const by = (id: string, rowDimension: string, rows: readonly string[], base: Assignment = {}): GridSpec => ({
    id: `${year}/${id}`,
    base: { year, ...base },
    rowDimension,
    rows,
    columnDimension: 'destination',
    columns: destinations,
  });
  return [
    by('group', 'group', GROUPS),
    by('military-status', 'status', MILITARY, { group: 'military' }),
    by('stage', 'stage', STAGES),
    by('outcome', 'outcome', OUTCOMES),
  ];
}

const TITLES: Record<string, string> = {
  group: 'Clients by military status (group) and destination',
  'military-status': 'Military clients by status and destination',
  stage: 'Clients by procedure stage reached by the end of the year, and destination',
  outcome: 'Clients by outcome at the end of the year, and destination',
};

const count = z.number().int().nonnegative();
export const ReleaseTableSchema = z
  .object({
    id: z.string().regex(/^\d{4}\/[a-z-]+$/),
    year: z.string().regex(/^\d{4}$/),
    title: z.string().max(300),
    base: z.record(z.string(), z.string()),
    rowDimension: z.string().regex(/^[a-z]+$/),
    rows: z
      .array(z.string().regex(/^[a-z_]+$/))
      .min(2)
      .max(20),
    columnDimension: z.literal('destination'),
    columns: z
      .array(z.string().regex(/^([A-Z]{3}|total)$/))
      .min(2)
      .max(60),
    /** [row][column], the total row and column last; null: withheld. */
    cells: z.array(z.array(count.nullable())),
  })
  .strict();
export type ReleaseTable = z.infer<typeof ReleaseTableSchema>;

export const ReleaseSchema = z
  .object({
    format: z.literal(RELEASE_FORMAT),
    version: z.literal(1),
    method: z.object({ version: z.literal(METHOD_VERSION), description: z.string(), k: z.number().int().min(2), protection: z.number().int().min(1) }).strict(),
    generatedAt: z.string().datetime(),
    period: z.object({ from: z.string().regex(/^\d{4}$/), to: z.string().regex(/^\d{4}$/) }).strict(),
    unit: z.literal('persons'),
    origin: z.literal('RUS'),
    population: z.string().max(2000),
    organisations: z
      .array(z.object({ slug: z.string().max(64), name: z.string().max(300) }).strict())
      .min(1)
      .max(500),
    withheld: count.describe('how many published figures are withheld'),
    synthetic: z.boolean(),
    tables: z.array(ReleaseTableSchema).min(1).max(400),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type Release = z.infer<typeof ReleaseSchema>;

/** JSON with object keys sorted at every level: the text the release's sha256 is taken over. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function releaseHash(release: Omit<Release, 'sha256'> & { sha256?: string }): string {
  const { sha256: _ignored, ...content } = release;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export const POPULATION =
  'Clients of the organisations listed (and only those that chose to share statistics), counted once per person by their first asylum application: the year it was first filed and its destination; stage and outcome as at the end of that year. Not all military applicants: most never come to these organisations.';

export interface ReleaseInput {
  records: readonly UnitRecord[];
  years: readonly string[];
  destinations: readonly string[];
  organisations: ReadonlyArray<{ slug: string; name: string }>;
  k: number;
  protection: number;
  generatedAt: Date;
  synthetic: boolean;
}

/** Counts, suppresses and packs a release; the unit records never leave this function. */
export function buildRelease(input: ReleaseInput, highs: Highs): { release: Release; primary: number; complementary: number } {
  const tables: ReleaseTable[] = [];
  let primary = 0;
  let complementary = 0;
  let withheld = 0;
  for (const year of input.years) {
    const grids = yearGrids(year, input.destinations);
    const records = input.records.filter((r) => r.year === year) as unknown as Assignment[];
    const values = countFigures(grids, records);
    const result = suppress(grids, values, { k: input.k, protection: input.protection }, highs);
    primary += result.primary;
    complementary += result.complementary;
    withheld += result.suppressed.size;
    for (const grid of grids) {
      const keys = gridKeys(grid);
      const { year: _y, ...base } = grid.base;
      tables.push({
        id: grid.id,
        year,
        title: TITLES[grid.id.slice(5)] ?? grid.id,
        base,
        rowDimension: grid.rowDimension,
        rows: [...grid.rows, TOTAL],
        columnDimension: 'destination',
        columns: [...grid.columns, TOTAL],
        cells: keys.map((line) => line.map((key) => (result.suppressed.has(key) ? null : (values.get(key) ?? 0)))),
      });
    }
  }
  const content = {
    format: RELEASE_FORMAT,
    version: 1 as const,
    method: { version: METHOD_VERSION, description: METHOD, k: input.k, protection: input.protection },
    generatedAt: input.generatedAt.toISOString(),
    period: { from: input.years[0] ?? '', to: input.years[input.years.length - 1] ?? '' },
    unit: 'persons' as const,
    origin: 'RUS' as const,
    population: POPULATION,
    organisations: input.organisations.map((o) => ({ slug: o.slug, name: o.name })),
    withheld,
    synthetic: input.synthetic,
    tables,
  };
  // The format, hash and synthetic flag first: a reader sees them in the file's first bytes.
  const { format, version, synthetic, ...rest } = content;
  const release: Release = { format, version, sha256: releaseHash(content), synthetic, ...rest };
  return { release, primary, complementary };
}

/** The figure a table cell states, as the asylum statistics store it: measure and destination (null: the cell is not one). */
export function figureOf(table: ReleaseTable, row: number, column: number): { measure: string; destination: string; key: string } | null {
  const r = table.rows[row];
  const c = table.columns[column];
  if (r === undefined || c === undefined) return null;
  const a: Record<string, string> = { ...table.base, year: table.year };
  if (r !== TOTAL) a[table.rowDimension] = r;
  if (c !== TOTAL) a.destination = c;
  return { measure: measureOf(a), destination: c === TOTAL ? 'WORLD' : c, key: keyOf(a) };
}

/** The measure of the asylum statistics model (indicator `clients`) an assignment is. */
export function measureOf(a: Assignment): string {
  if (a.status) return a.status;
  if (a.group) return a.group;
  if (a.stage) return `stage_${a.stage}`;
  if (a.outcome) return `outcome_${a.outcome}`;
  return 'all';
}
