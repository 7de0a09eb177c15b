// Exclusion (art. 1F) preparation and document checklists: the matching rules on hand-made SYNTHETIC service
// histories (expected matches written from the allegations in assets/guidance/evidence.yaml, not read from output),
// and the two operations on both engines — workers read them, volunteers and statistics members are refused, every
// read is audited, a linked court record meets the checklist's court_record item with its capture's sha256.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { matchAllegations, normaliseUnitName, normaliseUnitNumber, serviceTimeline } from '../../src/casework/exclusion.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { syncKnowledgeBase } from '../../src/guidance/store.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { linkCaseOperation } from '../../src/operations/clients/link-case.ts';
import { clientChecklistOperation, clientExclusionOperation } from '../../src/operations/clients/prepare.ts';
import { uploadDocumentOperation } from '../../src/operations/clients/upload.ts';
import type { UserActor } from '../../src/ops/actor.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { actingAs, type CaseworkWorld, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { ENGINES } from '../helpers/engines.ts';

const kb = loadKnowledgeBase();
type Service = { unit?: string; unitNumber?: string; role?: string; place?: string; from?: string; to?: string; deployed?: boolean };
const history = (...service: Service[]) => ({ military: { status: 'contract' as const, service } });
const matched = (...service: Service[]) =>
  matchAllegations(history(...service), kb.allegations).map(
    (m) => `${m.serviceIndex}:${m.allegationId}:${m.reasons.map((r) => `${r.field}/${r.rule}`).join('+')}`,
  );

describe('exclusion matching (SYNTHETIC service histories)', () => {
  it('normalises unit numbers and names', () => {
    for (const text of ['в/ч 3179', '3179', 'military unit 3179', 'вч-3179', 'В/Ч3179']) assert.equal(normaliseUnitNumber(text), '3179', text);
    assert.equal(normaliseUnitNumber('no number'), null);
    const names = [
      '64th Separate Motor Rifle Brigade',
      '64-я отдельная мотострелковая бригада',
      '64 ОМСБр',
      '64-я омсбр',
      '64 omsbr',
      '64-я Отдельная Мотострелковая Бригада',
    ];
    for (const name of names) assert.equal(normaliseUnitName(name), '64 omsbr', name);
    assert.notEqual(normaliseUnitName('65-я омсбр'), '64 omsbr');
  });

  it('an exact unit number matches the allegation naming that unit', () => {
    assert.deepEqual(matched({ unit: 'SYNTHETIC unit', unitNumber: 'в/ч 3179', from: '2023-05-01', to: '2023-12-01' }), [
      '0:al-vityaz-76-bucha:unitNumber/unit_number',
    ]);
    const [m] = matchAllegations(history({ unitNumber: 'military unit 3179', from: '2023-05-01' }), kb.allegations);
    assert.equal(m?.periodOverlap, 'no', 'the period is reported, not used to hide a unit match');
    assert.equal(m?.allegation.confidence, 'reported');
    assert.equal(m?.allegation.licence, 'not_verified');
    assert.equal(m?.allegation.sources[0]?.publisher, 'Reuters');
  });

  it("what the allegation says is given in both languages (assets/guidance/evidence.yaml's names), for a Russian page", () => {
    const m = matchAllegations(history({ unit: '64-я ОМСБр', place: 'Буча', from: '2022-02-20', to: '2022-04-30' }), kb.allegations).find(
      (x) => x.allegationId === 'al-64-omsbr-bucha',
    );
    assert.deepEqual(
      m?.reasons.map((r) => [r.rule, r.allegation]),
      [
        ['unit_name', { en: '64th Separate Motor Rifle Brigade', ru: '64-я отдельная мотострелковая бригада' }],
        ['place_and_period', { en: 'Bucha, 2022 – 2022', ru: 'Буча, 2022 – 2022' }],
      ],
    );
  });

  it('name variants: ordinals, Cyrillic and Latin, abbreviations, honorifics', () => {
    for (const unit of ['64th Separate Motor Rifle Brigade', '64-я ОМСБр', '64 омсбр'])
      assert.deepEqual(matched({ unit }), ['0:al-64-omsbr-bucha:unit/unit_name'], unit);
    assert.deepEqual(matched({ unit: '137-й гв. ПДП' }), ['0:al-137-173-irpin:unit/unit_name']);
    assert.deepEqual(matched({ unit: 'Vityaz detachment' }), ['0:al-vityaz-76-bucha:unit/unit_name']);
    assert.deepEqual(matched({ unit: 'ИК-7 УФСИН (SYNTHETIC)' }), ['0:al-fsin-torture:unit/unit_name']);
    assert.deepEqual(matched({ unit: '65-я ОМСБр' }), [], 'another brigade number is no match');
  });

  it('a place with an overlapping period matches; the same place outside the period does not', () => {
    assert.deepEqual(matched({ unit: 'SYNTHETIC engineer company', place: 'Ирпень, Киевская обл.', from: '2022-02-24', to: '2022-04-01' }), [
      '0:al-137-173-irpin:place/place_and_period',
    ]);
    assert.deepEqual(matched({ unit: 'SYNTHETIC engineer company', place: 'Irpin', from: '2024-01-10', to: '2024-06-01' }), [], 'near miss: period outside');
    assert.deepEqual(matched({ unit: 'SYNTHETIC engineer company', place: 'Irpin' }), [], 'no dates: no place match');
  });

  it('no match for an unrelated history; the timeline is ordered by start date', () => {
    const service = [
      { unit: 'SYNTHETIC signals battalion', unitNumber: '00001', place: 'Pskov', from: '2023-03-01', to: '2023-09-01' },
      { unit: 'SYNTHETIC training centre', place: 'Omsk', from: '2021-01-01', to: '2021-06-01' },
    ];
    assert.deepEqual(matched(...service), []);
    assert.deepEqual(
      serviceTimeline(history(...service)).map((s) => s.index),
      [1, 0],
    );
  });
});

