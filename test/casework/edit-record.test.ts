// Editing a client's record (clients.update) from a role that may not see every group: the groups it cannot see
// are kept as stored, whatever it sent (nothing, or the schema's defaults — no documents, no consent), while the
// groups it sees are replaced by what it sent. Today every role that may edit sees every group, so the test
// narrows a caseworker's allow-list for its duration (src/casework/fields.ts is an allow-list: a group added later
// starts hidden). The server decides this, not the browser. All data SYNTHETIC; PGlite only (no engine-specific SQL).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALLOWED_GROUPS, FIELD_GROUPS, keepHiddenGroups } from '../../src/casework/fields.ts';
import type { ClientRecord } from '../../src/casework/record.ts';
import type { Database } from '../../src/db/database.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { showClientOperation } from '../../src/operations/clients/show.ts';
import { updateClientOperation } from '../../src/operations/clients/update.ts';
import type { UserActor } from '../../src/ops/actor.ts';
import { actingAs, type CaseworkWorld, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { ENGINES } from '../helpers/engines.ts';

const PASSPORT = '45 00 000001';
const STORED: ClientRecord = {
  person: { names: [{ script: 'latin', family: 'Editov', given: 'Synthetic' }], languages: ['ru'] },
  military: { status: 'contract', service: [] },
  documents: [{ type: 'internal_passport', number: PASSPORT, state: 'held' }],
  criminalCases: [],
  wanted: { status: 'federal' },
  consent: { shareWithinOrganisation: true, referralTo: ['org-b'] },
  summary: 'SYNTHETIC story',
};

describe('keepHiddenGroups', () => {
  it('keeps the groups the role may not see as stored, takes the others as sent', () => {
    const sent: ClientRecord = {
      ...STORED,
      military: { status: 'mobilised', service: [{ unit: 'SYNTHETIC unit' }] },
      documents: [],
      consent: { shareWithinOrganisation: false, referralTo: [] },
    };
    // A volunteer sees neither the documents nor the consent record.
    const kept = keepHiddenGroups('volunteer', STORED, sent);
    assert.deepEqual(kept.documents, STORED.documents);
    assert.deepEqual(kept.consent, STORED.consent);
    assert.deepEqual(kept.military, sent.military);
    // A lawyer sees everything: what was sent is the record.
    assert.deepEqual(keepHiddenGroups('lawyer', STORED, sent), sent);
    // An optional group the role may not see and that was never stored stays absent.
    const { wanted: _w, ...withoutWanted } = STORED;
    assert.equal('wanted' in keepHiddenGroups('statistics', withoutWanted, { ...sent, wanted: { status: 'interpol' } }), false);
  });
});

const pglite = ENGINES.find((e) => e.name === 'pglite');
if (!pglite) throw new Error('no PGlite engine');

describe('clients.update from a role that cannot see a group', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let world: CaseworkWorld;
  let caseworker: UserActor;
  let lawyer: UserActor;
  let clientId = '';
  const saved = ALLOWED_GROUPS.caseworker;

  before(async () => {
    ({ db, drop } = await pglite.create());
    world = caseworkWorld(db);
    const org = await seedOrg(world, 'org-edit');
    caseworker = await seedMember(world, org, 'caseworker');
    lawyer = await seedMember(world, org, 'lawyer');
    const { criminalCases: _c, ...record } = STORED;
    clientId = (await createClientOperation.run(actingAs(world, lawyer), createClientOperation.input.parse(record))).id;
  });
  after(async () => {
    ALLOWED_GROUPS.caseworker = saved;
    await drop();
  });

  it('keeps the hidden groups (documents, consent) and saves the visible ones (service history)', async () => {
    ALLOWED_GROUPS.caseworker = FIELD_GROUPS.filter((g) => g !== 'documents' && g !== 'consent');
    try {
      const seen = await showClientOperation.run(actingAs(world, caseworker), { id: clientId });
      assert.equal(seen.record.documents, undefined, 'the caseworker is shown no documents');
      assert.equal(seen.record.consent, undefined, 'nor the consent record');
      // What a form built from that view sends: no documents, no consent (the schema fills in its defaults).
      const next = await updateClientOperation.run(
        actingAs(world, caseworker),
        updateClientOperation.input.parse({
          id: clientId,
          revision: seen.revision,
          record: {
            person: seen.record.person,
            military: { status: 'contract', rank: 'private', service: [{ unit: '64-я ОМСБр', from: '2021-06-01', to: '2022-05-01', deployed: true }] },
            wanted: seen.record.wanted,
            summary: seen.record.summary,
          },
        }),
      );
      assert.equal(next.revision, seen.revision + 1);
    } finally {
      ALLOWED_GROUPS.caseworker = saved;
    }
    const stored = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
    assert.deepEqual(stored.record.documents, STORED.documents, 'the documents the caseworker could not see are kept');
    assert.deepEqual(stored.record.consent, STORED.consent, 'so is the consent record');
    assert.equal(stored.record.military?.rank, 'private');
    assert.deepEqual(stored.record.military?.service, [{ unit: '64-я ОМСБр', from: '2021-06-01', to: '2022-05-01', deployed: true }]);
  });

  it('a role that sees the groups may empty them', async () => {
    const seen = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
    const { criminalCases: _c, ...record } = { ...STORED, ...seen.record };
    await updateClientOperation.run(
      actingAs(world, lawyer),
      updateClientOperation.input.parse({
        id: clientId,
        revision: seen.revision,
        record: { ...record, documents: [], consent: { shareWithinOrganisation: false } },
      }),
    );
    const stored = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
    assert.deepEqual(stored.record.documents, []);
    assert.deepEqual(stored.record.consent, { shareWithinOrganisation: false, referralTo: [] });
  });
});
