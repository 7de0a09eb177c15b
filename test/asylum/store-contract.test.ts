// Statistics storage and queries, one contract on both engines: import (all or nothing, no-op on re-import,
// duplicates refused with their lines), supersession by newer releases with "as published on", series with
// provenance, fiscal vs calendar years, EU totals, recognition rates, and the shipped claims file.
// Expected figures were read off the real files by hand (shared/docs/asylum-data-formats.md §5 agrees).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { checkClaims, claimsFileSchema } from '../../src/asylum/claims/check.ts';
import { loadClaims } from '../../src/asylum/claims/load.ts';
import { importStatistics } from '../../src/asylum/import/load.ts';
import { candidates } from '../../src/asylum/query/compare.ts';
import { recognitionRates } from '../../src/asylum/query/rates.ts';
import { listReleases } from '../../src/asylum/query/releases.ts';
import { series } from '../../src/asylum/query/series.ts';
import { ensureSnapshot, loadManifest } from '../../src/asylum/snapshot.ts';
import type { Database } from '../../src/db/database.ts';
import { OtkazError } from '../../src/shared/errors.ts';
import { ASSETS, SAMPLES } from '../helpers/asylum.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/temp.ts';

const CLAIMS = path.resolve(ASSETS, '../claims/russian-asylum-claims.yaml');

