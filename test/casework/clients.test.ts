// Client files end to end through their operations, on both engines: create, read as each role, share with a
// volunteer, a member of another organisation refused (and audited), link to the tracker's court record, notes,
// a document with its metadata stripped, optimistic concurrency, search by exact value, referral with consent, and
// no client field in plaintext anywhere in the database. All names here are SYNTHETIC.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import exifr from 'exifr';
import { PDFDocument } from 'pdf-lib';
import { verifyAudit } from '../../src/audit/log.ts';
import { enterTenant, tenantWall } from '../../src/casework/tenant.ts';
import type { Database } from '../../src/db/database.ts';
import { createClientOperation } from '../../src/operations/clients/create.ts';
import { downloadDocumentOperation } from '../../src/operations/clients/download.ts';
import { linkCaseOperation } from '../../src/operations/clients/link-case.ts';
import { listClientsOperation } from '../../src/operations/clients/list.ts';
import { addNoteOperation } from '../../src/operations/clients/note.ts';
import { referClientOperation } from '../../src/operations/clients/refer.ts';
import { searchClientsOperation } from '../../src/operations/clients/search.ts';
import { shareClientOperation } from '../../src/operations/clients/share.ts';
import { showClientOperation } from '../../src/operations/clients/show.ts';
import { clientStatsOperation } from '../../src/operations/clients/stats.ts';
import { updateClientOperation } from '../../src/operations/clients/update.ts';
import { uploadDocumentOperation } from '../../src/operations/clients/upload.ts';
import type { UserActor } from '../../src/ops/actor.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { ingestTestCard } from '../helpers/api.ts';
import { actingAs, type CaseworkWorld, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { ENGINES } from '../helpers/engines.ts';

const FAMILY = 'Синтетиков';
const GIVEN = 'Тестомир';
const PASSPORT = '45 09 876543';
const LATIN = 'Sintetikov';
const SUMMARY = 'Left the unit in October; SYNTHETIC test story zqxv';

const coded = (code: string) => (error: unknown) => error instanceof OtkazError && error.code === code;

/** A minimal JPEG whose EXIF holds a GPS position (TIFF little-endian, a GPS IFD with latitude and longitude). */
export function jpegWithGps(): Uint8Array {
  const tiff = Buffer.alloc(128);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x8825, 10);
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18);
  tiff.writeUInt32LE(0, 22);
  tiff.writeUInt16LE(4, 26);
  const entry = (at: number, tag: number, type: number, count: number, value: number | string) => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    if (typeof value === 'string') tiff.write(value, at + 8, 'latin1');
    else tiff.writeUInt32LE(value, at + 8);
  };
  entry(28, 0x0001, 2, 2, 'N\0');
  entry(40, 0x0002, 5, 3, 80);
  entry(52, 0x0003, 2, 2, 'E\0');
  entry(64, 0x0004, 5, 3, 104);
  const rational = (at: number, values: number[]) =>
    values.forEach((v, i) => {
      tiff.writeUInt32LE(v, at + i * 8);
      tiff.writeUInt32LE(1, at + i * 8 + 4);
    });
  rational(80, [55, 45, 0]);
  rational(104, [37, 37, 0]);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(app1.length + 2);
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), length, app1, Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9])]));
}

