// Statistics readers on real files (the bundled snapshot) and on hand-written format samples. Expected values
// were read off the files by hand (and match shared/docs/asylum-data-formats.md §5), never produced by the code.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { readStatistics } from '../../src/asylum/import/detect.ts';
import { fileText } from '../../src/asylum/import/input.ts';
import type { Footnote } from '../../src/asylum/import/parsed.ts';
import type { Observation } from '../../src/asylum/model.ts';
import { OtkazError } from '../../src/shared/errors.ts';
import { ASSETS, SAMPLES } from '../helpers/asylum.ts';
import { tempDir } from '../helpers/temp.ts';

async function read(file: string, dataset?: string) {
  const parsed = await readStatistics(fileText(file), { file, ...(dataset ? { dataset } : {}) });
  const observations: Observation[] = [];
  for await (const batch of parsed.observations) observations.push(...batch);
  const footnotes: Footnote[] = [];
  if (parsed.footnotes) for await (const f of parsed.footnotes) footnotes.push(f);
  return { parsed, observations, footnotes };
}

const sum = (rows: Observation[], pick: (o: Observation) => boolean) => rows.filter(pick).reduce((n, o) => n + (o.value ?? 0), 0);

async function failure(file: string): Promise<OtkazError> {
  try {
    await read(file);
  } catch (error) {
    assert.ok(error instanceof OtkazError, `expected OtkazError, got ${(error as Error).stack}`);
    return error;
  }
  assert.fail(`reading ${file} should fail`);
}

