// Deleting a document from a client file and removing a link to a court record, through their operations, on both
// engines: a worker's deletion takes the row (sealed bytes, metadata, key) — nothing of it opens afterwards —, the
// application steps that named the document forget it (and can be edited again), a checklist mark that named it
// or the link is kept and its item is to check again; the audit entry names the random id only, never the name,
// type or sha256. Deny by default: a shared volunteer (who may upload), a statistics member, a member of another
// organisation — each refused, audited, and nothing gone. All data SYNTHETIC.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAudit } from '../../src/audit/log.ts';
import { listApplications } from '../../src/casework/applications.ts';
import type { Database } from '../../src/db/database.ts';
import { addApplicationOperation, updateApplicationOperation } from '../../src/operations/clients/applications.ts';
import { markChecklistItemOperation } from '../../src/operations/clients/checklist-mark.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { deleteDocumentOperation } from '../../src/operations/clients/delete-document.ts';
import { downloadDocumentOperation } from '../../src/operations/clients/download.ts';
import { linkCaseOperation } from '../../src/operations/clients/link-case.ts';
import { clientChecklistOperation } from '../../src/operations/clients/prepare.ts';
import { searchClientsOperation } from '../../src/operations/clients/search.ts';
import { shareClientOperation } from '../../src/operations/clients/share.ts';
import { showClientOperation } from '../../src/operations/clients/show.ts';
import { unlinkCaseOperation } from '../../src/operations/clients/unlink-case.ts';
import { uploadDocumentOperation } from '../../src/operations/clients/upload.ts';
import type { UserActor } from '../../src/ops/actor.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { actingAs, type CaseworkWorld, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { ENGINES } from '../helpers/engines.ts';

const coded = (code: string) => (error: unknown) => error instanceof OtkazError && error.code === code;
const CLAIM = 'deserter_criminal_case';
const SECRET_NAME = 'SYNTHETIC passport scan zqxw.txt';