const coded = (code: string) => (error: unknown) => error instanceof OtkazError && error.code === code;

for (const engine of ENGINES) {
  describe(`checklist and exclusion operations (${engine.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let world: CaseworkWorld;
    let orgA: string;
    let lawyer: UserActor;
    let volunteer: UserActor;
    let statistics: UserActor;
    let clientId: string;

    before(async () => {
      ({ db, drop } = await engine.create());
      world = caseworkWorld(db);
      await ingestTestCard(db, world.directory);
      orgA = await seedOrg(world, 'prep-a');
      lawyer = await seedMember(world, orgA, 'lawyer');
      volunteer = await seedMember(world, orgA, 'volunteer');
      statistics = await seedMember(world, orgA, 'statistics');
      const created = await createClientOperation.run(
        actingAs(world, lawyer),
        createClientOperation.input.parse({
          person: { names: [{ script: 'latin', family: 'Prepareson', given: 'Synthetic' }] },
          military: {
            status: 'contract',
            service: [
              { unit: '64-я ОМСБр', unitNumber: '00000', role: 'driver (SYNTHETIC)', place: 'Буча', from: '2022-02-20', to: '2022-04-15', deployed: true },
            ],
          },
          consent: { shareWithinOrganisation: true },
        }),
      );
      clientId = created.id;
    });
    after(async () => drop());

    it('exclusion: the timeline and the flagged allegation, with sources, confidence, licence and the notice', async () => {
      const view = await clientExclusionOperation.run(actingAs(world, lawyer), { id: clientId });
      assert.equal(view.timeline.length, 1);
      assert.match(view.notice.en, /not a verdict/);
      assert.deepEqual(
        view.matches.map((m) => [m.allegationId, m.reasons.map((r) => r.rule).sort()]),
        [
          ['al-64-omsbr-bucha', ['place_and_period', 'unit_name']],
          ['al-vityaz-76-bucha', ['place_and_period']],
        ],
      );
      const brigade = view.matches[0];
      assert.equal(brigade?.confidence, 'official_finding');
      assert.equal(brigade?.licence, 'not_verified');
      assert.equal(brigade?.sources[0]?.publisher, 'Office of the Prosecutor General of Ukraine');
      const audit = await db.query<{ action: string }>("select action from audit_log where chain = $1 and action = 'clients.exclusion' and outcome = 'ok'", [
        `org:${orgA}`,
      ]);
      assert.equal(audit.length, 1);
    });

    it('checklist: open items, then a linked court record meets the court_record item with its capture sha256', async () => {
      const before = await clientChecklistOperation.run(
        actingAs(world, lawyer),
        clientChecklistOperation.input.parse({ id: clientId, claimType: 'deserter_criminal_case' }),
      );
      const record = before.items.find((i) => i.kind === 'court_record');
      assert.equal(record?.status, 'open');
      assert.ok(record?.sources.length, 'every item has its sources');
      assert.deepEqual(
        record?.destinations.map((d) => d.country),
        ['DEU', 'USA'],
      );
      const theCase = (await db.query<{ id: number }>('select id from cases order by id limit 1'))[0];
      assert.ok(theCase);
      const link = await linkCaseOperation.run(actingAs(world, lawyer), linkCaseOperation.input.parse({ id: clientId, caseId: String(theCase.id) }));
      await uploadDocumentOperation.run(
        actingAs(world, lawyer),
        uploadDocumentOperation.input.parse({ id: clientId, name: 'military-id.txt', contentBase64: Buffer.from('SYNTHETIC').toString('base64') }),
      );
      const now = await clientChecklistOperation.run(
        actingAs(world, lawyer),
        clientChecklistOperation.input.parse({ id: clientId, claimType: 'deserter_criminal_case' }),
      );
      const met = now.items.find((i) => i.kind === 'court_record');
      assert.equal(met?.status, 'met');
      assert.equal(met?.courtRecords[0]?.captureSha256, link.captureSha256);
      assert.equal(met?.courtRecords[0]?.captureArchived, true);
      const doc = now.items.find((i) => i.id === 'military-id');
      assert.equal(doc?.status, 'to_check');
      assert.equal(doc?.documents[0]?.name, 'military-id.txt');
      assert.equal(now.items.find((i) => i.kind === 'statement')?.status, 'open');
      const audit = await db.query<{ n: number }>("select count(*)::int as n from audit_log where chain = $1 and action = 'clients.checklist'", [
        `org:${orgA}`,
      ]);
      assert.equal(audit[0]?.n, 2);
    });

    it('every claim type has a checklist; an unknown claim type is a coded input error', async () => {
      for (const claimType of ['awol_337', 'mobilised_before_deployment', 'conscript_reservist_before_callup', 'contract_soldier']) {
        const view = await clientChecklistOperation.run(actingAs(world, lawyer), clientChecklistOperation.input.parse({ id: clientId, claimType }));
        assert.ok(view.items.length >= 3, claimType);
      }
      assert.throws(() => clientChecklistOperation.input.parse({ id: clientId, claimType: 'tourist' }));
    });

    it('volunteers and statistics members are refused, and the refusals are audited', async () => {
      for (const actor of [volunteer, statistics]) {
        await assert.rejects(clientExclusionOperation.run(actingAs(world, actor), { id: clientId }), coded(ErrorCode.AccessDenied));
        await assert.rejects(
          clientChecklistOperation.run(actingAs(world, actor), { id: clientId, claimType: 'contract_soldier' }),
          coded(ErrorCode.AccessDenied),
        );
      }
      const refused = await db.query<{ n: number }>(
        "select count(*)::int as n from audit_log where chain = $1 and outcome = 'refused' and action in ('clients.exclusion', 'clients.checklist')",
        [`org:${orgA}`],
      );
      assert.equal(refused[0]?.n, 4);
    });
  });
}

for (const engine of ENGINES) {
  describe(`the knowledge base in the database holds checklists and allegations (${engine.name})`, () => {
    it('syncKnowledgeBase stores one row per checklist (by claim type) and per allegation', async () => {
      const { db, drop } = await engine.create();
      try {
        await syncKnowledgeBase(db, kb, 'test-hash-evidence');
        const rows = await db.query<{ kind: string; id: string }>(
          "select kind, id from guidance_entries where kind in ('checklist', 'allegation') order by kind, id",
        );
        assert.deepEqual(
          rows.filter((r) => r.kind === 'checklist').map((r) => r.id),
          ['awol_337', 'conscript_reservist_before_callup', 'contract_soldier', 'deserter_criminal_case', 'mobilised_before_deployment'],
        );
        assert.deepEqual(
          rows.filter((r) => r.kind === 'allegation').map((r) => r.id),
          ['al-137-173-irpin', 'al-64-omsbr-bucha', 'al-fsin-torture', 'al-vityaz-76-bucha'],
        );
        const [vityaz] = await db.query<{ number: string }>(
          "select data->'units'->0->>'number' as number from guidance_entries where kind = 'allegation' and id = 'al-vityaz-76-bucha'",
        );
        assert.equal(vityaz?.number, '3179');
      } finally {
        await drop();
      }
    });
  });
}
