// A referral carries the client's asylum applications (with their steps and hand-set deadlines) and the checklist
// marks, on both engines: the receiving organisation sees them, sealed under its own key, with new ids, a step or
// mark naming a document naming the document's copy; the referring organisation's file is left exactly as it was
// (the existing referral semantics: a copy, not a move). An anonymised statistics release counts a referred client
// once, not once per organisation he passed through. All data SYNTHETIC.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listApplications } from '../../src/casework/applications.ts';
import { listMarks } from '../../src/casework/checklist-marks.ts';
import { type FileUnit, oncePerPerson } from '../../src/casework/statistics.ts';
import type { Database } from '../../src/db/database.ts';
import type { UnitRecord } from '../../src/disclosure/release.ts';
import { ReleaseSchema } from '../../src/disclosure/release.ts';
import { releaseOperation } from '../../src/operations/asylum/release.ts';
import { addApplicationOperation, listApplicationsOperation } from '../../src/operations/clients/applications.ts';
import { markChecklistItemOperation } from '../../src/operations/clients/checklist-mark.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { listClientsOperation } from '../../src/operations/clients/list.ts';
import { clientChecklistOperation } from '../../src/operations/clients/prepare.ts';
import { referClientOperation } from '../../src/operations/clients/refer.ts';
import { showClientOperation } from '../../src/operations/clients/show.ts';
import { uploadDocumentOperation } from '../../src/operations/clients/upload.ts';
import { LOCAL, type UserActor } from '../../src/ops/actor.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { actingAs, type CaseworkWorld, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { ENGINES } from '../helpers/engines.ts';

const coded = (code: string) => (error: unknown) => error instanceof OtkazError && error.code === code;
const CLAIM = 'deserter_criminal_case';
const REFERENCE = 'SYNTHETIC-BAMF-zqxr';
const REASON = 'SYNTHETIC: no case papers were served zqxr';

const unit = (year: string): UnitRecord => ({ year, group: 'military', status: 'mobilised', destination: 'DEU', stage: 'filing', outcome: 'pending' });

describe('one unit record per person (pure)', () => {
  const file = (clientId: string, year = '2024'): FileUnit => ({ clientId, unit: unit(year) });
  it('without referrals every file counts', () => {
    assert.equal(oncePerPerson([file('a'), file('b')], []).length, 2);
  });
  it('a referred file counts once, where it was received last — also a second copy, and through a file not pooled', () => {
    const [a, b1, b2, c] = [file('a', '2023'), file('b1', '2024'), file('b2', '2025'), file('c', '2022')];
    assert.deepEqual(oncePerPerson([a, b1], [{ from: 'a', to: 'b1', at: '2026-01-01T00:00:00' }]), [b1.unit]);
    // referred twice to the same organisation: two copies, one person; the later copy counts
    const twice = [
      { from: 'a', to: 'b1', at: '2026-01-01T00:00:00' },
      { from: 'a', to: 'b2', at: '2026-02-01T00:00:00' },
    ];
    assert.deepEqual(oncePerPerson([a, b1, b2], twice), [b2.unit]);
    // a → x (an organisation that does not share: no record) → c: still one person
    const through = [
      { from: 'a', to: 'x', at: '2026-01-01T00:00:00' },
      { from: 'x', to: 'c', at: '2026-03-01T00:00:00' },
    ];
    assert.deepEqual(oncePerPerson([a, c], through), [c.unit]);
    // the receiver does not share: the referring file counts
    assert.deepEqual(oncePerPerson([a], [{ from: 'a', to: 'x', at: '2026-01-01T00:00:00' }]), [a.unit]);
  });
});

