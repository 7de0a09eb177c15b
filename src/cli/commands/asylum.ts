/**
 * Asylum and border statistics on the command line: `stats import | releases | series | compare | rates | fetch`
 * and `check <claims.yaml>`. Every figure printed names its source, dataset and release; --json adds the exact
 * query behind it.
 */
import type { Command } from 'commander';
import { checkClaims } from '../../stats/claims/check.ts';
import { loadClaims } from '../../stats/claims/load.ts';
import { countryName, parseArea } from '../../stats/codes/countries.ts';
import { importStatistics } from '../../stats/import/load.ts';
import { type Indicator, INDICATORS, isIndicator, type Source, SOURCES } from '../../stats/model.ts';
import { candidates, basisOf } from '../../stats/query/compare.ts';
import { recognitionRates } from '../../stats/query/rates.ts';
import { listReleases } from '../../stats/query/releases.ts';
import { type PeriodBasis, series } from '../../stats/query/series.ts';
import { fetchStatistics } from '../../stats/sources/fetch.ts';
import { ensureSnapshot } from '../../stats/snapshot.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';
import { formatFrom, print, renderCsv, renderTable } from '../output.ts';

function areas(value: string, flag: string): string[] {
  return value.split(',').map((v) => {
    const code = parseArea(v);
    if (!code) throw new OtkazError(ErrorCode.Usage, `unknown country or area "${v}" (ISO3 such as DEU, alpha-2 such as DE, or EU27, WORLD)`, { where: flag });
    return code;
  });
}

function indicatorOf(value: string): Indicator {
  if (!isIndicator(value)) throw new OtkazError(ErrorCode.Usage, `unknown indicator "${value}"; use ${Object.keys(INDICATORS).join(', ')}`, { where: '--indicator' });
  return value;
}

function sourcesOf(value: string | undefined): Source[] | undefined {
  if (!value) return undefined;
  return value.split(',').map((s) => {
    if (!(SOURCES as readonly string[]).includes(s)) throw new OtkazError(ErrorCode.Usage, `unknown source "${s}"; use ${SOURCES.join(', ')}`, { where: '--source' });
    return s as Source;
  });
}

function basisOption(value: string): PeriodBasis {
  if (!['year', 'fiscal_year', 'quarter', 'month'].includes(value)) throw new OtkazError(ErrorCode.Usage, 'use year, fiscal_year, quarter or month', { where: '--period' });
  return value as PeriodBasis;
}

const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '' : Number.isInteger(value) ? value.toLocaleString('en-US') : String(value));