function temp(name: string, content: string): string {
  const dir = tempDir('otkaz-stats-');
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function counts(db: Database) {
  const [row] = await db.query<{ releases: number; observations: number }>(
    'select (select count(*)::int from stat_releases) as releases, (select count(*)::int from stat_observations) as observations',
  );
  assert.ok(row, 'count query returns a row');
  return row;
}

for (const engine of ENGINES) {
  // Tests that write have a database of their own; the queries share one with the bundled snapshot, which they
  // only read (no test reads what an earlier one wrote).
  describe(`asylum statistics on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let firstLoad: Awaited<ReturnType<typeof ensureSnapshot>>;
    before(async () => {
      ({ db, drop } = await engine.create());
      firstLoad = await ensureSnapshot(db);
    });
    after(async () => drop());
    /** An empty database of this test's own, dropped when it ends. */
    async function own(t: TestContext): Promise<Database> {
      const made = await engine.create();
      t.after(made.drop);
      return made.db;
    }

    it('refuses a file with a duplicate observation, naming both lines, and leaves nothing', async (t) => {
      const db = await own(t);
      const file = temp(
        'migr_asyappctza.tsv',
        'freq,unit,citizen,sex,age,applicant,geo\\TIME_PERIOD\t2022 \nA,PER,RU,T,TOTAL,FRST,DE\t5 \nA,PER,RU,T,TOTAL,FRST,FR\t5 \nA,PER,RU,T,TOTAL,FRST,DE\t7 \n',
      );
      await assert.rejects(importStatistics(db, file, { vintage: '2024-01-01' }), (error: unknown) => {
        assert.ok(error instanceof OtkazError);
        assert.equal(error.code, 'stats.duplicate');
        assert.match(error.message, /lines 2 and 4/);
        return true;
      });
      assert.deepEqual(await counts(db), { releases: 0, observations: 0 });
    });

    it('an error after thousands of rows rolls the whole import back', async (t) => {
      const db = await own(t);
      const rows = Array.from({ length: 6000 }, (_, i) => `A,PER,RU,T,Y${i},FRST,DE\t5 `);
      const file = temp(
        'migr_asyappctza.tsv',
        ['freq,unit,citizen,sex,age,applicant,geo\\TIME_PERIOD\t2022 ', ...rows, 'A,PER,RU,T,TOTAL,FRST,XX\t5 ', ''].join('\n'),
      );
      await assert.rejects(importStatistics(db, file, { vintage: '2024-01-01' }), /unknown geo code "XX".*migr_asyappctza\.tsv:6002 column "geo"/);
      assert.deepEqual(await counts(db), { releases: 0, observations: 0 });
    });

    it('loads the bundled snapshot once; a second load and a re-import are no-ops', async () => {
      // The first load is the shared database's (made empty before this suite); the rest must change nothing.
      const first = firstLoad;
      assert.equal(first.length, loadManifest().files.length);
      const before = await counts(db);
      assert.equal((await ensureSnapshot(db)).length, 0);
      const again = await importStatistics(db, path.join(ASSETS, 'nationwide-encounters-fy22-fy25-state.csv.gz'));
      assert.equal(again.status, 'unchanged');
      assert.equal(again.observations, 47100);
      assert.deepEqual(await counts(db), before);
    });

    it('series: Russian first-time applicants in Germany, France and the EU, with provenance', async () => {
      const result = await series(db, {
        indicator: 'applications',
        measure: 'first_time',
        destinations: ['DEU', 'FRA', 'EU27_2020'],
        from: '2021',
        to: '2022',
      });
      const pick = (source: string, dest: string, year: string) =>
        result.rows.find((r) => r.source === source && r.destination === dest && r.period === year && r.unit === 'persons')?.value;
      assert.equal(pick('eurostat', 'DEU', '2021'), 1440);
      assert.equal(pick('eurostat', 'DEU', '2022'), 2850);
      assert.equal(pick('unhcr', 'DEU', '2022'), 2851);
      assert.equal(pick('unhcr', 'FRA', '2021'), 923);
      assert.equal(pick('eurostat', 'EU27_2020', '2021'), 4395);
      assert.equal(pick('unhcr', 'EU27_2020', '2021'), 4438);
      const row = result.rows.find((r) => r.source === 'eurostat' && r.destination === 'DEU' && r.period === '2022');
      assert.ok(row, 'the Eurostat row for Germany 2022');
      assert.equal(row.releases[0]?.vintage, '2024-01-18');
      assert.equal(row.releases[0]?.sha256.length, 64);
      // The statement named by the row re-derives its value.
      const statement = result.queries[row.queryId];
      assert.ok(statement, 'the statement the row names');
      assert.deepEqual([statement.source, statement.destination], ['eurostat', 'DEU']);
      const rederived = await db.query<{ period: string; value: number }>(statement.sql, statement.params);
      assert.equal(rederived.find((r) => r.period === '2022')?.value, 2850);
      assert.match(row.definition, /first-time/);
      assert.ok(result.notes.some((n) => n.source === 'cbp'));
    });

    it('series: CBP encounters by fiscal and calendar year; incomplete years are marked', async () => {
      const fiscal = await series(db, { indicator: 'encounters', destinations: ['USA'], period: 'fiscal_year', sources: ['cbp'] });
      assert.deepEqual(
        fiscal.rows.map((r) => [r.period, r.value, r.complete]),
        [
          ['FY2022', 36271, true],
          ['FY2023', 57163, true],
          ['FY2024', 21891, true],
          ['FY2025', 9064, true],
        ],
      );
      const calendar = await series(db, { indicator: 'encounters', destinations: ['USA'], period: 'year', sources: ['cbp'] });
      assert.deepEqual(
        calendar.rows.map((r) => [r.period, r.value, r.months, r.complete]),
        [
          ['2021', 9163, 3, false],
          ['2022', 48440, 12, true],
          ['2023', 44287, 12, true],
          ['2024', 16636, 12, true],
          ['2025', 5863, 9, false],
        ],
      );
      const world = await series(db, { indicator: 'encounters', origin: 'WORLD', destinations: ['USA'], period: 'fiscal_year', from: 'FY2022', to: 'FY2022' });
      assert.equal(world.rows[0]?.value, 2766582);
    });

    it('a newer release supersedes the months it reports; --as-of gives the older figures', async (t) => {
      // The CBP state file of the bundled snapshot, then a newer release that reports some of its months.
      const db = await own(t);
      await importStatistics(db, path.join(ASSETS, 'nationwide-encounters-fy22-fy25-state.csv.gz'));
      const sample = await importStatistics(db, path.join(SAMPLES, 'cbp_aor_fy23-fy26-nov_sample.csv'), {
        vintage: '2025-12-15',
        release: 'hand-written sample',
      });
      assert.equal(sample.observations, 4);
      const now = await series(db, { indicator: 'encounters', destinations: ['USA'], period: 'fiscal_year', from: 'FY2025', to: 'FY2026' });
      // FY2025: 9,064 in the state file, whose December 2024 (999) is replaced by the newer release's 500.
      assert.deepEqual(
        now.rows.map((r) => [r.period, r.value, r.flags]),
        [
          ['FY2025', 8565, ''],
          ['FY2026', 340, 'fytd'],
        ],
      );
      const then = await series(db, {
        indicator: 'encounters',
        destinations: ['USA'],
        period: 'fiscal_year',
        from: 'FY2025',
        to: 'FY2026',
        asOf: '2025-10-01',
      });
      assert.deepEqual(
        then.rows.map((r) => [r.period, r.value]),
        [['FY2025', 9064]],
      );
      const releases = await listReleases(db);
      const state = releases.find((r) => r.file === 'nationwide-encounters-fy22-fy25-state.csv.gz');
      assert.equal(state?.superseded_by, sample.releaseId);
    });

    it('recognition rates in the documented ways', async () => {
      const rates = await recognitionRates(db, { destinations: ['DEU'], from: '2021', to: '2021', levels: ['FI'] });
      const rate = (method: string) => rates.find((r) => r.source === 'unhcr' && r.method === method)?.ratePct;
      // 90 recognised, 53 complementary, 1,161 rejected, 512 otherwise closed (total 1,816).
      assert.equal(rate('unhcr_refugee'), 6.9);
      assert.equal(rate('unhcr_total'), 11);
      assert.equal(rate('unhcr_total_incl_closed'), 7.9);
    });

    it('compare offers every definition: fiscal vs calendar year, Southwest border, EU aggregate vs members', async () => {
      const cbp = await candidates(db, { indicator: 'encounters', origin: 'RUS', destination: 'USA', period: '2023' });
      const byLabel = cbp.map((c) => [c.basis, c.variant ?? '', c.value]);
      assert.deepEqual(byLabel, [
        ['year', '', 44287],
        ['year', 'Southwest land border only', 31599],
        ['fiscal_year', '', 57163],
        ['fiscal_year', 'Southwest land border only', 43210],
      ]);
      const eu = await candidates(db, { indicator: 'applications', measure: 'all', origin: 'RUS', destination: 'EU27_2020', period: '2019' });
      const eurostat = eu.filter((c) => c.source === 'eurostat').map((c) => [c.destination, c.value]);
      assert.equal(eurostat[0]?.[0], 'EU27_2020');
      assert.equal(eurostat[0]?.[1], 14995);
      assert.equal(eurostat[1]?.[0], 'EU27_MEMBERS');
    });

    // UNHCR's R package, unhcr_asylum_decisions_RUS.csv (../shared/data/asylum/unhcr-refugees-pkg), Germany 2023, read
    // by hand: dec_recognized FI 314, JR 78, RA 54 (446 in all); dec_total 4,239 + 4,569 + 1,007 = 9,815.
    it('checks a claim about grants of refugee status against grants of refugee status, at the stage it names', async () => {
      const claim = (id: string, measure: string, value: number, levels?: string[]) => ({
        id,
        statement: 'Germany granted refugee status to Russians in 2023',
        quantity: { indicator: 'decisions', measure, destination: 'DEU', period: 2023, ...(levels ? { levels } : {}) },
        stated: { value, wording: 'about' },
      });
      const parsed = claimsFileSchema.parse({ claims: [claim('all-stages', 'refugee_status', 446), claim('first-instance', 'refugee_status', 314, ['FI'])] });
      const [all, first] = await checkClaims(db, parsed.claims);
      assert.equal(all?.verdict, 'holds', all?.reason);
      assert.deepEqual(
        all?.figures.filter((f) => f.meant).map((f) => [f.source, f.measure, f.value]),
        [['unhcr', 'refugee_status', 446]],
      );
      assert.ok(!all?.figures.some((f) => f.value === 9815), 'never compared with all decisions');
      assert.equal(first?.verdict, 'holds', first?.reason);
      assert.deepEqual(
        first?.figures.map((f) => [f.levels, f.value]),
        [['FI', 314]],
      );

      // An unknown measure is refused where it is written, with the valid ones; an unknown stage with the data's.
      const bad = claimsFileSchema.safeParse({ claims: [claim('x', 'granted', 1)] });
      assert.equal(bad.success, false);
      const issue = bad.error?.issues[0];
      assert.deepEqual(issue?.path, ['claims', 0, 'quantity', 'measure']);
      assert.match(String(issue?.message), /refugee_status/);
      await assert.rejects(
        checkClaims(db, claimsFileSchema.parse({ claims: [claim('stage', 'total', 1, ['XX'])] }).claims),
        (e: unknown) =>
          e instanceof OtkazError && e.code === 'stats.query' && /"XX"/.test(e.message) && /\bFI\b/.test(e.message) && /claim "stage"/.test(e.message),
      );

      // The comparison lists every kind of decision, refugee status beside the total.
      const compared = await candidates(db, { indicator: 'decisions', origin: 'RUS', destination: 'DEU', period: '2023' });
      const unhcr = new Map(compared.filter((c) => c.source === 'unhcr').map((c) => [c.measure, c.value]));
      assert.equal(unhcr.get('total'), 9815);
      assert.equal(unhcr.get('refugee_status'), 446);
      assert.equal(unhcr.get('positive'), 446 + 64 + 224 + 48);
      await assert.rejects(
        candidates(db, { indicator: 'decisions', measure: 'granted', origin: 'RUS', destination: 'DEU', period: '2023' }),
        (e: unknown) => e instanceof OtkazError && /one of: total, positive, refugee_status/.test(e.message),
      );
    });

    it('checks the shipped claims file', async () => {
      const results = await checkClaims(db, loadClaims(CLAIMS));
      const verdict = Object.fromEntries(results.map((r) => [r.id, r.verdict]));
      assert.deepEqual(verdict, {
        'de-2022-applications-2851': 'holds_under_other_definition',
        'de-2022-first-applications-2851': 'holds_under_other_definition',
        'de-2021-applications-1438': 'holds_under_other_definition',
        'de-2022-almost-twice-2021': 'holds_under_other_definition',
        'de-2023-more-than-double-2022': 'holds',
        'us-oct2021-jan2022-about-6400': 'holds_under_other_definition',
        'us-fy2021-roughly-4100': 'no_data',
        'us-fy2022-oct-jul-mexican-border-17524': 'does_not_hold',
        'us-may2022-mexican-border-peak-3394': 'does_not_hold',
        'us-immigration-courts-about-63pct': 'holds_under_other_definition',
      });
      const reuters = results.find((r) => r.id === 'us-oct2021-jan2022-about-6400');
      assert.deepEqual(
        reuters?.figures.map((f) => [f.value, f.holds]),
        [
          [11783, false],
          [6422, true],
        ],
      );
      const bamf = results.find((r) => r.id === 'de-2022-first-applications-2851');
      assert.deepEqual(
        bamf?.figures.filter((f) => f.holds).map((f) => [f.source, f.value]),
        [['unhcr', 2851]],
      );
    });
  });
}
