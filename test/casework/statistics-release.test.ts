// Anonymised statistics of the case files end to end, on both engines: an organisation shares only when its
// administrator says so (audited); a release pools the sharing organisations' clients (the others are not
// counted), reads each one's files under its own audit entry, withholds small counts so that an attacker given the
// published tables recovers none, records its provenance and refuses a second release of the same year; the release
// imports into the asylum statistics as the source legal_aid (its hash checked), where the series and the claim
// check answer "how many of them were military" — for these organisations' clients, and saying so. SYNTHETIC data.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkClaims, claimsRequestSchema } from '../../src/asylum/claims/check.ts';
import { series } from '../../src/asylum/query/series.ts';
import { verifyAudit } from '../../src/audit/log.ts';
import { addApplication } from '../../src/casework/applications.ts';
import { insertClient } from '../../src/casework/clients.ts';
import type { Database } from '../../src/db/database.ts';
import { ReleaseSchema } from '../../src/disclosure/release.ts';
import { importReleaseOperation } from '../../src/operations/asylum/import-release.ts';
import { legalAidOperation } from '../../src/operations/asylum/legal-aid.ts';
import { releaseOperation } from '../../src/operations/asylum/release.ts';
import { updateOrgSettingsOperation } from '../../src/operations/orgs/settings.ts';
import { LOCAL } from '../../src/ops/actor.ts';
import { loadProcedures } from '../../src/procedures/load.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { attack } from '../helpers/attacker.ts';
import { actingAs, type CaseworkWorld, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { ENGINES } from '../helpers/engines.ts';

const coded = (code: string) => (error: unknown) => error instanceof OtkazError && error.code === code;
const FAMILY = 'Sintetikov-Statistik';

interface Profile {
  n: number;
  status: 'conscript' | 'contract' | 'mobilised' | 'none' | 'unknown';
  destination: 'DE' | 'FR' | 'KZ';
  outcome?: string;
}

const PROCEDURE = { DE: ['de.asylum', 'bamf'], FR: ['fr.asylum', 'ofpra'], KZ: ['kz.refugee', 'decision'] } as const;

async function seedClients(world: CaseworkWorld, orgId: string, profiles: Profile[]): Promise<void> {
  const catalogue = loadProcedures();
  await world.db.transaction(async (tx) => {
    let i = 0;
    for (const p of profiles)
      for (let j = 0; j < p.n; j += 1) {
        i += 1;
        const id = await insertClient(tx, world.keyring, orgId, {
          createdBy: null,
          record: {
            person: { names: [{ script: 'latin', family: `${FAMILY} ${i}` }], languages: [] },
            ...(p.status === 'unknown' ? {} : { military: { status: p.status, service: [] } }),
            documents: [],
            criminalCases: [],
            consent: { shareWithinOrganisation: false, referralTo: [] },
          },
        });
        const [procedure, stage] = PROCEDURE[p.destination];
        await addApplication(
          tx,
          world.keyring,
          catalogue,
          orgId,
          id,
          {
            destination: p.destination,
            procedure,
            steps: [{ stage, filedOn: '2024-03-04', ...(p.outcome ? { decidedOn: '2024-09-02', outcome: p.outcome } : {}) }],
          },
          world.clock.now,
        );
      }
  });
}

for (const engine of ENGINES) {
  describe(`anonymised statistics releases (${engine.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let world: CaseworkWorld;
    let orgA = '';
    let orgB = '';
    let orgC = '';
    let folder = '';
    let releaseFile = '';
    before(async () => {
      ({ db, drop } = await engine.create());
      world = caseworkWorld(db);
      orgA = await seedOrg(world, 'stats-aid-a');
      orgB = await seedOrg(world, 'stats-aid-b');
      orgC = await seedOrg(world, 'stats-aid-c');
      folder = mkdtempSync(path.join(tmpdir(), 'otkaz-release-'));
      await seedClients(world, orgA, [
        { n: 15, status: 'mobilised', destination: 'DE', outcome: 'rejected' },
        { n: 15, status: 'mobilised', destination: 'DE' },
        { n: 25, status: 'conscript', destination: 'DE' },
        { n: 3, status: 'contract', destination: 'DE', outcome: 'refugee_status' },
        { n: 20, status: 'none', destination: 'FR' },
      ]);
      // Organisation B does not share: its 20 mobilised clients in Kazakhstan must appear nowhere.
      await seedClients(world, orgB, [{ n: 20, status: 'mobilised', destination: 'KZ' }]);
      await seedClients(world, orgC, [
        { n: 20, status: 'mobilised', destination: 'FR', outcome: 'rejected' },
        { n: 2, status: 'unknown', destination: 'DE' },
      ]);
    });
    after(async () => {
      rmSync(folder, { recursive: true, force: true });
      await drop();
    });

    it('makes no release while no organisation shares (the default)', async () => {
      await assert.rejects(
        releaseOperation.run(actingAs(world, LOCAL), { from: 2024, k: 10, includeSynthetic: false, out: path.join(folder, 'none.json') }),
        coded(ErrorCode.InputInvalid),
      );
    });

    it('lets only an administrator turn sharing on, for its own organisation, audited', async () => {
      const lawyer = await seedMember(world, orgA, 'lawyer');
      await assert.rejects(updateOrgSettingsOperation.run(actingAs(world, lawyer), { shareStatistics: true }), coded(ErrorCode.AccessDenied));
      for (const org of [orgA, orgC]) {
        const admin = await seedMember(world, org, 'org_admin');
        const view = await updateOrgSettingsOperation.run(actingAs(world, admin), { shareStatistics: true });
        assert.equal(view.shareStatistics, true);
        const entries = await db.query<{ action: string }>("select action from audit_log where org_id = $1 and action = 'org.share_statistics'", [org]);
        assert.equal(entries.length, 1);
      }
      const b = await db.query<{ share_statistics: boolean }>('select share_statistics from organisations where id = $1', [orgB]);
      assert.equal(b[0]?.share_statistics, false);
    });

    it('pools the sharing organisations, withholds small counts, writes its provenance, and audits each read', async () => {
      releaseFile = path.join(folder, 'release-2024.json');
      const summary = await releaseOperation.run(actingAs(world, LOCAL), { from: 2024, k: 10, includeSynthetic: false, out: releaseFile });
      assert.deepEqual(summary.organisations, ['stats-aid-a', 'stats-aid-c']);
      const text = readFileSync(releaseFile, 'utf8');
      assert.ok(!text.includes(FAMILY), 'no name in the release');
      const release = ReleaseSchema.parse(JSON.parse(text));
      assert.equal(release.sha256, summary.sha256);
      assert.deepEqual(release.period, { from: '2024', to: '2024' });
      assert.equal(release.method.k, 10);
      assert.equal(release.method.protection, 5);
      assert.equal(release.generatedAt, world.clock.now.toISOString());
      const group = release.tables.find((t) => t.id === '2024/group');
      assert.ok(group);
      const cell = (row: string, column: string) => group.cells[group.rows.indexOf(row)]?.[group.columns.indexOf(column)];
      // 78 of A and 22 of C; B's 20 are not counted.
      assert.equal(cell('total', 'total'), 100);
      assert.equal(cell('total', 'DEU'), 60);
      assert.equal(cell('military', 'FRA'), 20);
      assert.equal(cell('not_military', 'FRA'), 20);
      assert.equal(cell('total', 'KAZ'), 0);
      // 2 clients of unknown status in Germany: withheld, and so is what would give them away.
      assert.equal(cell('unknown_status', 'DEU'), null);
      assert.equal(cell('unknown_status', 'total'), null);
      assert.equal(cell('military', 'DEU'), null);
      const status = release.tables.find((t) => t.id === '2024/military-status');
      assert.equal(status?.cells[status.rows.indexOf('contract')]?.[status.columns.indexOf('DEU')], null, '3 contract soldiers withheld');
      assert.equal(status?.cells[status.rows.indexOf('mobilised')]?.[status.columns.indexOf('total')], 50);
      // The attacker given every published table recovers none of the withheld cells.
      const { intervals } = await attack(release.tables);
      assert.equal(intervals.size, release.withheld);
      assert.ok(intervals.size >= 4);
      for (const [label, { lo, hi }] of intervals) {
        assert.notEqual(lo, hi, `${label} recovered`);
        assert.ok(hi - lo >= 5 && hi >= 10, `${label}: [${lo}, ${hi}]`);
      }
      for (const org of [orgA, orgC]) {
        const reads = await db.query("select 1 from audit_log where org_id = $1 and action = 'statistics.release' and outcome = 'ok'", [org]);
        assert.equal(reads.length, 1);
      }
      assert.equal((await db.query("select 1 from audit_log where org_id = $1 and action = 'statistics.release'", [orgB])).length, 0);
      for (const org of [orgA, orgB, orgC]) assert.ok((await verifyAudit(db, world.keyring, org)).every((chain) => chain.ok));
    });

    it('releases each year once, and only years that have ended', async () => {
      await assert.rejects(
        releaseOperation.run(actingAs(world, LOCAL), { from: 2023, to: 2024, k: 10, includeSynthetic: false, out: path.join(folder, 'again.json') }),
        coded(ErrorCode.Conflict),
      );
      await assert.rejects(
        releaseOperation.run(actingAs(world, LOCAL), { from: 2026, k: 10, includeSynthetic: false, out: path.join(folder, 'future.json') }),
        coded(ErrorCode.InputInvalid),
      );
      const ledger = await db.query<{ organisations: string[]; k: number }>('select organisations, k from stat_disclosures');
      assert.equal(ledger.length, 1);
      assert.deepEqual(ledger[0]?.organisations, ['stats-aid-a', 'stats-aid-c']);
    });

    it('imports the release as its own source (hash checked); a changed or foreign file is refused', async () => {
      const changed = path.join(folder, 'changed.json');
      const tampered = JSON.parse(readFileSync(releaseFile, 'utf8'));
      tampered.tables[0].cells[3][6] += 1;
      tampered.tables[0].cells[3][0] = (tampered.tables[0].cells[3][0] ?? 0) + 1;
      writeFileSync(changed, JSON.stringify(tampered, null, 2));
      await assert.rejects(importReleaseOperation.run(actingAs(world, LOCAL), { file: changed }), coded(ErrorCode.StatsParse));
      const foreign = path.join(folder, 'foreign.json');
      writeFileSync(foreign, '{"format": "something-else"}');
      await assert.rejects(importReleaseOperation.run(actingAs(world, LOCAL), { file: foreign }), coded(ErrorCode.StatsFormat));
      const first = await importReleaseOperation.run(actingAs(world, LOCAL), { file: releaseFile });
      assert.equal(first.status, 'imported');
      assert.equal(first.source, 'legal_aid');
      assert.equal((await importReleaseOperation.run(actingAs(world, LOCAL), { file: releaseFile })).status, 'unchanged');
    });

    it('answers how many were military, for these clients only, never summed with the official sources', async () => {
      const military = await series(db, { indicator: 'clients', measure: 'military', origin: 'RUS', destinations: ['FRA', 'DEU'], from: '2024', to: '2024' });
      assert.deepEqual(
        military.rows.map((r) => [r.source, r.destination, r.value, r.unit, r.flags]),
        [
          ['legal_aid', 'FRA', 20, 'persons', ''],
          ['legal_aid', 'DEU', null, 'persons', 'c'],
        ],
      );
      const mobilised = await series(db, { indicator: 'clients', measure: 'mobilised', origin: 'RUS', destinations: ['WORLD'], from: '2024', to: '2024' });
      assert.deepEqual(
        mobilised.rows.map((r) => [r.source, r.value]),
        [['legal_aid', 50]],
      );
      const applications = await series(db, { indicator: 'applications', origin: 'RUS', destinations: ['DEU'], from: '2024', to: '2024' });
      assert.ok(applications.rows.every((r) => r.source !== 'legal_aid'));
      const claims = claimsRequestSchema.parse({
        claims: [
          {
            id: 'military-2024',
            statement: 'At least 45 of the Russian asylum seekers helped in 2024 were mobilised soldiers',
            quantity: { indicator: 'clients', measure: 'mobilised', destination: 'WORLD', period: 2024 },
            stated: { value: 45, wording: 'at least' },
          },
        ],
      });
      const [result] = await checkClaims(db, claims.claims);
      assert.equal(result?.verdict, 'holds');
      assert.deepEqual(
        result?.figures.map((f) => [f.source, f.measure, f.value]),
        [['legal_aid', 'mobilised', 50]],
      );
      assert.match(result?.reason ?? '', /legal-aid case files: the clients of the organisations that share statistics/);
      assert.ok(result?.figures[0]?.caveats.some((c) => c.includes('only clients of the legal-aid organisations that share statistics')));
    });

    it('shows the latest release as published, withheld cells marked', async () => {
      const { release } = await legalAidOperation.run(actingAs(world, LOCAL), {});
      assert.ok(release);
      assert.deepEqual(
        release.organisations.map((o) => o.slug),
        ['stats-aid-a', 'stats-aid-c'],
      );
      const group = release.tables.find((t) => t.id === '2024/group');
      const at = (row: string, column: string) => group?.cells[group.rows.indexOf(row)]?.[group.columns.indexOf(column)];
      assert.deepEqual(at('unknown_status', 'DEU'), { value: null, withheld: true });
      assert.deepEqual(at('military', 'FRA'), { value: 20, withheld: false });
      assert.deepEqual(at('total', 'total'), { value: 100, withheld: false });
    });
  });
}