for (const engine of ENGINES) {
  describe(`a referral carries the applications and checklist marks (${engine.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let world: CaseworkWorld;
    let orgA = '';
    let orgB = '';
    let lawyerA: UserActor;
    let lawyerB: UserActor;
    let clientId = '';
    let documentId = '';
    const folder = mkdtempSync(path.join(tmpdir(), 'otkaz-referral-'));

    /** A file of A (mobilised, consenting to B) with an application filed in 2024 naming a document, and two marks. */
    async function preparedFile(family: string): Promise<{ id: string; documentId: string }> {
      const as = actingAs(world, lawyerA);
      const { id } = await createClientOperation.run(
        as,
        createClientOperation.input.parse({
          person: { names: [{ script: 'latin', family, given: 'Synthetic' }] },
          military: { status: 'mobilised' },
          consent: { shareWithinOrganisation: true, referralTo: ['referral-b'] },
        }),
      );
      const doc = await uploadDocumentOperation.run(
        as,
        uploadDocumentOperation.input.parse({
          id,
          name: 'military-id.txt',
          contentBase64: Buffer.from(`SYNTHETIC military ID of ${family}`).toString('base64'),
        }),
      );
      await addApplicationOperation.run(
        as,
        addApplicationOperation.input.parse({
          id,
          destination: 'DE',
          procedure: 'de.asylum',
          reference: REFERENCE,
          region: 'DE-BE',
          steps: [{ stage: 'bamf', filedOn: '2024-03-04', documentIds: [doc.id] }],
          manualDeadlines: [{ label: 'SYNTHETIC: statement to the court', due: '2026-12-15', setBy: 'judge' }],
        }),
      );
      await markChecklistItemOperation.run(
        as,
        markChecklistItemOperation.input.parse({ id, claimType: CLAIM, itemId: 'military-id', judgement: 'met', documentIds: [doc.id], revision: 0 }),
      );
      await markChecklistItemOperation.run(
        as,
        markChecklistItemOperation.input.parse({ id, claimType: CLAIM, itemId: 'case-papers', judgement: 'not_applicable', reason: REASON, revision: 0 }),
      );
      return { id, documentId: doc.id };
    }

    before(async () => {
      ({ db, drop } = await engine.create());
      world = caseworkWorld(db);
      orgA = await seedOrg(world, 'referral-a');
      orgB = await seedOrg(world, 'referral-b');
      lawyerA = await seedMember(world, orgA, 'lawyer');
      lawyerB = await seedMember(world, orgB, 'lawyer');
      ({ id: clientId, documentId } = await preparedFile('Napravlenov'));
    });
    after(async () => {
      rmSync(folder, { recursive: true, force: true });
      await drop();
    });

    it('the receiving organisation sees the applications with their steps and the marks, naming the copies of the documents', async () => {
      const sender = {
        file: await showClientOperation.run(actingAs(world, lawyerA), { id: clientId }),
        applications: await listApplications(db, world.keyring, orgA, clientId),
        marks: await listMarks(db, world.keyring, orgA, clientId),
      };
      const referral = await referClientOperation.run(actingAs(world, lawyerA), { id: clientId, organisation: 'referral-b' });
      assert.deepEqual([referral.documents, referral.applications, referral.checklistMarks], [1, 1, 2]);

      const theirs = await listClientsOperation.run(actingAs(world, lawyerB), listClientsOperation.input.parse({}));
      assert.equal(theirs.total, 1);
      const copyId = theirs.clients[0]?.id ?? '';
      const copy = await showClientOperation.run(actingAs(world, lawyerB), { id: copyId });
      const copiedDocument = copy.documents?.[0];
      assert.ok(copiedDocument);
      assert.notEqual(copiedDocument.id, documentId, 'the copy of the document has an id of its own');

      const { applications } = await listApplicationsOperation.run(actingAs(world, lawyerB), { id: copyId });
      assert.equal(applications.length, 1);
      const [received] = applications;
      const [original] = sender.applications;
      assert.ok(received && original);
      assert.notEqual(received.id, original.id);
      assert.deepEqual([received.destination, received.procedure, received.reference, received.region], ['DE', 'de.asylum', REFERENCE, 'DE-BE']);
      assert.deepEqual(
        received.steps.map((s) => [s.stage, s.filedOn, s.documentIds]),
        [['bamf', '2024-03-04', [copiedDocument.id]]],
      );
      assert.deepEqual(
        received.manualDeadlines.map((d) => [d.label, d.due, d.done]),
        [['SYNTHETIC: statement to the court', '2026-12-15', false]],
      );
      assert.ok(
        received.deadlines.some((d) => d.due === '2026-12-15'),
        'the receiver’s deadlines are computed from the copy',
      );

      const checklist = await clientChecklistOperation.run(actingAs(world, lawyerB), { id: copyId, claimType: CLAIM });
      const papers = checklist.items.find((i) => i.id === 'military-id');
      assert.deepEqual([papers?.status, papers?.metBy, papers?.mark?.markedBy], ['met', 'judgement', null]);
      assert.deepEqual(
        papers?.mark?.documents.map((d) => d.id),
        [copiedDocument.id],
      );
      const na = checklist.items.find((i) => i.id === 'case-papers');
      assert.deepEqual([na?.status, na?.mark?.reason], ['not_applicable', REASON]);

      // Sealed under the receiver's key: B's rows open only as B's (the organisation is in every ciphertext's binding),
      // and none holds the reference or the reason in the clear.
      const rows = await db.query<{ org_id: string; body: Uint8Array }>(
        'select org_id, body from client_applications union all select org_id, body from client_checklist_marks',
      );
      assert.equal(rows.filter((r) => r.org_id === orgB).length, 3);
      for (const r of rows) for (const secret of [REFERENCE, 'zqxr']) assert.equal(Buffer.from(r.body).includes(secret), false);
      assert.equal((await listMarks(db, world.keyring, orgB, copyId)).length, 2);

      // The referring organisation's file is as it was: a copy, not a move.
      assert.deepEqual(await listApplications(db, world.keyring, orgA, clientId), sender.applications);
      assert.deepEqual(await listMarks(db, world.keyring, orgA, clientId), sender.marks);
      const still = await showClientOperation.run(actingAs(world, lawyerA), { id: clientId });
      assert.deepEqual([still.status, still.revision, still.documents?.map((d) => d.id)], [sender.file.status, sender.file.revision, [documentId]]);
      // and each side still sees only its own
      await assert.rejects(listApplicationsOperation.run(actingAs(world, lawyerB), { id: clientId }), coded(ErrorCode.InputNotFound));
      await assert.rejects(listApplicationsOperation.run(actingAs(world, lawyerA), { id: copyId }), coded(ErrorCode.InputNotFound));
    });

    it('a statistics release counts a referred client once, not once per organisation', async () => {
      // Two more files referred from A to B: three people, six files with a dated application.
      for (const family of ['Vtorov', 'Tretyakov']) {
        const { id } = await preparedFile(family);
        await referClientOperation.run(actingAs(world, lawyerA), { id, organisation: 'referral-b' });
      }
      const files = await db.query<{ n: number }>('select count(*)::int as n from client_applications');
      assert.equal(files[0]?.n, 6);
      await db.query('update organisations set share_statistics = true where id = any($1::uuid[])', [[orgA, orgB]]);
      const out = path.join(folder, `release-${engine.name}.json`);
      await releaseOperation.run(actingAs(world, LOCAL), { from: 2024, k: 3, includeSynthetic: false, out });
      const release = ReleaseSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
      const group = release.tables.find((t) => t.id === '2024/group');
      assert.ok(group);
      const cell = (row: string, column: string) => group.cells[group.rows.indexOf(row)]?.[group.columns.indexOf(column)];
      assert.equal(cell('total', 'total'), 3);
      assert.equal(cell('military', 'DEU'), 3);
    });
  });
}
