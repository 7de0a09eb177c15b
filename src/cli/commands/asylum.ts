/**
 * Asylum and border statistics on the command line: `stats import | releases | series | compare | rates | fetch`
 * and `check <claims.yaml>`. Every figure printed names its source, dataset and release; --json adds the exact
 * query behind it.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { countryName, parseArea } from '../../asylum/codes/countries.ts';
import { INDICATORS, SOURCES, type Source } from '../../asylum/model.ts';
import type { SeriesResult } from '../../asylum/query/series.ts';
import { ensureSnapshot } from '../../asylum/snapshot.ts';
import { FETCHABLE, fetchStatistics } from '../../asylum/sources/fetch.ts';
import { compareOperation } from '../../operations/asylum/compare.ts';
import { IMPORT_COLUMNS, importStatisticsOperation } from '../../operations/asylum/import.ts';
import { importReleaseOperation } from '../../operations/asylum/import-release.ts';
import { legalAidOperation } from '../../operations/asylum/legal-aid.ts';
import { ratesOperation } from '../../operations/asylum/rates.ts';
import { releaseOperation } from '../../operations/asylum/release.ts';
import { RELEASE_COLUMNS, releasesOperation } from '../../operations/asylum/releases.ts';
import { releaseCell } from '../../operations/asylum/schemas.ts';
import { type SeriesInput, seriesOperation } from '../../operations/asylum/series.ts';
import { checkClaimsFileOperation } from '../../operations/claims/check.ts';
import type { OperationContext } from '../../ops/operation.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { PERIOD_BASES } from '../../shared/periods.ts';
import { present } from '../../shared/present.ts';
import { bindCommand, bindCommandEach } from '../bind.ts';
import { withContext } from '../context.ts';
import { print, renderTable } from '../output.ts';

function areas(value: string, flag: string): string[] {
  return value.split(',').map((v) => {
    const code = parseArea(v);
    if (!code) throw new OtkazError(ErrorCode.Usage, `unknown country or area "${v}" (ISO3 such as DEU, alpha-2 such as DE, or EU27, WORLD)`, { where: flag });
    return code;
  });
}

/** A series for people: its rows, notes, definitions and where the provenance is. */
function seriesText(result: SeriesResult, input: z.output<typeof SeriesInput>): string {
  const rows = result.rows.map((r) => ({
    ...r,
    value: fmt(r.value),
    complete: r.months === null ? '' : r.complete ? 'yes' : 'NO',
    growth_pct: r.growthPct,
    release: releaseCell(r.releases),
  }));
  const columns = [
    'source',
    'dataset',
    'destination',
    'period',
    'value',
    'unit',
    'levels',
    'flags',
    ...(result.query.period === 'year' || result.query.period === 'fiscal_year' ? ['months', 'complete'] : []),
    ...(input.growth ? ['previous', 'growth_pct'] : []),
    'release',
  ];
  const lines = [
    `${result.query.indicator}/${result.query.measure}, origin ${countryName(input.origin)} (${input.origin}), by ${result.query.period.replace('_', ' ')}`,
    renderTable(columns, rows),
  ];
  for (const note of result.notes) lines.push(`note: ${note.note}`);
  for (const d of new Set(result.rows.map((r) => `${r.source}: ${r.definition}`))) lines.push(`definition — ${d}`);
  if (result.rows.some((r) => r.releases.some((x) => x.synthetic))) lines.push('SYNTHETIC data is included (demo/benchmark files, not real).');
  lines.push("provenance: --json gives each value's releases (file, sha256, vintage) and the exact SQL query.");
  return lines.join('\n');
}

const fmt = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);

