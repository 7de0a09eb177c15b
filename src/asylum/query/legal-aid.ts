/**
 * The latest imported legal-aid release (source `legal_aid`), as published: its provenance and its tables, each
 * cell its count or withheld — rebuilt from the stored observations and the layouts kept with the release.
 */
import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import { figureOf, ReleaseTableSchema } from '../../disclosure/release.ts';

const LayoutSchema = ReleaseTableSchema.omit({ cells: true });
const MetaSchema = z.object({ provenance: z.record(z.string(), z.unknown()), layouts: z.array(LayoutSchema) });

export interface LegalAidCell {
  value: number | null;
  withheld: boolean;
}

export interface LegalAidTable {
  id: string;
  year: string;
  title: string;
  rowDimension: string;
  rows: string[];
  columns: string[];
  cells: LegalAidCell[][];
}

export interface LegalAidRelease {
  releaseId: number;
  sha256: string;
  importedSha256: string;
  file: string;
  vintage: string;
  importedAt: string;
  synthetic: boolean;
  generatedAt: string;
  period: { from: string; to: string };
  organisations: Array<{ slug: string; name: string }>;
  k: number;
  protection: number;
  method: string;
  methodVersion: string;
  population: string;
  withheld: number;
  tables: LegalAidTable[];
}

export async function latestLegalAidRelease(db: Queryable): Promise<LegalAidRelease | null> {
  const [release] = await db.query<{ id: number; sha256: string; file_name: string; vintage: string; imported_at: string; synthetic: boolean; meta: unknown }>(
    `select id, sha256, file_name, vintage::text as vintage, imported_at::text as imported_at, synthetic, meta from stat_releases
      where source = 'legal_aid' and not loading order by vintage desc, id desc limit 1`,
  );
  if (!release) return null;
  const meta = MetaSchema.parse(typeof release.meta === 'string' ? JSON.parse(release.meta) : release.meta);
  const p = meta.provenance as {
    sha256: string;
    generatedAt: string;
    period: { from: string; to: string };
    organisations: Array<{ slug: string; name: string }>;
    method: { version: string; description: string; k: number; protection: number };
    population: string;
    withheld: number;
    synthetic: boolean;
  };
  const rows = await db.query<{ measure: string; destination: string; period: string; value: number | null }>(
    "select measure, destination, period, value from stat_observations where release_id = $1 and indicator = 'clients'",
    [release.id],
  );
  const values = new Map(rows.map((r) => [`${r.period}|${r.measure}|${r.destination}`, r.value === null ? null : Number(r.value)]));
  const tables = meta.layouts.map((layout) => {
    const table = { ...layout, cells: [] };
    return {
      id: layout.id,
      year: layout.year,
      title: layout.title,
      rowDimension: layout.rowDimension,
      rows: layout.rows,
      columns: layout.columns,
      cells: layout.rows.map((_, r) =>
        layout.columns.map((_c, c) => {
          const figure = figureOf(table, r, c);
          const value = figure ? (values.get(`${layout.year}|${figure.measure}|${figure.destination}`) ?? null) : null;
          return { value, withheld: value === null };
        }),
      ),
    };
  });
  return {
    releaseId: release.id,
    sha256: p.sha256,
    importedSha256: release.sha256,
    file: release.file_name,
    vintage: release.vintage,
    importedAt: release.imported_at,
    synthetic: release.synthetic || p.synthetic,
    generatedAt: p.generatedAt,
    period: p.period,
    organisations: p.organisations,
    k: p.method.k,
    protection: p.method.protection,
    method: p.method.description,
    methodVersion: p.method.version,
    population: p.population,
    withheld: p.withheld,
    tables,
  };
}