export function registerAsylum(stats: Command, program: Command): void {
  stats
    .command('import')
    .description('import statistics files (UNHCR API JSON / R-package / Refugee Data Finder CSV, Eurostat TSV / SDMX-CSV / JSON-stat / tidy CSV, CBP encounters CSV; .gz allowed); the same file twice is a no-op')
    .argument('<files...>')
    .option('--vintage <date>', 'release date YYYY-MM-DD, when the file does not state one')
    .option('--release <label>', 'release label, e.g. "R package 2025.12.1"')
    .option('--dataset <code>', 'Eurostat dataset code when neither the file nor its name says it (e.g. migr_asydcfsta)')
    .option('--licence <text>')
    .option('--url <url>', 'where the file was published')
    .option('--json')
    .action(async (files: string[], options: { vintage?: string; release?: string; dataset?: string; licence?: string; url?: string; json?: boolean }) => {
      await withContext(async ({ db }) => {
        const results = [];
        for (const file of files) results.push(await importStatistics(db, file, options));
        if (options.json) print(JSON.stringify(results, null, 2));
        else print(renderTable(['status', 'source', 'dataset', 'format', 'release', 'vintage', 'observations', 'footnotes', 'file'], results));
      });
    });

  stats
    .command('releases')
    .description('imported releases: source, dataset, vintage, file hash, and which newer release supersedes each')
    .option('--json')
    .option('--csv')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (options: { json?: boolean; csv?: boolean; bom?: boolean }) => {
      await withContext(async ({ db }) => {
        await ensureSnapshot(db);
        const rows = await listReleases(db);
        const columns = ['id', 'source', 'dataset', 'format', 'release', 'vintage', 'observations', 'superseded_by', 'synthetic', 'file', 'sha256'];
        const format = formatFrom(options);
        if (format === 'json') print(JSON.stringify(rows, null, 2));
        else if (format === 'csv') print(renderCsv(columns, rows, { bom: options.bom === true }));
        else print(renderTable(columns, rows.map((r) => ({ ...r, sha256: r.sha256.slice(0, 12) }))));
      });
    });

  stats
    .command('series')
    .description('a series by origin × destination × period from every source, with provenance')
    .option('--indicator <name>', `one of ${Object.keys(INDICATORS).join(', ')}`, 'applications')
    .option('--measure <name>', 'e.g. all, first_time, subsequent, new, repeat (applications); total, positive, rejected… (decisions)')
    .option('--origin <code>', 'citizenship / country of origin', 'RUS')
    .option('--dest <codes>', 'destinations: ISO3 / alpha-2 codes, EU27, WORLD (comma-separated)', 'DEU,FRA,EU27')
    .option('--source <list>', `limit to ${SOURCES.join(', ')}`)
    .option('--period <basis>', 'year | fiscal_year | quarter | month', 'year')
    .option('--from <period>', 'first period (2019, FY2022, 2022-Q1, 2022-03)')
    .option('--to <period>', 'last period')
    .option('--level <codes>', 'procedure stages (UNHCR FI, AR, EO, IN…; Eurostat FI, FINAL)')
    .option('--sex <code>', 'Eurostat sex (T, F, M)', 'T')
    .option('--age <code>', 'Eurostat age band', 'TOTAL')
    .option('--as-of <date>', 'as published on this date (YYYY-MM-DD): ignore later releases')
    .option('--growth', 'add the previous period and growth in %')
    .option('--json')
    .option('--csv')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (options: { indicator: string; measure?: string; origin: string; dest: string; source?: string; period: string; from?: string; to?: string; level?: string; sex: string; age: string; asOf?: string; growth?: boolean; json?: boolean; csv?: boolean; bom?: boolean }) => {
      const origin = areas(options.origin, '--origin')[0]!;
      await withContext(async ({ db }) => {
        await ensureSnapshot(db);
        const result = await series(db, {
          indicator: indicatorOf(options.indicator),
          ...(options.measure ? { measure: options.measure } : {}),
          origin,
          destinations: areas(options.dest, '--dest'),
          ...(sourcesOf(options.source) ? { sources: sourcesOf(options.source) } : {}),
          period: basisOption(options.period),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          ...(options.level ? { levels: options.level.split(',') } : {}),
          sex: options.sex,
          age: options.age,
          ...(options.asOf ? { asOf: options.asOf } : {}),
          growth: options.growth ?? false,
        });
        const format = formatFrom(options);
        const flat = result.rows.map((r) => ({
          source: r.source,
          dataset: r.dataset,
          destination: r.destination,
          period: r.period,
          value: r.value,
          unit: r.unit,
          levels: r.levels,
          flags: r.flags,
          months: r.months,
          complete: r.complete,
          previous: r.previous,
          growth_pct: r.growthPct,
          release: r.releases.map((x) => `${x.release} (${x.vintage})`).join('; '),
          sha256: r.releases.map((x) => x.sha256).join(' '),
          synthetic: r.releases.some((x) => x.synthetic),
        }));
        const columns = ['source', 'dataset', 'destination', 'period', 'value', 'unit', 'levels', 'flags', ...(result.query.period === 'year' || result.query.period === 'fiscal_year' ? ['months', 'complete'] : []), ...(options.growth ? ['previous', 'growth_pct'] : []), 'release'];
        if (format === 'json') print(JSON.stringify(result, null, 2));
        else if (format === 'csv') print(renderCsv([...columns, 'sha256', 'synthetic'], flat, { bom: options.bom === true }));
        else {
          print(`${result.query.indicator}/${result.query.measure}, origin ${countryName(origin)} (${origin}), by ${result.query.period.replace('_', ' ')}`);
          print(renderTable(columns, flat.map((r) => ({ ...r, value: fmt(r.value), destination: r.destination, complete: r.months === null ? '' : r.complete ? 'yes' : 'NO' }))));
          for (const note of result.notes) print(`note: ${note.note}`);
          const definitions = [...new Set(result.rows.map((r) => `${r.source}: ${r.definition}`))];
          for (const d of definitions) print(`definition — ${d}`);
          if (flat.some((r) => r.synthetic)) print('SYNTHETIC data is included (demo/benchmark files, not real).');
          print('provenance: --json gives each value\'s releases (file, sha256, vintage) and the exact SQL query.');
        }
      });
    });

  stats
    .command('compare')
    .description('one quantity across sources and definitions (e.g. Eurostat first-time vs UNHCR new applications; fiscal vs calendar year)')
    .requiredOption('--period <period>', '2022, FY2023, 2022-Q1, 2022-03')
    .option('--indicator <name>', 'applications, decisions, encounters, recognition_rate…', 'applications')
    .option('--measure <name>', 'omit to see every definition')
    .option('--origin <code>', 'origin', 'RUS')
    .option('--dest <code>', 'destination (one)', 'DEU')
    .option('--level <codes>', 'procedure stages')
    .option('--as-of <date>', 'as published on this date')
    .option('--json')
    .option('--csv')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (options: { period: string; indicator: string; measure?: string; origin: string; dest: string; level?: string; asOf?: string; json?: boolean; csv?: boolean; bom?: boolean }) => {
      basisOf(options.period);
      const indicator = options.indicator === 'recognition_rate' ? 'recognition_rate' : indicatorOf(options.indicator);
      await withContext(async ({ db }) => {
        await ensureSnapshot(db);
        const found = await candidates(db, {
          indicator,
          ...(options.measure ? { measure: options.measure } : {}),
          origin: areas(options.origin, '--origin')[0]!,
          destination: areas(options.dest, '--dest')[0]!,
          period: options.period,
          ...(options.level ? { levels: options.level.split(',') } : {}),
          ...(options.asOf ? { asOf: options.asOf } : {}),
        });
        const rows = found.map((c) => ({ label: c.label, source: c.source, period: c.period, value: c.value, unit: c.unit, complete: c.complete, flags: c.flags, release: c.releases.map((r) => `${r.release} (${r.vintage})`).join('; '), definition: c.definition }));
        const format = formatFrom(options);
        if (format === 'json') print(JSON.stringify(found, null, 2));
        else if (format === 'csv') print(renderCsv(['label', 'source', 'period', 'value', 'unit', 'complete', 'flags', 'release', 'definition'], rows, { bom: options.bom === true }));
        else {
          print(renderTable(['label', 'period', 'value', 'complete', 'flags', 'release'], rows.map((r) => ({ ...r, value: fmt(r.value), complete: r.complete ? 'yes' : 'NO' }))));
          if (!rows.length) print('no source has this quantity');
          print('None of these sources records military status, desertion or draft evasion: the figures cover all citizens of the origin.');
        }
      });
    });

  stats
    .command('rates')
    .description('recognition rates in the documented ways (UNHCR refugee / total, with and without closed cases; Eurostat positive ÷ total)')
    .option('--origin <code>', 'origin', 'RUS')
    .option('--dest <codes>', 'destinations', 'DEU,FRA,EU27')
    .option('--from <year>')
    .option('--to <year>')
    .option('--level <codes>', 'procedure stages to include (default: all, labelled)')
    .option('--json')
    .option('--csv')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (options: { origin: string; dest: string; from?: string; to?: string; level?: string; json?: boolean; csv?: boolean; bom?: boolean }) => {
      await withContext(async ({ db }) => {
        await ensureSnapshot(db);
        const rows = await recognitionRates(db, { origin: areas(options.origin, '--origin')[0]!, destinations: areas(options.dest, '--dest'), ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}), ...(options.level ? { levels: options.level.split(',') } : {}) });
        const flat = rows.map((r) => ({ source: r.source, method: r.method, destination: r.destination, period: r.period, unit: r.unit, levels: r.levels, rate_pct: r.ratePct, numerator: r.numerator, denominator: r.denominator, release: r.releases.map((x) => `${x.release} (${x.vintage})`).join('; ') }));
        const format = formatFrom(options);
        const columns = ['source', 'method', 'destination', 'period', 'unit', 'levels', 'rate_pct', 'numerator', 'denominator', 'release'];
        if (format === 'json') print(JSON.stringify(rows, null, 2));
        else if (format === 'csv') print(renderCsv(columns, flat, { bom: options.bom === true }));
        else {
          print(renderTable(columns, flat));
          for (const method of [...new Set(rows.map((r) => r.method))]) print(`${method}: ${rows.find((r) => r.method === method)!.definition}`);
        }
      });
    });

  stats
    .command('fetch')
    .description('download from the official endpoints (UNHCR API, Eurostat API, CBP page), cache by content hash, import')
    .argument('<source>', SOURCES.join(' | '))
    .option('--origin <code>', 'origin (UNHCR, Eurostat filters)', 'RUS')
    .option('--base-url <url>', 'another endpoint root (a mirror, or a local test server)')
    .option('--json')
    .action(async (source: string, options: { origin: string; baseUrl?: string; json?: boolean }) => {
      if (!(SOURCES as readonly string[]).includes(source)) throw new OtkazError(ErrorCode.Usage, `unknown source "${source}"; use ${SOURCES.join(', ')}`, { where: 'source' });
      await withContext(async ({ db, config }) => {
        const results = await fetchStatistics(db, { source: source as Source, origin: areas(options.origin, '--origin')[0]!, cacheDir: `${config.dataDir}/downloads`, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), contact: config.crawlContact });
        if (options.json) print(JSON.stringify(results, null, 2));
        else print(renderTable(['url', 'cached', 'status', 'dataset', 'observations', 'sha256'], results.map((r) => ({ ...r, sha256: r.sha256.slice(0, 12) }))));
      });
    });

  program
    .command('check')
    .description('check published claims (a YAML file of structured claims) against every source; verdict and the figures behind it')
    .argument('<claims>', 'claims YAML file, e.g. assets/claims/russian-asylum-claims.yaml')
    .option('--json')
    .action(async (file: string, options: { json?: boolean }) => {
      const claims = loadClaims(file);
      await withContext(async ({ db }) => {
        await ensureSnapshot(db);
        const results = await checkClaims(db, claims);
        if (options.json) {
          print(JSON.stringify(results, null, 2));
          return;
        }
        for (const r of results) {
          print(`${r.id}: ${r.verdict.toUpperCase().replace(/_/g, ' ')}`);
          print(`  claim: ${r.statement}${r.published ? ` — ${r.published.by}${r.published.date ? `, ${r.published.date}` : ''}` : ''}`);
          print(`  why: ${r.reason}`);
          for (const f of r.figures) {
            const shown = f.changePct !== undefined ? `${fmt(f.fromValue)} → ${fmt(f.value)} (${f.changePct === null ? 'n/a' : `${f.changePct} %`})` : fmt(f.value);
            print(`  ${f.holds === null ? '·' : f.holds ? '✓' : '✗'} ${f.label}, ${f.period}: ${shown}${f.caveats.length ? ` [${f.caveats.join('; ')}]` : ''} — ${f.releases.map((x) => `${x.release}, ${x.vintage}`).join('; ')}`);
          }
          print('');
        }
        const counts = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.verdict]: (acc[r.verdict] ?? 0) + 1 }), {});
        print(`${results.length} claims: ${Object.entries(counts).map(([k, v]) => `${v} ${k.replace(/_/g, ' ')}`).join(', ')}`);
      });
    });
}