for (const engine of ENGINES) {
  describe(`client files (${engine.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let world: CaseworkWorld;
    let orgA: string;
    let orgB: string;
    let lawyer: UserActor;
    let volunteer: UserActor;
    let otherVolunteer: UserActor;
    let statistics: UserActor;
    let outsider: UserActor;
    let clientId: string;

    before(async () => {
      ({ db, drop } = await engine.create());
      world = caseworkWorld(db);
      await ingestTestCard(db, world.directory);
      orgA = await seedOrg(world, 'org-a');
      orgB = await seedOrg(world, 'org-b');
      lawyer = await seedMember(world, orgA, 'lawyer');
      volunteer = await seedMember(world, orgA, 'volunteer');
      otherVolunteer = await seedMember(world, orgA, 'volunteer');
      statistics = await seedMember(world, orgA, 'statistics');
      outsider = await seedMember(world, orgB, 'org_admin');
      const created = await createClientOperation.run(
        actingAs(world, lawyer),
        createClientOperation.input.parse({
          person: {
            names: [
              { script: 'cyrillic', family: FAMILY, given: GIVEN },
              { script: 'latin', family: LATIN, given: 'Testomir' },
            ],
            birthDate: '1999-03-04',
          },
          military: { status: 'mobilised', service: [{ unit: 'motor rifle regiment (SYNTHETIC)', unitNumber: '00000' }] },
          documents: [{ type: 'internal_passport', number: PASSPORT, state: 'confiscated' }],
          wanted: { status: 'federal', checkedOn: '2026-11-01' },
          consent: { shareWithinOrganisation: true, referralTo: ['org-b'] },
          summary: SUMMARY,
        }),
      );
      clientId = created.id;
    });
    after(async () => drop());

    it('the lawyer reads the whole file; the read is audited', async () => {
      const file = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
      assert.equal(file.record.person?.names[0]?.family, FAMILY);
      assert.equal(file.record.documents?.[0]?.number, PASSPORT);
      assert.equal(file.access.edit, true);
      const entries = await db.query<{ action: string; outcome: string; actor_id: string }>(
        'select action, outcome, actor_id from audit_log where chain = $1 order by seq',
        [`org:${orgA}`],
      );
      assert.deepEqual(
        entries.map((e) => `${e.action}:${e.outcome}`),
        ['clients.create:ok', 'clients.read:ok'],
      );
      assert.equal(entries[1]?.actor_id, lawyer.userId);
    });

    it('a volunteer sees nothing until the file is shared with him, then only the allowed groups', async () => {
      await assert.rejects(showClientOperation.run(actingAs(world, volunteer), { id: clientId }), coded(ErrorCode.AccessDenied));
      const before = await listClientsOperation.run(actingAs(world, volunteer), listClientsOperation.input.parse({}));
      assert.equal(before.total, 0);
      await shareClientOperation.run(actingAs(world, lawyer), { id: clientId, userId: volunteer.userId });
      const file = await showClientOperation.run(actingAs(world, volunteer), { id: clientId });
      assert.equal(file.record.person?.names[0]?.family, FAMILY);
      assert.equal(file.record.documents, undefined, 'no identity-document numbers for volunteers');
      assert.equal(file.record.consent, undefined);
      assert.equal(file.access.edit, false);
      const list = await listClientsOperation.run(actingAs(world, volunteer), listClientsOperation.input.parse({}));
      assert.deepEqual(
        list.clients.map((c) => c.id),
        [clientId],
      );
      await assert.rejects(showClientOperation.run(actingAs(world, otherVolunteer), { id: clientId }), coded(ErrorCode.AccessDenied));
    });

    it('pages of the list: every file once, newest change first, and the number of all of them on every page (also past the end)', async () => {
      const org = await seedOrg(world, 'org-pages');
      const caseworker = await seedMember(world, org, 'caseworker');
      const made: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        world.clock.now = new Date(Date.UTC(2026, 10, 20, 10, n));
        const file = await createClientOperation.run(
          actingAs(world, caseworker),
          createClientOperation.input.parse({ person: { names: [{ script: 'latin', family: `Pagetest-${n} (SYNTHETIC)` }] } }),
        );
        made.push(file.id);
      }
      const page = (offset: number) => listClientsOperation.run(actingAs(world, caseworker), listClientsOperation.input.parse({ limit: 2, offset }));
      const pages = await Promise.all([0, 2, 4, 6].map(page));
      assert.deepEqual(
        pages.map((p) => p.total),
        [5, 5, 5, 5],
      );
      assert.deepEqual(
        pages.map((p) => p.clients.length),
        [2, 2, 1, 0],
      );
      assert.deepEqual(
        pages.flatMap((p) => p.clients.map((c) => c.id)),
        [...made].reverse(),
        'newest first, each once',
      );
    });

    it('a statistics member gets figures, never a file nor a name', async () => {
      await assert.rejects(showClientOperation.run(actingAs(world, statistics), { id: clientId }), coded(ErrorCode.AccessDenied));
      await assert.rejects(listClientsOperation.run(actingAs(world, statistics), listClientsOperation.input.parse({})), coded(ErrorCode.AccessDenied));
      const figures = await clientStatsOperation.run(actingAs(world, statistics), {});
      assert.equal(figures.total, 1);
      assert.equal(figures.byMilitaryStatus.mobilised, 1);
      assert.equal(JSON.stringify(figures).includes(FAMILY), false);
    });

    it('a date that does not exist, and a referral consent that names no organisation, are refused', () => {
      const base = { person: { names: [{ script: 'latin', family: 'X' }] } };
      assert.equal(createClientOperation.input.safeParse({ ...base, person: { ...base.person, birthDate: '2025-02-30' } }).success, false);
      assert.equal(createClientOperation.input.safeParse({ ...base, consent: { referralTo: ['../../etc'] } }).success, false);
      assert.equal(createClientOperation.input.safeParse({ ...base, consent: { referralTo: ['org-b', '*'] } }).success, true);
    });

    it('the command line acting for a member is told apart from the member in the audit log', async () => {
      const cliActor = { ...lawyer, sessionId: null };
      const sessionActor = { ...lawyer, sessionId: 'a-session' };
      await showClientOperation.run(actingAs(world, cliActor), { id: clientId });
      await showClientOperation.run(actingAs(world, sessionActor), { id: clientId });
      const kinds = await db.query<{ actor_kind: string }>(
        "select actor_kind from audit_log where chain = $1 and action = 'clients.read' order by seq desc limit 2",
        [`org:${orgA}`],
      );
      assert.deepEqual(
        kinds.map((k) => k.actor_kind),
        ['user', 'cli_as_member'],
      );
    });

    it('a member of another organisation finds nothing (not found, not forbidden), and the refusal is audited in his chain', async () => {
      await assert.rejects(showClientOperation.run(actingAs(world, outsider), { id: clientId }), coded(ErrorCode.InputNotFound));
      const list = await listClientsOperation.run(actingAs(world, outsider), listClientsOperation.input.parse({}));
      assert.equal(list.total, 0);
      const search = await searchClientsOperation.run(actingAs(world, outsider), { kind: 'document_number', value: PASSPORT });
      assert.deepEqual(search.clients, []);
      await assert.rejects(
        addNoteOperation.run(actingAs(world, outsider), addNoteOperation.input.parse({ id: clientId, text: 'x' })),
        coded(ErrorCode.InputNotFound),
      );
      const refused = await db.query<{ action: string }>("select action from audit_log where chain = $1 and outcome = 'refused'", [`org:${orgB}`]);
      assert.deepEqual(refused.map((r) => r.action).sort(), ['clients.note', 'clients.read']);
      // The owner sees the probe of its file in its own chain (the prober learns nothing of it).
      const probed = await db.query<{ action: string }>("select action from audit_log where chain = $1 and outcome = 'refused' and actor_id = $2", [
        `org:${orgA}`,
        outsider.userId,
      ]);
      assert.deepEqual(probed.map((r) => r.action).sort(), ['clients.note', 'clients.read']);
    });

    it('row-level security hides another organisation’s rows even from a query without a WHERE clause', async () => {
      assert.equal(await tenantWall(db), true, 'the test database lets the installation take the otkaz_member role');
      const seen = await db.transaction(async (tx) => {
        await enterTenant(db, tx, orgB);
        const clients = await tx.query<{ n: number }>('select count(*)::int as n from clients');
        const keys = await tx.query<{ n: number }>('select count(*)::int as n from org_keys');
        const members = await tx.query<{ email: string }>('select email from users');
        return { clients: clients[0]?.n, keys: keys[0]?.n, members: members.map((m) => m.email) };
      });
      assert.equal(seen.clients, 0, 'B sees none of A’s files');
      assert.equal(seen.keys, 1, 'B sees only its own data key');
      assert.equal(seen.members.length, 1);
      const outside = await db.query<{ n: number }>('select count(*)::int as n from clients where org_id = $1', [orgA]);
      assert.equal(outside[0]?.n, 1, 'outside the wall A’s file is there');
      await assert.rejects(
        db.transaction(async (tx) => {
          await enterTenant(db, tx, orgB);
          await tx.query("update clients set status = 'closed' where id = $1", [clientId]).then((rows) => rows);
          await tx.query('insert into client_shares (client_id, user_id, org_id) values ($1, $2, $3)', [clientId, outsider.userId, orgA]);
        }),
        /row-level security|violates/,
      );
      const still = await db.query<{ status: string }>('select status from clients where id = $1', [clientId]);
      assert.equal(still[0]?.status, 'open', 'an update through B’s wall touched nothing of A');
    });

    it('links the tracker’s court record, with the capture’s sha256, and shows the card now', async () => {
      const cases = await db.query<{ id: number; judicial_uid: string | null }>('select id, judicial_uid from cases order by id limit 1');
      const theCase = cases[0];
      assert.ok(theCase);
      const link = await linkCaseOperation.run(actingAs(world, lawyer), linkCaseOperation.input.parse({ id: clientId, caseId: String(theCase.id) }));
      assert.match(link.captureSha256 ?? '', /^[0-9a-f]{64}$/);
      await assert.rejects(
        linkCaseOperation.run(actingAs(world, lawyer), linkCaseOperation.input.parse({ id: clientId, caseId: String(theCase.id) })),
        coded(ErrorCode.InputInvalid),
      );
      const file = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
      assert.equal(file.cases?.length, 1);
      assert.equal(file.cases?.[0]?.current?.id, theCase.id);
      assert.equal(file.cases?.[0]?.captureArchived, true);
      const byCase = await searchClientsOperation.run(actingAs(world, lawyer), { kind: 'case_ref', value: link.caseNumber ?? link.judicialUid ?? 'none' });
      assert.deepEqual(
        byCase.clients.map((c) => c.id),
        [clientId],
      );
    });

    it('the list shows of each file its name, military status and number of linked cases (read from the record), and filters by status', async () => {
      const list = (status?: 'open' | 'closed') =>
        listClientsOperation.run(actingAs(world, lawyer), listClientsOperation.input.parse(status ? { status } : {}));
      const all = await list();
      assert.equal(all.total, 1);
      assert.deepEqual(
        all.clients.map(({ id, status, name, militaryStatus, linkedCases }) => ({ id, status, name, militaryStatus, linkedCases })),
        [{ id: clientId, status: 'open', name: `Testomir ${LATIN}`, militaryStatus: 'mobilised', linkedCases: 1 }],
      );
      assert.deepEqual(
        (await list('open')).clients.map((c) => c.id),
        [clientId],
      );
      assert.deepEqual(await list('closed'), { total: 0, clients: [] });
      const figures = await clientStatsOperation.run(actingAs(world, statistics), {});
      assert.equal(figures.withLinkedCase, 1);
    });

    it('finds a file by an exact identity-document number (spacing ignored), never by a part of it', async () => {
      const exact = await searchClientsOperation.run(actingAs(world, lawyer), { kind: 'document_number', value: '4509876543' });
      assert.deepEqual(
        exact.clients.map((c) => c.id),
        [clientId],
      );
      const part = await searchClientsOperation.run(actingAs(world, lawyer), { kind: 'document_number', value: '45 09' });
      assert.deepEqual(part.clients, []);
    });

    it('a change on an old revision is a conflict; nothing is overwritten', async () => {
      const file = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
      const record = {
        person: file.record.person,
        military: file.record.military,
        documents: file.record.documents,
        wanted: file.record.wanted,
        consent: file.record.consent,
        summary: `${SUMMARY} (edited)`,
      };
      const next = await updateClientOperation.run(
        actingAs(world, lawyer),
        updateClientOperation.input.parse({ id: clientId, revision: file.revision, record }),
      );
      assert.equal(next.revision, file.revision + 1);
      await assert.rejects(
        updateClientOperation.run(
          actingAs(world, lawyer),
          updateClientOperation.input.parse({ id: clientId, revision: file.revision, record: { ...record, summary: 'stale' } }),
        ),
        coded(ErrorCode.Conflict),
      );
      const after = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
      assert.equal(after.record.summary, `${SUMMARY} (edited)`);
      assert.equal(after.cases?.length, 1, 'links survive an edit of the record');
      await assert.rejects(
        updateClientOperation.run(actingAs(world, volunteer), updateClientOperation.input.parse({ id: clientId, revision: after.revision, record })),
        coded(ErrorCode.AccessDenied),
      );
    });

    it('a document loses its GPS position before it is encrypted; the download is the stripped file', async () => {
      const jpeg = jpegWithGps();
      assert.ok((await exifr.gps(Buffer.from(jpeg)))?.latitude, 'the test photo has a GPS position');
      const doc = await uploadDocumentOperation.run(
        actingAs(world, volunteer),
        uploadDocumentOperation.input.parse({ id: clientId, name: '../../photo of passport\u202e.jpg', contentBase64: Buffer.from(jpeg).toString('base64') }),
      );
      assert.equal(doc.name, 'photo of passport.jpg');
      assert.equal(doc.mediaType, 'image/jpeg');
      assert.equal(doc.metadata, 'stripped');
      assert.ok(doc.removed.some((r) => r.includes('EXIF')));
      const back = await downloadDocumentOperation.run(actingAs(world, lawyer), { id: clientId, documentId: doc.id });
      assert.equal(await exifr.gps(Buffer.from(back.bytes)).catch(() => undefined), undefined);
      assert.equal(back.bytes.length, doc.size);
      const pdf = await PDFDocument.create();
      pdf.setAuthor('Author Zqxvname');
      pdf.addPage();
      const pdfDoc = await uploadDocumentOperation.run(
        actingAs(world, lawyer),
        uploadDocumentOperation.input.parse({ id: clientId, name: 'decision.pdf', contentBase64: Buffer.from(await pdf.save()).toString('base64') }),
      );
      assert.ok(pdfDoc.removed.includes('PDF author'));
      const pdfBack = await downloadDocumentOperation.run(actingAs(world, lawyer), { id: clientId, documentId: pdfDoc.id });
      assert.equal(Buffer.from(pdfBack.bytes).includes('Zqxvname'), false);
      assert.equal((await PDFDocument.load(pdfBack.bytes)).getAuthor() ?? '', '');
      await assert.rejects(downloadDocumentOperation.run(actingAs(world, outsider), { id: clientId, documentId: doc.id }), coded(ErrorCode.InputNotFound));
    });

    it('notes are added and listed in order', async () => {
      await addNoteOperation.run(
        actingAs(world, volunteer),
        addNoteOperation.input.parse({ id: clientId, kind: 'call', text: 'Called zqxv; safe to talk after 18:00' }),
      );
      const file = await showClientOperation.run(actingAs(world, lawyer), { id: clientId });
      assert.deepEqual(
        file.notes?.map((n) => n.kind),
        ['call'],
      );
    });

    it('a referral needs the client’s consent, copies the file re-encrypted for the receiver, and is recorded on both sides', async () => {
      const orgC = await seedOrg(world, 'org-c');
      await assert.rejects(referClientOperation.run(actingAs(world, lawyer), { id: clientId, organisation: 'org-c' }), coded(ErrorCode.InputInvalid));
      void orgC;
      const referral = await referClientOperation.run(actingAs(world, lawyer), { id: clientId, organisation: 'org-b' });
      assert.equal(referral.documents, 2);
      assert.equal(referral.possibleDuplicates, 0);
      const theirs = await listClientsOperation.run(actingAs(world, outsider), listClientsOperation.input.parse({}));
      assert.equal(theirs.total, 1);
      const copy = await showClientOperation.run(actingAs(world, outsider), { id: theirs.clients[0]?.id ?? '' });
      assert.equal(copy.record.person?.names[0]?.family, FAMILY);
      assert.equal(copy.notes?.length, 0, 'the referring organisation’s notes stay with it');
      const rows = await db.query<{ a: Uint8Array; b: Uint8Array }>(
        'select a.record as a, b.record as b from clients a, clients b where a.id = $1 and b.org_id = $2',
        [clientId, orgB],
      );
      assert.notDeepEqual(rows[0]?.a, rows[0]?.b);
      const received = await db.query<{ action: string }>("select action from audit_log where chain = $1 and action = 'clients.referral_received'", [
        `org:${orgB}`,
      ]);
      assert.equal(received.length, 1);
      const again = await referClientOperation.run(actingAs(world, lawyer), { id: clientId, organisation: 'org-b' });
      assert.equal(again.possibleDuplicates, 1, 'the conflict check finds the earlier copy');
    });

    it('no client field is stored in plaintext in any table, and the audit chains verify', async () => {
      const tables = await db.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
      );
      let dump = '';
      for (const { table_name } of tables) {
        const rows = await db.query<{ j: string }>(`select row_to_json(t)::text as j from ${table_name} t`);
        dump += rows.map((r) => r.j).join('\n');
      }
      for (const secret of [FAMILY, GIVEN, LATIN, PASSPORT, '4509876543', 'zqxv', 'Zqxvname', '1999-03-04', 'motor rifle regiment']) {
        assert.equal(dump.includes(secret), false, `plaintext found: ${secret}`);
        assert.equal(dump.includes(Buffer.from(secret).toString('hex')), false, `plaintext (hex) found: ${secret}`);
      }
      const reports = await verifyAudit(db, world.keyring);
      assert.ok(reports.length >= 2);
      for (const report of reports) assert.equal(report.ok, true, `${report.chain}: ${JSON.stringify(report.problem)}`);
    });
  });
}