for (const engine of ENGINES) {
  describe(`deleting a document, removing a link (${engine.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let world: CaseworkWorld;
    let orgA = '';
    let orgB = '';
    let lawyer: UserActor;
    let caseworker: UserActor;
    let volunteer: UserActor;
    let statistics: UserActor;
    let outsider: UserActor;
    let clientId = '';
    let otherClientId = '';
    let outsiderClientId = '';
    let caseId = 0;

    const upload = (who: UserActor, name: string, text: string, id = clientId) =>
      uploadDocumentOperation.run(actingAs(world, who), uploadDocumentOperation.input.parse({ id, name, contentBase64: Buffer.from(text).toString('base64') }));
    const checklist = async () => (await clientChecklistOperation.run(actingAs(world, lawyer), { id: clientId, claimType: CLAIM })).items;
    const documentRows = async (id: string) => (await db.query<{ n: number }>('select count(*)::int as n from client_documents where id = $1', [id]))[0]?.n;

    before(async () => {
      ({ db, drop } = await engine.create());
      world = caseworkWorld(db);
      await ingestTestCard(db, world.directory);
      caseId = (await db.query<{ id: number }>('select id from cases order by id limit 1'))[0]?.id ?? 0;
      orgA = await seedOrg(world, 'removals-a');
      orgB = await seedOrg(world, 'removals-b');
      lawyer = await seedMember(world, orgA, 'lawyer');
      caseworker = await seedMember(world, orgA, 'caseworker');
      volunteer = await seedMember(world, orgA, 'volunteer');
      statistics = await seedMember(world, orgA, 'statistics');
      outsider = await seedMember(world, orgB, 'org_admin');
      const create = (who: UserActor, family: string) =>
        createClientOperation.run(
          actingAs(world, who),
          createClientOperation.input.parse({
            person: { names: [{ script: 'latin', family, given: 'Synthetic' }] },
            consent: { shareWithinOrganisation: true, referralTo: [] },
          }),
        );
      clientId = (await create(lawyer, 'Udalov')).id;
      otherClientId = (await create(lawyer, 'Drugov')).id;
      outsiderClientId = (await create(outsider, 'Chuzhov')).id;
      await shareClientOperation.run(actingAs(world, lawyer), { id: clientId, userId: volunteer.userId });
    });
    after(async () => drop());

    it('a worker deletes a document: its row goes, the steps forget it, a mark naming it is to check again; the audit names its id only', async () => {
      const scan = await upload(lawyer, SECRET_NAME, 'SYNTHETIC bytes of a scan zqxw');
      const kept = await upload(lawyer, 'kept.txt', 'SYNTHETIC other bytes');
      const application = await addApplicationOperation.run(
        actingAs(world, lawyer),
        addApplicationOperation.input.parse({
          id: clientId,
          destination: 'DE',
          procedure: 'de.asylum',
          steps: [{ stage: 'bamf', filedOn: '2025-11-03', documentIds: [scan.id, kept.id] }],
        }),
      );
      await markChecklistItemOperation.run(
        actingAs(world, lawyer),
        markChecklistItemOperation.input.parse({
          id: clientId,
          claimType: CLAIM,
          itemId: 'military-id',
          judgement: 'met',
          documentIds: [scan.id],
          revision: 0,
        }),
      );
      assert.equal((await checklist()).find((i) => i.id === 'military-id')?.status, 'met');

      const deleted = await deleteDocumentOperation.run(actingAs(world, caseworker), { id: clientId, documentId: scan.id });
      assert.deepEqual(deleted, { documentId: scan.id, applications: 1, marksToCheck: 1 });
      assert.equal(await documentRows(scan.id), 0, 'the row — sealed bytes, metadata and the document key — is gone');
      assert.equal(await documentRows(kept.id), 1);
      await assert.rejects(downloadDocumentOperation.run(actingAs(world, lawyer), { id: clientId, documentId: scan.id }), coded(ErrorCode.InputNotFound));
      const file = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
      assert.deepEqual(
        file.documents?.map((d) => d.id),
        [kept.id],
      );

      // The step no longer names it (one revision on), and the application can be edited again.
      const [stored] = await listApplications(db, world.keyring, orgA, clientId);
      assert.ok(stored);
      assert.deepEqual(stored.steps[0]?.documentIds, [kept.id]);
      assert.equal(stored.revision, application.revision + 1);
      const { id: applicationId, revision, createdAt: _c, updatedAt: _u, ...body } = stored;
      const edited = await updateApplicationOperation.run(
        actingAs(world, lawyer),
        updateApplicationOperation.input.parse({ ...body, id: clientId, applicationId, revision, reference: 'SYNTHETIC-BAMF-1' }),
      );
      assert.equal(edited.revision, revision + 1);

      // The mark is kept as it was; its item is to check again, naming what is gone.
      const papers = (await checklist()).find((i) => i.id === 'military-id');
      assert.equal(papers?.status, 'to_check');
      assert.deepEqual(papers?.mark?.missing, [{ kind: 'document', id: scan.id, why: 'deleted' }]);

      // Audited: the action, who, the document's random id; nothing of its name, content or sha256 anywhere in the log.
      const entries = await db.query<{ actor_id: string; resource_type: string; resource_id: string; outcome: string }>(
        "select actor_id, resource_type, resource_id, outcome from audit_log where chain = $1 and action = 'clients.delete_document'",
        [`org:${orgA}`],
      );
      assert.deepEqual(entries, [{ actor_id: caseworker.userId, resource_type: 'document', resource_id: scan.id, outcome: 'ok' }]);
      const log = (await db.query<{ j: string }>('select row_to_json(a)::text as j from audit_log a')).map((r) => r.j).join('\n');
      for (const secret of ['zqxw', 'passport scan', scan.sha256, 'text/plain']) assert.equal(log.includes(secret), false, `the audit log holds ${secret}`);

      // Gone is gone: a second deletion finds nothing.
      await assert.rejects(deleteDocumentOperation.run(actingAs(world, lawyer), { id: clientId, documentId: scan.id }), coded(ErrorCode.InputNotFound));
      for (const report of await verifyAudit(db, world.keyring)) assert.equal(report.ok, true, report.chain);
    });

    it('deny by default: a shared volunteer (who may upload), a statistics member and another organisation cannot delete; nothing goes', async () => {
      const doc = await upload(volunteer, 'volunteer upload.txt', 'SYNTHETIC volunteer bytes');
      const attempt = (who: UserActor, id = clientId) => deleteDocumentOperation.run(actingAs(world, who), { id, documentId: doc.id });
      await assert.rejects(attempt(volunteer), coded(ErrorCode.AccessDenied));
      await assert.rejects(attempt(statistics), coded(ErrorCode.AccessDenied));
      await assert.rejects(attempt(outsider), coded(ErrorCode.InputNotFound), 'another organisation’s file is not found, not forbidden');
      await assert.rejects(attempt(outsider, outsiderClientId), coded(ErrorCode.InputNotFound), 'nor through a file of his own');
      await assert.rejects(attempt(lawyer, otherClientId), coded(ErrorCode.InputNotFound), 'a document is deleted only from its own file');
      assert.equal(await documentRows(doc.id), 1);
      const back = await downloadDocumentOperation.run(actingAs(world, volunteer), { id: clientId, documentId: doc.id });
      assert.equal(Buffer.from(back.bytes).toString(), 'SYNTHETIC volunteer bytes');
      const refused = async (orgId: string, actor: string) =>
        (
          await db.query<{ n: number }>(
            "select count(*)::int as n from audit_log where chain = $1 and actor_id = $2 and action = 'clients.delete_document' and outcome = 'refused'",
            [`org:${orgId}`, actor],
          )
        )[0]?.n;
      assert.equal(await refused(orgA, volunteer.userId), 1);
      assert.equal(await refused(orgA, statistics.userId), 1);
      assert.equal(await refused(orgB, outsider.userId), 2, 'in his own chain');
      assert.equal(await refused(orgA, outsider.userId), 1, 'and the probe of A’s file in A’s chain');
      const view = await showClientOperation.run(actingAs(world, volunteer), { id: clientId });
      assert.equal(view.access.deleteDocuments, false, 'the web app offers a volunteer no deletion');
      assert.equal((await showClientOperation.run(actingAs(world, caseworker), { id: clientId })).access.deleteDocuments, true);
    });

    it('a worker removes a link: the record and the blind index no longer name the case, a mark naming it is to check again', async () => {
      const link = await linkCaseOperation.run(actingAs(world, lawyer), linkCaseOperation.input.parse({ id: clientId, caseId: String(caseId) }));
      await markChecklistItemOperation.run(
        actingAs(world, lawyer),
        markChecklistItemOperation.input.parse({
          id: clientId,
          claimType: CLAIM,
          itemId: 'court-record',
          judgement: 'met',
          linkIds: [link.linkId],
          revision: 0,
        }),
      );
      const reference = link.caseNumber ?? link.judicialUid ?? '';
      assert.deepEqual((await searchClientsOperation.run(actingAs(world, lawyer), { kind: 'case_ref', value: reference })).clients.length, 1);
      const before = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });

      const removed = await unlinkCaseOperation.run(actingAs(world, caseworker), { id: clientId, linkId: link.linkId });
      assert.deepEqual(removed, { linkId: link.linkId, caseId, revision: before.revision + 1, marksToCheck: 1 });
      const after = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
      assert.deepEqual(after.cases, []);
      assert.deepEqual((await searchClientsOperation.run(actingAs(world, lawyer), { kind: 'case_ref', value: reference })).clients, []);
      const record = (await checklist()).find((i) => i.id === 'court-record');
      assert.deepEqual(record?.mark?.missing, [{ kind: 'court_record', id: link.linkId, why: 'unlinked' }]);
      assert.equal(record?.status, 'to_check');
      assert.equal((await db.query('select 1 from cases where id = $1', [caseId])).length, 1, 'the tracker’s case is untouched');
      const entries = await db.query<{ resource_type: string; resource_id: string }>(
        "select resource_type, resource_id from audit_log where chain = $1 and action = 'clients.unlink_case' and outcome = 'ok'",
        [`org:${orgA}`],
      );
      assert.deepEqual(entries, [{ resource_type: 'case_link', resource_id: link.linkId }]);
      await assert.rejects(unlinkCaseOperation.run(actingAs(world, lawyer), { id: clientId, linkId: link.linkId }), coded(ErrorCode.InputNotFound));
      // Linked again later: a new link, not the old one back.
      const again = await linkCaseOperation.run(actingAs(world, lawyer), linkCaseOperation.input.parse({ id: clientId, caseId: String(caseId) }));
      assert.notEqual(again.linkId, link.linkId);
    });

    it('deny by default: a shared volunteer, a statistics member and another organisation cannot remove a link; it stays', async () => {
      const [link] = (await showClientOperation.run(actingAs(world, lawyer), { id: clientId })).cases ?? [];
      assert.ok(link);
      const attempt = (who: UserActor, id = clientId) => unlinkCaseOperation.run(actingAs(world, who), { id, linkId: link.link.linkId });
      await assert.rejects(attempt(volunteer), coded(ErrorCode.AccessDenied));
      await assert.rejects(attempt(statistics), coded(ErrorCode.AccessDenied));
      await assert.rejects(attempt(outsider), coded(ErrorCode.InputNotFound));
      await assert.rejects(attempt(outsider, outsiderClientId), coded(ErrorCode.InputNotFound));
      await assert.rejects(attempt(lawyer, otherClientId), coded(ErrorCode.InputNotFound), 'a link is removed only from its own file');
      const still = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
      assert.deepEqual(
        still.cases?.map((c) => c.link.linkId),
        [link.link.linkId],
      );
      for (const report of await verifyAudit(db, world.keyring)) assert.equal(report.ok, true, report.chain);
    });
  });
}
