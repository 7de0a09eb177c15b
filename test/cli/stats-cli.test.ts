// The statistics commands end to end on a fresh embedded database: the bundled snapshot loads on first use,
// series answer for Germany, France, the EU and CBP fiscal/calendar years with provenance, `check` runs the
// shipped claims file, bad input gives a typed error and exit status 2.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLES } from '../helpers/asylum.ts';
import { cli, useTempDataDir } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

describe('otkaz stats / check (embedded database in a temporary folder)', () => {
  useTempDataDir('otkaz-stats-cli-');

  it('stats series: Russian applicants in Germany, France and the EU (CSV with release and hash)', async () => {
    const { code, out } = await cli(
      'stats',
      'series',
      '--indicator',
      'applications',
      '--measure',
      'first_time',
      '--dest',
      'DEU,FRA,EU27',
      '--from',
      '2022',
      '--to',
      '2022',
      '--csv',
    );
    assert.equal(code, 0);
    const [header, ...lines] = out.trim().split('\n');
    // The same columns as the API's format=csv (one set of names for both).
    assert.equal(
      header,
      'source,dataset,indicator,measure,origin,destination,period,value,unit,levels,flags,months,complete,previous,growthPct,release,sha256,synthetic,definition',
    );
    const value = (source: string, dest: string) => lines.map((l) => l.split(',')).find((f) => f[0] === source && f[5] === dest && f[8] === 'persons')?.[7];
    assert.equal(value('eurostat', 'DEU'), '2850');
    assert.equal(value('eurostat', 'FRA'), '2600');
    assert.equal(value('eurostat', 'EU27_2020'), '13350');
    assert.equal(value('unhcr', 'DEU'), '2851');
    assert.equal(value('unhcr', 'FRA'), '1804');
    assert.ok(
      lines.every((l) => /[0-9a-f]{64}/.test(l)),
      'every row names the file hash of its release',
    );
  });

  it('stats series: CBP encounters by fiscal and by calendar year, with the months found', async () => {
    const fiscal = await cli('stats', 'series', '--indicator', 'encounters', '--dest', 'USA', '--period', 'fiscal_year', '--json');
    const parsed = JSON.parse(fiscal.out) as {
      rows: Array<{ period: string; value: number; releases: Array<{ file: string }>; queryId: number }>;
      queries: Array<{ sql: string }>;
    };
    const rows = parsed.rows;
    assert.deepEqual(
      rows.map((r) => [r.period, r.value]),
      [
        ['FY2022', 36271],
        ['FY2023', 57163],
        ['FY2024', 21891],
        ['FY2025', 9064],
      ],
    );
    const [first] = rows;
    assert.ok(first, 'a first row');
    assert.equal(first.releases[0]?.file, 'nationwide-encounters-fy22-fy25-state.csv.gz');
    assert.match(parsed.queries[first.queryId]?.sql ?? '', /stat_observations/);
    const calendar = await cli('stats', 'series', '--indicator', 'encounters', '--dest', 'USA', '--period', 'year');
    assert.match(calendar.out, /2022\s+48,440\s+encounters\s+12\s+yes/);
    assert.match(calendar.out, /2025\s+5,863\s+encounters\s+9\s+NO/);
  });

  it('stats compare and rates state their definitions', async () => {
    const compare = await cli('stats', 'compare', '--dest', 'DEU', '--period', '2022');
    assert.equal(compare.code, 0);
    assert.match(compare.out, /Eurostat applications\/first_time, calendar year, persons\s+2022\s+2,850/);
    assert.match(compare.out, /UNHCR applications\/new \(app_type N, nearest to first-time\), stages FI, calendar year, persons\s+2022\s+2,851/);
    assert.match(compare.out, /no field|None of these sources records military status/);
    const rates = await cli('stats', 'rates', '--dest', 'DEU', '--from', '2021', '--to', '2021', '--level', 'FI', '--csv');
    assert.match(rates.out, /unhcr,unhcr_total,DEU,2021,persons,FI,11,143,1304/);
  });

  it('check runs the shipped claims file', async () => {
    const { code, out } = await cli('check', path.resolve('assets/claims/russian-asylum-claims.yaml'));
    assert.equal(code, 0);
    assert.match(out, /us-oct2021-jan2022-about-6400: HOLDS UNDER OTHER DEFINITION/);
    assert.match(out, /✓ US CBP encounters\/total, months 2021-10 to 2022-01, Southwest land border only, encounters, 2021-10..2022-01: 6,422/);
    assert.match(out, /10 claims: /);
  });

  it('stats import: a file, again (no-op), and a bad one (typed error, exit 2)', async () => {
    const first = await cli('stats', 'import', path.join(SAMPLES, 'migr_asydcfsta_sdmx.csv'), '--json');
    assert.equal(first.code, 0);
    assert.equal((JSON.parse(first.out) as Array<{ status: string; observations: number }>)[0]?.status, 'imported');
    const again = await cli('stats', 'import', path.join(SAMPLES, 'migr_asydcfsta_sdmx.csv'), '--json');
    assert.equal((JSON.parse(again.out) as Array<{ status: string }>)[0]?.status, 'unchanged');
    const bad = path.join(tempDir('otkaz-bad-'), 'cbp.csv');
    writeFileSync(bad, 'Fiscal Year,Month (abbv),Citizenship,Encounter Count\n2024,OCT,RUSSIA,5\n2024,NOV,RUSSIA,\n');
    const failed = await cli('stats', 'import', bad);
    assert.equal(failed.code, 2);
    assert.match(failed.err, /\[stats\.parse\].*cbp\.csv:3 column "Encounter Count"/);
    const usage = await cli('stats', 'series', '--dest', 'Atlantis');
    assert.equal(usage.code, 2);
    assert.match(usage.err, /unknown country or area "Atlantis"/);
  });

  it('bad flags are coded usage errors naming the flag and the accepted values, before any work', async () => {
    // --from 2024-13 used to pass by month and answer no rows; --period foo and --indicator foo list the values.
    for (const [args, pattern] of [
      [['stats', 'series', '--period', 'month', '--from', '2024-13'], /--from: a period: 2022, FY2023, 2022-Q1 or 2022-03 \(month 01–12\)/],
      [['stats', 'compare', '--period', '2024-13'], /--period: a period/],
      [['stats', 'series', '--period', 'weekly'], /--period: .*"year".*"fiscal_year".*"quarter".*"month"/],
      [['stats', 'series', '--indicator', 'asylum'], /--indicator: one of applications, decisions/],
      [['stats', 'series', '--source', 'unhcr,frontex'], /--source: unknown source "frontex"; use unhcr, eurostat, cbp/],
      [['stats', 'rates', '--from', '21'], /--from: a year YYYY/],
      // A positional argument is named as the bound commands name theirs (<id>, <file>).
      [['stats', 'fetch', 'foo'], /<source>: unknown source "foo"; use unhcr, eurostat, cbp$/m],
      [['stats', 'import', 'x.csv', '--vintage', '2024-02-30'], /--vintage: no such date/],
    ] as const) {
      const result = await cli(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.err}`);
      assert.match(result.err, /^otkaz: error \[cli\.usage\]/, args.join(' '));
      assert.match(result.err, pattern, args.join(' '));
      assert.doesNotMatch(result.err, /\n\s+at /, 'no stack trace');
    }
  });
});