function temp(name: string, content: string | Buffer): string {
  const dir = tempDir('otkaz-stats-');
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('UNHCR R-package CSV (real, origin RUS)', () => {
  it('reads applications by ISO fields, never by UNHCR codes', async () => {
    const { parsed, observations } = await read(path.join(ASSETS, 'unhcr_asylum_applications_RUS.csv.gz'));
    assert.equal(parsed.format, 'unhcr-pkg-csv');
    assert.equal(parsed.dataset, 'asylum-applications');
    assert.equal(observations.length, 1847);
    // First row: 2006, coa "AUL" / coa_iso "AUS" = Australia (UNHCR's AUS would be Austria), appeal, cases, 11.
    const first = observations[0];
    assert.ok(first, 'a first observation');
    assert.deepEqual(
      [first.period, first.destination, first.measure, first.level, first.unit, first.value, first.line],
      ['2006', 'AUS', 'appeal', 'AR', 'cases', 11, 2],
    );
    const at = (dest: string, year: string, measure: string, level: string) =>
      sum(observations, (o) => o.destination === dest && o.period === year && o.measure === measure && o.level === level);
    assert.equal(at('DEU', '2021', 'new', 'FI'), 1438);
    assert.equal(at('DEU', '2021', 'repeat', 'RA'), 876);
    assert.equal(at('FRA', '2021', 'new', 'FI'), 923);
    assert.equal(
      sum(observations, (o) => o.destination === 'USA' && o.period === '2023' && o.level === 'EO'),
      27231,
    );
    assert.equal(
      sum(observations, (o) => o.destination === 'USA' && o.period === '2021' && o.level === 'IN'),
      3100,
    );
  });

  it('reads decisions, population stocks and resettlement', async () => {
    const decisions = (await read(path.join(ASSETS, 'unhcr_asylum_decisions_RUS.csv.gz'))).observations;
    const deu = (measure: string) => sum(decisions, (o) => o.destination === 'DEU' && o.period === '2021' && o.level === 'FI' && o.measure === measure);
    assert.deepEqual(['refugee_status', 'complementary', 'rejected', 'otherwise_closed', 'total'].map(deu), [90, 53, 1161, 512, 1816]);
    const population = (await read(path.join(ASSETS, 'unhcr_population_RUS.csv.gz'))).observations;
    const usa = (indicator: string, year: string) => sum(population, (o) => o.destination === 'USA' && o.period === year && o.indicator === indicator);
    assert.deepEqual(
      [usa('refugees', '2022'), usa('asylum_seekers', '2022'), usa('refugees', '2023'), usa('asylum_seekers', '2023')],
      [7675, 38366, 9777, 74236],
    );
    const solutions = (await read(path.join(ASSETS, 'unhcr_solutions_RUS.csv.gz'))).observations;
    const resettled = (year: string) => sum(solutions, (o) => o.destination === 'USA' && o.period === year && o.indicator === 'resettlement');
    assert.deepEqual(['2019', '2020', '2021', '2023', '2024'].map(resettled), [173, 177, 41, 344, 334]);
  });
});

describe('UNHCR Refugee Data Finder downloads', () => {
  it('reads the aggregated applications download: "-" is the world, NA is a code', async () => {
    const { parsed, observations } = await read(path.join(ASSETS, 'asylum-applications_asylum-applications.csv.gz'));
    assert.equal(parsed.format, 'unhcr-rdf-csv');
    assert.equal(observations.length, 630);
    // 2000,-,-,-,-,G,V,FI,C,109482
    assert.deepEqual(observations[0], {
      indicator: 'applications',
      measure: 'other',
      origin: 'WORLD',
      destination: 'WORLD',
      period: '2000',
      periodType: 'year',
      level: 'FI',
      unit: 'cases',
      sex: '',
      age: '',
      detail: 'procedure=G;app_type=V',
      value: 109482,
      flags: null,
      line: 2,
    });
  });

  it('reads the decisions download (five value columns)', async () => {
    const { observations } = await read(path.join(ASSETS, 'asylum-decisions_asylum-decisions.csv.gz'));
    // 2000,-,-,-,-,G,AR,C,3939,0,21349,1436,26725
    const first = observations.filter((o) => o.line === 2).map((o) => [o.measure, o.value]);
    assert.deepEqual(first, [
      ['refugee_status', 3939],
      ['complementary', 0],
      ['rejected', 21349],
      ['otherwise_closed', 1436],
      ['total', 26725],
    ]);
  });

  it('reads the footnotes file: 108 records, multi-line cells, year ranges', async () => {
    const { parsed, footnotes } = await read(path.join(ASSETS, 'asylum-applications_footnotes.csv.gz'));
    assert.equal(parsed.format, 'unhcr-rdf-footnotes');
    assert.equal(footnotes.length, 108);
    assert.equal(footnotes[0]?.years, '2022');
    assert.equal(footnotes[0]?.populationType, 'OIP');
    assert.ok(footnotes[0]?.text.startsWith('Other people in need of international protection refers to'));
    assert.equal(footnotes[1]?.destination, 'COL');
    assert.ok(footnotes.some((f) => f.years === '2022 - 2023'));
  });

  it('skips a metadata preamble and keeps its extraction date as the vintage (sample)', async () => {
    const { parsed, observations } = await read(path.join(SAMPLES, 'rdf_with_preamble.csv'));
    assert.equal(parsed.vintage, '2024-06-14');
    assert.deepEqual(
      observations.map((o) => [o.measure, o.level, o.value, o.line, o.detail]),
      [
        ['new', 'FI', 1438, 16, 'procedure=G'],
        ['repeat', 'RA', 876, 17, 'procedure=G'],
        ['other', 'NA', 5, 18, 'procedure=G;app_type=NA'],
      ],
    );
  });
});

describe('UNHCR API JSON (sample page)', () => {
  it('coerces numbers sent as strings, skips "-", keys on ISO (UNHCR AUS = Austria)', async () => {
    const { parsed, observations } = await read(path.join(SAMPLES, 'unhcr_api_asylum-decisions_page.json'));
    assert.equal(parsed.format, 'unhcr-api-json');
    assert.deepEqual(
      observations.filter((o) => o.destination === 'DEU').map((o) => [o.measure, o.value]),
      [
        ['refugee_status', 90],
        ['complementary', 53],
        ['rejected', 1161],
        ['otherwise_closed', 512],
        ['total', 1816],
      ],
    );
    assert.deepEqual(
      observations.filter((o) => o.destination === 'AUT').map((o) => [o.measure, o.value, o.level]),
      [
        ['refugee_status', 5, 'NA'],
        ['complementary', 0, 'NA'],
        ['total', 5, 'NA'],
      ],
    );
  });
});

describe('Eurostat', () => {
  it('reads the R package tidy CSV (real): geo EL → GRC, UK → GBR, EU27_2020 an aggregate', async () => {
    const { parsed, observations } = await read(path.join(ASSETS, 'migr_asyappctza_RU_bulk-2024-01-18_tidy.csv.gz'));
    assert.equal(parsed.format, 'eurostat-tidy-csv');
    assert.equal(parsed.dataset, 'migr_asyappctza');
    assert.equal(observations.length, 30645);
    const at = (geo: string, year: string, measure: string) =>
      sum(observations, (o) => o.destination === geo && o.period === year && o.measure === measure && o.sex === 'T' && o.age === 'TOTAL');
    assert.equal(at('DEU', '2022', 'first_time'), 2850);
    assert.equal(at('DEU', '2022', 'all'), 3855);
    assert.equal(at('EU27_2020', '2019', 'all'), 14995);
    assert.equal(at('EU27_2020', '2021', 'first_time'), 4395);
    assert.equal(at('POL', '2021', 'first_time'), 340);
    assert.ok(observations.some((o) => o.destination === 'GRC'));
    assert.ok(observations.some((o) => o.destination === 'GBR'));
    assert.ok(!observations.some((o) => o.destination === 'EL' || o.destination === 'UK'));
    assert.ok(observations.every((o) => o.origin === 'RUS' && o.unit === 'persons'));
  });

  it('reads a legacy bulk TSV: descending years, trailing spaces, ":" cells (sample)', async () => {
    const { parsed, observations } = await read(path.join(SAMPLES, 'legacy_migr_asyappctza.tsv'));
    assert.equal(parsed.format, 'eurostat-tsv');
    assert.equal(parsed.dataset, 'migr_asyappctza');
    assert.equal(observations.length, 12);
    const de = observations.filter((o) => o.destination === 'DEU' && o.measure === 'all').map((o) => [o.period, o.value]);
    assert.deepEqual(de, [
      ['2022', 3855],
      ['2021', 2315],
      ['2020', 2730],
    ]);
    const missing = observations.filter((o) => o.destination === 'GRC' || o.destination === 'GBR');
    assert.equal(missing.length, 6);
    assert.ok(missing.every((o) => o.value === null && o.flags === null));
  });

  it('reads an API TSV: new code lists, monthly periods, flags kept whole (sample)', async () => {
    const { parsed, observations } = await read(path.join(SAMPLES, 'estat_migr_asyappctzm_en.tsv'));
    assert.equal(parsed.dataset, 'migr_asyappctzm');
    const cells = observations.map((o) => [o.destination, o.measure, o.period, o.value, o.flags]);
    assert.deepEqual(cells, [
      ['DEU', 'first_time', '2023-01', 245, 'p'],
      ['DEU', 'first_time', '2023-02', null, null],
      ['DEU', 'first_time', '2023-03', 412860, 'p'],
      ['EU27_2020', 'all', '2023-01', null, 'c'],
      ['EU27_2020', 'all', '2023-02', 1000, 'bep'],
      ['EU27_2020', 'all', '2023-03', 0, 'n'],
      ['GRC', 'subsequent', '2023-01', 5, null],
      ['GRC', 'subsequent', '2023-02', 10, 'e'],
      ['GRC', 'subsequent', '2023-03', null, 'z'],
    ]);
  });

  it('reads SDMX-CSV: dataflow, last update, new decision codes (sample)', async () => {
    const { parsed, observations } = await read(path.join(SAMPLES, 'migr_asydcfsta_sdmx.csv'));
    assert.equal(parsed.format, 'eurostat-sdmx-csv');
    assert.equal(parsed.dataset, 'migr_asydcfsta');
    assert.equal(parsed.vintage, '2024-03-15');
    assert.deepEqual(
      observations.map((o) => [o.destination, o.measure, o.level, o.value, o.flags]),
      [
        ['DEU', 'total', 'FI', 100, null],
        ['DEU', 'positive', 'FI', 20, 'p'],
        ['DEU', 'refugee_status', 'FI', 10, null],
        ['DEU', 'rejected', 'FI', 80, null],
        ['GRC', 'total', 'FI', null, 'c'],
      ],
    );
  });

  it('reads JSON-stat 2.0: sparse value and status, last dimension fastest (sample)', async () => {
    const { parsed, observations } = await read(path.join(SAMPLES, 'migr_asyappctza_jsonstat.json'));
    assert.equal(parsed.format, 'eurostat-jsonstat');
    assert.equal(parsed.dataset, 'migr_asyappctza');
    assert.equal(parsed.vintage, '2024-03-15');
    assert.deepEqual(
      observations.map((o) => [o.measure, o.destination, o.period, o.value, o.flags]),
      [
        ['all', 'DEU', '2022', 3855, null],
        ['all', 'DEU', '2023', 4000, 'p'],
        ['first_time', 'DEU', '2022', 2850, null],
        ['first_time', 'FRA', '2022', 2600, null],
        ['first_time', 'FRA', '2023', null, 'c'],
      ],
    );
  });
});

describe('US CBP encounters', () => {
  it('reads the FY22–FY25 state file (real): months to calendar, fiscal and calendar totals', async () => {
    const { parsed, observations } = await read(path.join(ASSETS, 'nationwide-encounters-fy22-fy25-state.csv.gz'));
    assert.equal(parsed.format, 'cbp-csv');
    assert.equal(observations.length, 47100);
    const rus = observations.filter((o) => o.origin === 'RUS');
    const fy = (year: number) => (o: Observation) => o.period >= `${year - 1}-10` && o.period <= `${year}-09`;
    assert.equal(sum(rus, fy(2022)), 36271);
    assert.equal(sum(rus, fy(2024)), 21891);
    assert.equal(sum(rus, fy(2025)), 9064);
    assert.equal(
      sum(rus, (o) => fy(2022)(o) && o.detail.includes('region=Southwest Land Border')),
      21763,
    );
    assert.equal(
      sum(rus, (o) => fy(2022)(o) && o.detail.includes('title=Title 42')),
      163,
    );
    assert.equal(
      sum(rus, (o) => o.period.startsWith('2022-')),
      48440,
    );
    assert.equal(
      sum(rus, (o) => o.period.startsWith('2024-')),
      16636,
    );
    assert.equal(
      sum(rus, (o) => o.period === '2022-12'),
      9227,
    );
    assert.equal(sum(observations, fy(2022)), 2766582);
    assert.ok(observations.some((o) => o.origin === 'CHN'));
    assert.ok(observations.some((o) => o.origin === 'OTHER'));
  });

  it('reads a newer AOR release: "2026 (FYTD)" is running, Remaining rows are months like any other (sample)', async () => {
    const { observations } = await read(path.join(SAMPLES, 'cbp_aor_fy23-fy26-nov_sample.csv'));
    assert.deepEqual(
      observations.map((o) => [o.origin, o.period, o.value, o.flags]),
      [
        ['RUS', '2025-10', 300, 'fytd'],
        ['RUS', '2025-11', 40, 'fytd'],
        ['RUS', '2024-12', 500, null],
        ['CHN', '2024-10', 7, null],
      ],
    );
    assert.equal(
      observations[0]?.detail,
      'component=Office of Field Operations;region=Other;aor=San Francisco Field Office;aor_code=SFO;demographic=Single Adults;title=Title 8;type=Inadmissibles',
    );
  });
});

describe('bad input: typed errors naming file, line and column', () => {
  it('an unrecognised file', async () => {
    const error = await failure(temp('notes.csv', 'hello,world\n1,2\n'));
    assert.equal(error.code, 'stats.format_unknown');
    assert.match(error.message, /notes\.csv:1/);
  });

  it('windows-1251 bytes: names the line', async () => {
    const text = 'Fiscal Year,Month (abbv),Citizenship,Encounter Count\r\n2024,OCT,RUSSIA,5\r\n2024,NOV,РОССИЯ,6\r\n';
    const error = await failure(temp('cp1251.csv', iconv.encode(text, 'win1251')));
    assert.equal(error.code, 'stats.parse');
    assert.match(error.message, /not UTF-8/);
    assert.match(error.message, /cp1251\.csv:3/);
  });

  it('a truncated gzip file', async () => {
    const whole = gzipSync(readFileSync(path.join(SAMPLES, 'legacy_migr_asyappctza.tsv')));
    const error = await failure(temp('migr_asyappctza.tsv.gz', whole.subarray(0, Math.floor(whole.length / 2))));
    assert.equal(error.code, 'stats.parse');
    assert.match(error.message, /truncated or corrupt/);
  });

  it('a truncated TSV line', async () => {
    const text = 'freq,unit,citizen,sex,age,applicant,geo\\TIME_PERIOD\t2022 \t2023 \nA,PER,RU,T,TOTAL,FRST,DE\t5 \t10 \nA,PER,RU,T,TOTAL,FRST,FR\t5 ';
    const error = await failure(temp('migr_asyappctza.tsv', text));
    assert.equal(error.code, 'stats.parse');
    assert.match(error.message, /migr_asyappctza\.tsv:3/);
  });

  it('an unknown country code names the line and column', async () => {
    const text = 'freq,unit,citizen,sex,age,applicant,geo\\TIME_PERIOD\t2022 \nA,PER,RU,T,TOTAL,FRST,DE\t5 \nA,PER,QQ,T,TOTAL,FRST,DE\t5 \n';
    const error = await failure(temp('migr_asyappctza.tsv', text));
    assert.equal(error.code, 'stats.unknown_code');
    assert.equal(error.where?.endsWith('migr_asyappctza.tsv:3 column "citizen"'), true);
  });

  it('an unknown applicant code and an unknown CBP citizenship', async () => {
    const tsv = 'freq,unit,citizen,sex,age,applicant,geo\\TIME_PERIOD\t2022 \nA,PER,RU,T,TOTAL,XYZ,DE\t5 \n';
    assert.equal((await failure(temp('migr_asyappctza.tsv', tsv))).code, 'stats.unknown_code');
    const cbp = 'Fiscal Year,Month (abbv),Citizenship,Encounter Count\n2024,OCT,ATLANTIS,5\n';
    const error = await failure(temp('cbp.csv', cbp));
    assert.equal(error.code, 'stats.unknown_code');
    assert.match(error.message, /cbp\.csv:2 column "Citizenship"/);
  });

  it('a malformed CSV (unclosed quote) and a bad number', async () => {
    const unclosed =
      '"year","coo_iso","coa_iso","procedure_type","app_type","dec_level","app_pc","applied"\n2021,"RUS","DEU","G","N","FI","P",5\n2022,"RUS","DEU,"G","N","FI","P",6\n';
    assert.equal((await failure(temp('u.csv', unclosed))).code, 'stats.parse');
    const bad = 'Fiscal Year,Month (abbv),Citizenship,Encounter Count\n2024,OCT,RUSSIA,five\n';
    const error = await failure(temp('cbp.csv', bad));
    assert.equal(error.code, 'stats.parse');
    assert.match(error.message, /cbp\.csv:2 column "Encounter Count"/);
  });

  it('invalid JSON and an unsupported Eurostat dataset', async () => {
    assert.equal((await failure(temp('page.json', '{"page":1,"items":[{"year":2021,'))).code, 'stats.parse');
    const tsv = 'freq,unit,citizen,sex,age,geo\\TIME_PERIOD\t2022 \nA,PER,RU,T,TOTAL,DE\t5 \n';
    assert.equal((await failure(temp('migr_asypenctzm.tsv', tsv))).code, 'stats.format_unknown');
  });
});