export function registerAsylum(stats: Command, program: Command): void {
  bindCommandEach(
    stats
      .command('import')
      .description(
        'import statistics files (UNHCR API JSON / R-package / Refugee Data Finder CSV, Eurostat TSV / SDMX-CSV / JSON-stat / tidy CSV, CBP encounters CSV; .gz allowed); the same file twice is a no-op',
      )
      .argument('<files...>'),
    importStatisticsOperation,
    {
      args: ['file'],
      each: 'file',
      flags: {
        vintage: ['--vintage <date>', 'release date YYYY-MM-DD, when the file does not state one'],
        release: ['--release <label>', 'release label, e.g. "R package 2025.12.1"'],
        dataset: ['--dataset <code>', 'Eurostat dataset code when neither the file nor its name says it (e.g. migr_asydcfsta)'],
        licence: ['--licence <text>', 'the licence the file was published under'],
        url: ['--url <url>', 'where the file was published'],
      },
      text: (results) => renderTable([...IMPORT_COLUMNS], results),
    },
  );

  bindCommand(
    stats
      .command('release')
      .description(
        'an anonymised release of the case files of the organisations that share statistics (counts below k withheld, with complementary suppression; docs/disclosure.md), written as JSON',
      )
      .option('--include-synthetic', 'pool SYNTHETIC (demo) organisations too (the release is marked synthetic)'),
    releaseOperation,
    {
      flags: {
        from: ['--from <year>', 'the first calendar year'],
        to: ['--to <year>', 'the last calendar year (default: the first); only years that have ended, each released once'],
        k: ['--k <n>', 'withhold counts from 1 to k − 1 (default 10)'],
        protection: ['--protection <n>', "least width of a withheld count's feasible interval (default k/2, rounded up)"],
        out: ['--out <file>', 'the release file to write (JSON; a new file)'],
      },
      map: (raw, options) => ({ ...raw, ...(options.includeSynthetic ? { includeSynthetic: true } : {}) }),
      text: (r) =>
        [
          `release ${r.sha256} written to ${r.file}`,
          `period ${r.period.from}–${r.period.to}; organisations pooled: ${r.organisations.join(', ')}${r.synthetic ? ' (SYNTHETIC)' : ''}`,
          `k = ${r.k}, protection ${r.protection}; ${r.tables} tables, ${r.cells} cells; ${r.withheld} figures withheld`,
          'publish the file as it is; import it with: otkaz stats import-release FILE',
        ].join('\n'),
    },
  );

  bindCommand(
    stats
      .command('import-release')
      .description('import an anonymised legal-aid statistics release (from otkaz stats release) as the source legal_aid; its sha256 and tables are checked')
      .argument('<file>'),
    importReleaseOperation,
    { args: ['file'], text: (r) => renderTable([...IMPORT_COLUMNS], [r]) },
  );

  bindCommand(
    stats.command('legal-aid').description('the latest imported legal-aid release: its tables, withheld cells marked "c", and provenance'),
    legalAidOperation,
    {
      text: ({ release }) => {
        if (!release) return 'no legal-aid release imported (otkaz stats import-release FILE)';
        const lines = [
          `legal-aid case files, release ${release.sha256.slice(0, 12)} of ${release.generatedAt}${release.synthetic ? ' — SYNTHETIC' : ''}`,
          `organisations: ${release.organisations.map((o) => o.slug).join(', ')}; k = ${release.k}, protection ${release.protection} (${release.methodVersion})`,
          release.population,
        ];
        for (const table of release.tables) {
          lines.push('', `${table.id}: ${table.title}`);
          lines.push(
            renderTable(
              [table.rowDimension, ...table.columns],
              table.rows.map((row, r) => ({
                [table.rowDimension]: row,
                ...Object.fromEntries(table.columns.map((c, i) => [c, table.cells[r]?.[i]?.withheld ? 'c' : String(table.cells[r]?.[i]?.value ?? '')])),
              })),
            ),
          );
        }
        lines.push('', 'c: withheld — fewer than k clients, or a count that would give such a one away (docs/disclosure.md)');
        return lines.join('\n');
      },
    },
  );

  const prepare = async (ctx: OperationContext) => ensureSnapshot(ctx.db);

  bindCommand(
    stats.command('releases').description('imported releases: source, dataset, vintage, file hash, and which newer release supersedes each'),
    releasesOperation,
    {
      prepare,
      text: (rows) =>
        renderTable(
          [...RELEASE_COLUMNS],
          rows.map((r) => ({ ...r, sha256: r.sha256.slice(0, 12) })),
        ),
    },
  );

  bindCommand(stats.command('series').description('a series by origin × destination × period from every source, with provenance'), seriesOperation, {
    flags: {
      indicator: ['--indicator <name>', `one of ${Object.keys(INDICATORS).join(', ')} (default applications)`],
      measure: ['--measure <name>', 'e.g. all, first_time, subsequent, new, repeat (applications); total, positive, rejected… (decisions)'],
      origin: ['--origin <code>', 'citizenship / country of origin (default RUS)'],
      dest: ['--dest <codes>', 'destinations: ISO3 / alpha-2 codes, EU27, WORLD (comma-separated; default DEU,FRA,EU27)'],
      source: ['--source <list>', `limit to ${SOURCES.join(', ')}`],
      period: ['--period <basis>', `${PERIOD_BASES.join(' | ')} (default year)`],
      from: ['--from <period>', 'first period (2019, FY2022, 2022-Q1, 2022-03)'],
      to: ['--to <period>', 'last period'],
      level: ['--level <codes>', 'procedure stages (UNHCR FI, AR, EO, IN…; Eurostat FI, FINAL)'],
      sex: ['--sex <code>', 'Eurostat sex (T, F, M; default T)'],
      age: ['--age <code>', 'Eurostat age band (default TOTAL)'],
      asOf: ['--as-of <date>', 'as published on this date (YYYY-MM-DD): ignore later releases'],
      growth: ['--growth', 'add the previous period and growth in %'],
    },
    prepare,
    text: seriesText,
  });

  bindCommand(
    stats
      .command('compare')
      .description('one quantity across sources and definitions (e.g. Eurostat first-time vs UNHCR new applications; fiscal vs calendar year)'),
    compareOperation,
    {
      flags: {
        period: ['--period <period>', '2022, FY2023, 2022-Q1, 2022-03, or months 2021-10..2022-01 (required)'],
        indicator: ['--indicator <name>', 'applications, decisions, encounters, recognition_rate… (default applications)'],
        measure: ['--measure <name>', 'omit to see every definition'],
        origin: ['--origin <code>', 'origin (default RUS)'],
        dest: ['--dest <code>', 'destination, one (default DEU)'],
        level: ['--level <codes>', 'procedure stages'],
        asOf: ['--as-of <date>', 'as published on this date'],
      },
      prepare,
      text: (found) => {
        const lines = [
          renderTable(
            ['label', 'period', 'value', 'complete', 'flags', 'release'],
            found.map((c) => ({ ...c, value: fmt(c.value), complete: c.complete ? 'yes' : 'NO', release: releaseCell(c.releases) })),
          ),
        ];
        if (!found.length) lines.push('no source has this quantity');
        lines.push('None of these sources records military status, desertion or draft evasion: the figures cover all citizens of the origin.');
        return lines.join('\n');
      },
    },
  );

  bindCommand(
    stats
      .command('rates')
      .description('recognition rates in the documented ways (UNHCR refugee / total, with and without closed cases; Eurostat positive ÷ total)'),
    ratesOperation,
    {
      flags: {
        origin: ['--origin <code>', 'origin (default RUS)'],
        dest: ['--dest <codes>', 'destinations (default DEU,FRA)'],
        from: ['--from <year>', 'first year'],
        to: ['--to <year>', 'last year'],
        level: ['--level <codes>', 'procedure stages to include (default: all, labelled)'],
      },
      prepare,
      text: (rows) => {
        const columns = ['source', 'method', 'destination', 'period', 'unit', 'levels', 'ratePct', 'numerator', 'denominator', 'release'];
        const lines = [
          renderTable(
            columns,
            rows.map((r) => ({ ...r, release: releaseCell(r.releases) })),
          ),
        ];
        for (const method of [...new Set(rows.map((r) => r.method))]) lines.push(`${method}: ${rows.find((r) => r.method === method)?.definition ?? ''}`);
        return lines.join('\n');
      },
    },
  );

  stats
    .command('fetch')
    .description('download from the official endpoints (UNHCR API, Eurostat API, CBP page), cache by content hash, import')
    .argument('<source>', FETCHABLE.join(' | '))
    .option('--origin <code>', 'origin (UNHCR, Eurostat filters)', 'RUS')
    .option('--base-url <url>', 'another endpoint root (a mirror, or a local test server)')
    .option('--json')
    .action(async (source: string, options: { origin: string; baseUrl?: string; json?: boolean }) => {
      // Named as the bound commands name a positional argument (src/cli/bind.ts): <source>.
      if (!(FETCHABLE as readonly string[]).includes(source))
        throw new OtkazError(ErrorCode.Usage, `<source>: unknown source "${source}"; use ${FETCHABLE.join(', ')}`);
      await withContext(async ({ db, config }) => {
        const results = await fetchStatistics(db, {
          source: source as Source,
          origin: present(areas(options.origin, '--origin')[0], 'the first origin'),
          cacheDir: `${config.dataDir}/downloads`,
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          contact: config.crawlContact,
        });
        if (options.json) print(JSON.stringify(results, null, 2));
        else
          print(
            renderTable(
              ['url', 'cached', 'status', 'dataset', 'observations', 'sha256'],
              results.map((r) => ({ ...r, sha256: r.sha256.slice(0, 12) })),
            ),
          );
      });
    });

  bindCommand(
    program
      .command('check <file>')
      .description('check published claims (a YAML file of structured claims) against every source; verdict and the figures behind it'),
    checkClaimsFileOperation,
    {
      args: ['file'],
      text: (results) => {
        const lines: string[] = [];
        for (const r of results) {
          lines.push(`${r.id}: ${r.verdict.toUpperCase().replace(/_/g, ' ')}`);
          lines.push(`  claim: ${r.statement}${r.published ? ` — ${r.published.by}${r.published.date ? `, ${r.published.date}` : ''}` : ''}`);
          lines.push(`  why: ${r.reason}`);
          for (const f of r.figures) {
            const shown =
              f.changePct !== undefined ? `${fmt(f.fromValue ?? null)} → ${fmt(f.value)} (${f.changePct === null ? 'n/a' : `${f.changePct} %`})` : fmt(f.value);
            lines.push(
              `  ${f.holds === null ? '·' : f.holds ? '✓' : '✗'} ${f.label}, ${f.period}: ${shown}${f.caveats.length ? ` [${f.caveats.join('; ')}]` : ''} — ${f.releases.map((x) => `${x.release}, ${x.vintage}`).join('; ')}`,
            );
          }
          lines.push('');
        }
        const counts = new Map<string, number>();
        for (const r of results) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
        lines.push(`${results.length} claims: ${[...counts].map(([k, v]) => `${v} ${k.replace(/_/g, ' ')}`).join(', ')}`);
        return lines.join('\n');
      },
    },
  );
}
