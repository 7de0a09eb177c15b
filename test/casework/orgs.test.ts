// An organisation as a whole, on both engines: export to one age-encrypted archive → erase → import into an empty
// database reads back every record, note and document identically (sha256 of the bytes); a tampered or bad archive
// imports nothing; crypto-erasure leaves copied ciphertexts unopenable and the audit chains verifiable; key rotation
// re-seals every ciphertext under the new version; retention purges files past their time (the clock moved). SYNTHETIC.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { verifyAudit } from '../../src/audit/log.ts';
import { addApplication, listApplications } from '../../src/casework/applications.ts';
import { ARCHIVE_SCRYPT_LOG_N, type ArchiveLock, openArchive, sealArchive, serialiseArchive } from '../../src/casework/archive.ts';
import { checklistFor } from '../../src/casework/checklist.ts';
import { listMarks, markItem } from '../../src/casework/checklist-marks.ts';
import { findClients, insertClient, loadClient, openRecord, shareClient, updateClient } from '../../src/casework/clients.ts';
import { addDocument, listDocuments, readDocument } from '../../src/casework/documents.ts';
import { addNote, listNotes } from '../../src/casework/notes.ts';
import type { ClientRecord } from '../../src/casework/record.ts';
import { purgeExpired, retentionSchedule } from '../../src/casework/retention.ts';
import { keyVersionOf } from '../../src/crypto/aead.ts';
import type { Database, Queryable } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { eraseOrgOperation } from '../../src/operations/orgs/erase.ts';
import { exportOrgOperation } from '../../src/operations/orgs/export.ts';
import { importOrgOperation } from '../../src/operations/orgs/import.ts';
import { purgeExpiredOperation, setRetentionOperation } from '../../src/operations/orgs/retention.ts';
import { rotateOrgKeyOperation } from '../../src/operations/orgs/rotate-key.ts';
import { LOCAL } from '../../src/ops/actor.ts';
import { orgDataPolicy } from '../../src/policies/org-data.ts';
import { loadProcedures } from '../../src/procedures/load.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { actingAs, type CaseworkWorld, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { ENGINES, type EngineFactory } from '../helpers/engines.ts';
import { tempDir } from '../helpers/temp.ts';

const coded = (code: string) => (error: unknown) => error instanceof OtkazError && error.code === code;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const KB = loadKnowledgeBase();

/** A worker's "met" on the deserter checklist's military-id item, by the given document (SYNTHETIC note). */
async function markMet(tx: Queryable, world: CaseworkWorld, orgId: string, clientId: string, documentId: string, markedBy: string) {
  const checklist = checklistFor(KB, 'deserter_criminal_case');
  assert.ok(checklist);
  return markItem(
    tx,
    world.keyring,
    { orgId, clientId, checklist, records: [], markedBy },
    { claimType: 'deserter_criminal_case', itemId: 'military-id', judgement: 'met', documentIds: [documentId], note: 'SYNTHETIC mark note', revision: 0 },
    new Date('2026-10-06T10:00:00Z'),
  );
}

function record(family: string, passport: string): ClientRecord {
  return {
    person: { names: [{ script: 'latin', family, given: 'Testomir' }], languages: ['ru'] },
    military: { status: 'mobilised', service: [{ unitNumber: '00000', deployed: false }] },
    documents: [{ type: 'internal_passport', number: passport, state: 'confiscated' }],
    criminalCases: [],
    wanted: { status: 'federal', checkedOn: '2026-10-01' },
    consent: { shareWithinOrganisation: true, referralTo: [] },
    summary: `SYNTHETIC story of ${family}`,
  };
}

/** Everything of an organisation, decrypted, in a comparable form (member ids replaced by e-mails). */
async function snapshot(db: Database, world: CaseworkWorld, orgId: string) {
  const emails = new Map((await db.query<{ id: string; email: string }>('select id, email from users where org_id = $1', [orgId])).map((u) => [u.id, u.email]));
  const who = (id: string | null) => (id === null ? null : (emails.get(id) ?? `?${id}`));
  const ids = (await db.query<{ id: string }>('select id from clients where org_id = $1 order by id', [orgId])).map((r) => r.id);
  const files: Array<{
    row: Record<string, unknown>;
    record: ClientRecord;
    sharedWith: Array<string | null>;
    notes: unknown[];
    applications: unknown[];
    checklistMarks: unknown[];
    documents: Array<{ id: string; sha256: string }>;
  }> = [];
  for (const id of ids) {
    const file = await loadClient(db, world.keyring, orgId, id);
    const notes = (await listNotes(db, world.keyring, orgId, id)).map((n) => ({ ...n, authorId: who(n.authorId) }));
    const documents: Array<{ id: string; sha256: string; meta: unknown; uploadedBy: string | null; uploadedAt: string }> = [];
    for (const d of await listDocuments(db, world.keyring, orgId, id)) {
      const { meta, bytes } = await readDocument(db, world.keyring, orgId, id, d.id);
      documents.push({ id: d.id, meta, sha256: sha256(bytes), uploadedBy: who(d.uploadedBy), uploadedAt: d.uploadedAt });
    }
    const { org_id: _org, created_by, ...row } = file.row;
    const applications = await listApplications(db, world.keyring, orgId, id);
    const checklistMarks = (await listMarks(db, world.keyring, orgId, id)).map((m) => ({ ...m, markedBy: who(m.markedBy) }));
    files.push({
      row: { ...row, created_by: who(created_by) },
      record: file.record,
      sharedWith: file.sharedWith.map(who).sort(),
      notes,
      applications,
      checklistMarks,
      documents,
    });
  }
  return files;
}

for (const engine of ENGINES) {
  describe(`organisation export, import, erasure, rotation, retention (${engine.name})`, () => {
    let made: Awaited<ReturnType<EngineFactory['create']>>;
    let world: CaseworkWorld;
    let orgId: string;
    let clientIds: string[];
    let documentBytes: Uint8Array;
    const folder = tempDir('otkaz-org-export-');
    const identity = { secret: '', recipient: '' };

    before(async () => {
      made = await engine.create();
      world = caseworkWorld(made.db);
      identity.secret = await generateIdentity();
      identity.recipient = await identityToRecipient(identity.secret);
      orgId = await seedOrg(world, 'test-export-org');
      const admin = await seedMember(world, orgId, 'org_admin', 'admin-export@example.org');
      const volunteer = await seedMember(world, orgId, 'volunteer', 'volunteer-export@example.org');
      documentBytes = new Uint8Array(Buffer.from('SYNTHETIC scan bytes \u0000\u0001\u00ff of a decision'));
      clientIds = await made.db.transaction(async (tx) => {
        const a = await insertClient(tx, world.keyring, orgId, { record: record('Exportov', '11 22 333444'), createdBy: admin.userId, synthetic: true });
        const b = await insertClient(tx, world.keyring, orgId, { record: record('Importov', '55 66 777888'), createdBy: admin.userId, synthetic: true });
        await addNote(tx, world.keyring, orgId, a, admin.userId, { kind: 'call', text: 'SYNTHETIC call about the hearing', occurredOn: '2026-11-01' });
        await addNote(tx, world.keyring, orgId, a, volunteer.userId, { kind: 'note', text: 'SYNTHETIC second note' });
        await addApplication(
          tx,
          world.keyring,
          loadProcedures(),
          orgId,
          a,
          {
            destination: 'FR',
            procedure: 'fr.asylum',
            reference: 'SYNTHETIC-OFPRA-1',
            steps: [{ stage: 'ofpra', servedOn: '2026-10-02', outcome: 'rejected' }],
          },
          new Date('2026-10-05T10:00:00Z'),
        );
        const decision = await addDocument(tx, world.keyring, orgId, a, admin.userId, {
          name: 'decision.bin',
          mediaType: 'application/octet-stream',
          bytes: documentBytes,
        });
        await markMet(tx, world, orgId, a, decision.id, admin.userId);
        await shareClient(tx, orgId, a, volunteer.userId, admin.userId);
        await updateClient(tx, world.keyring, orgId, b, 1, record('Importov', '55 66 777888'), 'closed');
        return [a, b];
      });
      // Its administrators chose to share anonymised statistics: the setting goes with the export.
      await made.db.query('update organisations set share_statistics = true where id = $1', [orgId]);
      await made.db.query("insert into sessions (token_hash, user_id, org_id, csrf_token, factor) values ('\\x01', $1, $2, 'csrf', 'totp')", [
        admin.userId,
        orgId,
      ]);
    });
    after(() => made.drop());

    it('exports, erases, and imports into an empty database: every record, note and document reads back identical', async () => {
      const before = await snapshot(made.db, world, orgId);
      assert.equal(before.length, 2);
      assert.equal(before.flatMap((f) => f.documents).length, 1);
      assert.equal(before.flatMap((f) => f.notes).length, 2);
      assert.equal(before.flatMap((f) => f.checklistMarks).length, 1);
      const ctx = actingAs(world, LOCAL);
      const out = path.join(folder, `${engine.name}-x25519.age`);
      const exported = await exportOrgOperation.run(ctx, { org: 'test-export-org', out, recipient: identity.recipient });
      assert.deepEqual(exported.counts, { members: 2, clients: 2, notes: 2, applications: 1, checklistMarks: 1, documents: 1, shares: 1, referrals: 0 });
      assert.equal(statSync(out).mode & 0o777, 0o600);
      assert.equal(sha256(readFileSync(out)), exported.sha256);
      // never overwrites
      await assert.rejects(exportOrgOperation.run(ctx, { org: 'test-export-org', out, recipient: identity.recipient }), coded(ErrorCode.Usage));
      // a passphrase archive opens with the passphrase only
      const withPassphrase = path.join(folder, `${engine.name}-passphrase.age`);
      await exportOrgOperation.run(ctx, { org: orgId, out: withPassphrase, passphrase: 'correct horse battery', scryptLogN: 10 });
      await assert.rejects(openArchive(readFileSync(withPassphrase), { passphrase: 'wrong horse battery' }, withPassphrase), coded(ErrorCode.CryptoInvalid));
      const opened = await openArchive(readFileSync(withPassphrase), { passphrase: 'correct horse battery' }, withPassphrase);
      assert.equal(opened.manifest.organisation.slug, 'test-export-org');
      assert.equal(opened.manifest.organisation.shareStatistics, true);
      // no secrets of the members in the archive
      const members = opened.entries.filter((e) => e.type === 'member');
      assert.deepEqual(
        members.map((m) => Object.keys(m).sort()),
        members.map(() => ['createdAt', 'disabledAt', 'email', 'id', 'role', 'type']),
      );
      const exports = await made.db.query<{ n: number }>("select count(*)::int as n from audit_log where chain = $1 and action = 'org.export'", [
        `org:${orgId}`,
      ]);
      assert.equal(exports[0]?.n, 2);

      await eraseOrgOperation.run(ctx, { org: 'test-export-org', yes: true });

      const target = await engine.create();
      try {
        const other = caseworkWorld(target.db);
        const identityFile = path.join(folder, `${engine.name}-identity.txt`);
        writeFileSync(identityFile, `# test identity\n${identity.secret}\n`);
        const imported = await importOrgOperation.run(actingAs(other, LOCAL), { file: out, identity: identityFile });
        assert.equal(imported.slug, 'test-export-org');
        assert.notEqual(imported.orgId, orgId);
        assert.deepEqual(imported.members.map((m) => m.email).sort(), ['admin-export@example.org', 'volunteer-export@example.org']);
        assert.equal(imported.shareStatistics, true);
        const settings = await target.db.query<{ share_statistics: boolean }>('select share_statistics from organisations where id = $1', [imported.orgId]);
        assert.equal(settings[0]?.share_statistics, true, 'it shares statistics here as it did before');
        const sharing = await target.db.query<{ action: string }>('select action from audit_log where chain = $1 order by seq', [`org:${imported.orgId}`]);
        assert.deepEqual(
          sharing.map((e) => e.action),
          ['org.import', 'org.share_statistics'],
        );
        const after = await snapshot(target.db, other, imported.orgId);
        assert.deepEqual(after, before);
        assert.equal(after.flatMap((f) => f.documents)[0]?.sha256, sha256(documentBytes));
        // the blind indexes were rebuilt under the new data key
        assert.deepEqual(await findClients(target.db, other.keyring, imported.orgId, 'document_number', '11-22-333444'), [clientIds[0]]);
        const users = await target.db.query<{ password_hash: string | null; must_change_password: boolean; totp_secret: Uint8Array | null }>(
          'select password_hash, must_change_password, totp_secret from users where org_id = $1',
          [imported.orgId],
        );
        assert.ok(users.every((u) => u.password_hash === null && u.must_change_password && u.totp_secret === null));
        // the new organisation's own key: versions of its ciphertexts name its key 1
        const keys = await target.db.query<{ version: number }>('select version from org_keys where org_id = $1', [imported.orgId]);
        assert.deepEqual(
          keys.map((k) => k.version),
          [1],
        );
        // its slug is now taken: a second import is refused, and adds nothing
        await assert.rejects(importOrgOperation.run(actingAs(other, LOCAL), { file: out, identity: identityFile }), coded(ErrorCode.Conflict));
        const orgs = await target.db.query<{ n: number }>('select count(*)::int as n from organisations');
        assert.equal(orgs[0]?.n, 1);
        assert.ok((await verifyAudit(target.db, other.keyring)).every((r) => r.ok));
      } finally {
        await target.drop();
      }
    });

    it('after the erasure, a ciphertext copied out before cannot be opened, and the audit chains still verify', async () => {
      // the first test erased the organisation; its keys and files are gone, its members disabled, sessions ended
      const copied = await made.db.query<{ id: string; record: Uint8Array }>('select id, record from clients where org_id = $1', [orgId]);
      assert.equal(copied.length, 0);
      const marks = await made.db.query('select 1 from client_checklist_marks where org_id = $1', [orgId]);
      assert.equal(marks.length, 0, 'the checklist marks went with the files');
      const keys = await made.db.query('select 1 from org_keys where org_id = $1', [orgId]);
      assert.equal(keys.length, 0);
      const users = await made.db.query<{ disabled_at: string | null }>('select disabled_at from users where org_id = $1', [orgId]);
      assert.ok(users.length === 2 && users.every((u) => u.disabled_at !== null));
      const sessions = await made.db.query<{ ended_at: string | null }>('select ended_at from sessions where org_id = $1', [orgId]);
      assert.ok(sessions.length === 1 && sessions[0]?.ended_at !== null);
      const erased = await made.db.query<{ chain: string }>("select chain from audit_log where action = 'org.erase' and resource_id = $1", [orgId]);
      assert.deepEqual(
        erased.map((e) => e.chain),
        ['system'],
      );
      assert.ok((await verifyAudit(made.db, world.keyring)).every((r) => r.ok));
      // an erased organisation cannot be exported or erased again
      await assert.rejects(
        exportOrgOperation.run(actingAs(world, LOCAL), { org: orgId, out: path.join(folder, 'again.age'), recipient: identity.recipient }),
        coded(ErrorCode.InputNotFound),
      );
    });

    it('erasure: ciphertext copied before the erase is KeyUnavailable afterwards; without --yes the slug must be typed', async () => {
      const id = await seedOrg(world, 'test-erase-org');
      const clientId = await made.db.transaction((tx) => insertClient(tx, world.keyring, id, { record: record('Erasov', '99 88 777666'), createdBy: null }));
      const [copy] = await made.db.query<{ record: Uint8Array }>('select record from clients where id = $1', [clientId]);
      assert.ok(copy);
      assert.equal((await openRecord(made.db, world.keyring, id, clientId, copy.record)).summary, 'SYNTHETIC story of Erasov');
      const ctx = actingAs(world, LOCAL);
      await assert.rejects(eraseOrgOperation.run(ctx, { org: 'test-erase-org', confirm: 'test-erase' }), coded(ErrorCode.Usage));
      const result = await eraseOrgOperation.run(ctx, { org: 'test-erase-org', confirm: 'test-erase-org' });
      assert.equal(result.clients, 1);
      assert.equal(result.keys, 1);
      await assert.rejects(openRecord(made.db, world.keyring, id, clientId, copy.record), coded(ErrorCode.KeyUnavailable));
      assert.ok((await verifyAudit(made.db, world.keyring)).every((r) => r.ok));
    });

    it('the statistics-sharing setting goes both ways; an archive made before it was exported imports as not shared', async () => {
      const shared = await seedOrg(world, 'test-share-org');
      await seedOrg(world, 'test-quiet-org');
      await made.db.query('update organisations set share_statistics = true where id = $1', [shared]);
      const lock: ArchiveLock = { recipient: identity.recipient };
      const identityFile = path.join(folder, `${engine.name}-identity-share.txt`);
      writeFileSync(identityFile, `${identity.secret}\n`);
      const archives: Record<string, string> = {};
      for (const org of ['test-share-org', 'test-quiet-org']) {
        archives[org] = path.join(folder, `${engine.name}-${org}.age`);
        await exportOrgOperation.run(actingAs(world, LOCAL), { org, out: archives[org] ?? '', recipient: identity.recipient });
      }
      // the same archive as an older otkaz wrote it: no shareStatistics in the manifest
      const sealed = readFileSync(archives['test-share-org'] ?? '');
      const { manifest, entries } = await openArchive(sealed, { identity: identity.secret }, 'share');
      const { shareStatistics: _dropped, ...older } = manifest.organisation;
      const old = path.join(folder, `${engine.name}-older.age`);
      writeFileSync(
        old,
        await sealArchive(
          Buffer.from(`${[JSON.stringify({ ...manifest, organisation: older }), ...entries.map((e) => JSON.stringify(e))].join('\n')}\n`),
          lock,
        ),
      );
      const target = await engine.create();
      try {
        const ctx = actingAs(caseworkWorld(target.db), LOCAL);
        const kept = await importOrgOperation.run(ctx, { file: archives['test-share-org'] ?? '', identity: identityFile });
        const off = await importOrgOperation.run(ctx, { file: archives['test-quiet-org'] ?? '', identity: identityFile });
        const before = await importOrgOperation.run(ctx, { file: old, identity: identityFile, slug: 'test-older-org' });
        assert.deepEqual([kept.shareStatistics, off.shareStatistics, before.shareStatistics], [true, false, false]);
        const rows = await target.db.query<{ slug: string; share_statistics: boolean }>('select slug, share_statistics from organisations order by slug');
        assert.deepEqual(
          rows.map((r) => [r.slug, r.share_statistics]),
          [
            ['test-older-org', false],
            ['test-quiet-org', false],
            ['test-share-org', true],
          ],
        );
        const entriesOf = async (orgId: string) =>
          (await target.db.query<{ action: string }>('select action from audit_log where chain = $1 order by seq', [`org:${orgId}`])).map((e) => e.action);
        assert.deepEqual(await entriesOf(kept.orgId), ['org.import', 'org.share_statistics']);
        assert.deepEqual(await entriesOf(off.orgId), ['org.import']);
      } finally {
        await target.drop();
      }
    });

    it('a tampered, unreadable or inconsistent archive imports nothing, with a coded error naming the file', async () => {
      const id = await seedOrg(world, 'test-tamper-org');
      await made.db.transaction((tx) => insertClient(tx, world.keyring, id, { record: record('Tamperov', '12 12 121212'), createdBy: null }));
      const out = path.join(folder, `${engine.name}-tamper.age`);
      await exportOrgOperation.run(actingAs(world, LOCAL), { org: id, out, recipient: identity.recipient });
      const identityFile = path.join(folder, `${engine.name}-identity-2.txt`);
      writeFileSync(identityFile, `${identity.secret}\n`);
      const target = await engine.create();
      try {
        const other = caseworkWorld(target.db);
        const ctx = actingAs(other, LOCAL);
        const sealed = readFileSync(out);
        const flipped = Buffer.from(sealed);
        flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 0x01;
        const bad = path.join(folder, `${engine.name}-flipped.age`);
        writeFileSync(bad, flipped);
        await assert.rejects(
          importOrgOperation.run(ctx, { file: bad, identity: identityFile }),
          (e: unknown) => coded(ErrorCode.CryptoInvalid)(e) && (e as OtkazError).where === bad,
        );
        const cut = path.join(folder, `${engine.name}-cut.age`);
        writeFileSync(cut, sealed.subarray(0, sealed.length - 20));
        await assert.rejects(importOrgOperation.run(ctx, { file: cut, identity: identityFile }), coded(ErrorCode.CryptoInvalid));
        // well encrypted, but inconsistent inside: a count that does not match, a document whose bytes are not its sha256
        const { manifest, entries } = await openArchive(sealed, { identity: identity.secret }, out);
        const lock: ArchiveLock = { recipient: identity.recipient };
        const miscounted = path.join(folder, `${engine.name}-miscounted.age`);
        writeFileSync(miscounted, await sealArchive(serialiseArchive({ ...manifest, counts: { ...manifest.counts, clients: 5 } }, entries), lock));
        await assert.rejects(importOrgOperation.run(ctx, { file: miscounted, identity: identityFile }), coded(ErrorCode.InputInvalid));
        const client = entries.find((e) => e.type === 'client');
        assert.ok(client);
        const document = {
          type: 'document' as const,
          id: '00000000-0000-4000-8000-000000000001',
          clientId: client.id,
          uploadedBy: null,
          uploadedAt: '2026-11-01T00:00:00.000Z',
          meta: { name: 'x.bin', mediaType: 'application/octet-stream', sha256: '0'.repeat(64), size: 3, metadata: 'not inspected' as const, removed: [] },
          contentBase64: Buffer.from('abc').toString('base64'),
        };
        const mismatched = path.join(folder, `${engine.name}-mismatched.age`);
        writeFileSync(
          mismatched,
          await sealArchive(serialiseArchive({ ...manifest, counts: { ...manifest.counts, documents: 1 } }, [...entries, document]), lock),
        );
        await assert.rejects(importOrgOperation.run(ctx, { file: mismatched, identity: identityFile }), coded(ErrorCode.InputInvalid));
        for (const table of ['organisations', 'clients', 'users', 'org_keys', 'audit_log']) {
          const rows = await target.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
          assert.equal(rows[0]?.n, 0, `${table} is empty after the refused imports`);
        }
      } finally {
        await target.drop();
      }
    });

    it('rotation: every ciphertext names the new key version, old versions are gone, and everything reads back', async () => {
      const id = await seedOrg(world, 'test-rotate-org');
      const admin = await seedMember(world, id, 'org_admin');
      const clientId = await made.db.transaction(async (tx) => {
        const c = await insertClient(tx, world.keyring, id, { record: record('Rotatov', '34 34 343434'), createdBy: admin.userId });
        await addNote(tx, world.keyring, id, c, admin.userId, { kind: 'note', text: 'SYNTHETIC rotated note' });
        await addApplication(tx, world.keyring, loadProcedures(), id, c, { destination: 'DE', procedure: 'de.asylum' }, new Date('2026-10-05T10:00:00Z'));
        const d = await addDocument(tx, world.keyring, id, c, admin.userId, { name: 'r.bin', mediaType: 'application/octet-stream', bytes: documentBytes });
        await markMet(tx, world, id, c, d.id, admin.userId);
        return c;
      });
      const before = await snapshot(made.db, world, id);
      const ctx = actingAs(world, LOCAL);
      const first = await rotateOrgKeyOperation.run(ctx, { org: 'test-rotate-org' });
      assert.deepEqual(
        [first.version, first.clients, first.notes, first.applications, first.checklistMarks, first.documents, first.dropped],
        [2, 1, 1, 1, 1, 1, 1],
      );
      const second = await rotateOrgKeyOperation.run(ctx, { org: id });
      assert.equal(second.version, 3);
      const versions = [
        ...(await made.db.query<{ c: Uint8Array }>('select record as c from clients where org_id = $1', [id])),
        ...(await made.db.query<{ c: Uint8Array }>('select body as c from client_notes where org_id = $1', [id])),
        ...(await made.db.query<{ c: Uint8Array }>('select file_key as c from client_documents where org_id = $1', [id])),
        ...(await made.db.query<{ c: Uint8Array }>('select body as c from client_applications where org_id = $1', [id])),
        ...(await made.db.query<{ c: Uint8Array }>('select body as c from client_checklist_marks where org_id = $1', [id])),
      ].map((r) => keyVersionOf(r.c));
      assert.deepEqual(versions, [3, 3, 3, 3, 3]);
      const keys = await made.db.query<{ version: number }>('select version from org_keys where org_id = $1', [id]);
      assert.deepEqual(
        keys.map((k) => k.version),
        [3],
      );
      assert.deepEqual(await snapshot(made.db, world, id), before);
      assert.deepEqual(await findClients(made.db, world.keyring, id, 'document_number', '34 34 343434'), [clientId]);
      const rotations = await made.db.query<{ n: number }>("select count(*)::int as n from audit_log where chain = $1 and action = 'org.rotate_key'", [
        `org:${id}`,
      ]);
      assert.equal(rotations[0]?.n, 2);
    });

    it('retention: files closed or referred longer than the days set are purged (audited), the others kept; the daily schedule follows the clock', async () => {
      const id = await seedOrg(world, 'test-retention-org');
      const ctx = actingAs(world, LOCAL);
      const set = await setRetentionOperation.run(ctx, { org: 'test-retention-org', closed: 365, referred: 180 });
      assert.deepEqual(set.retention, { closed: 365, referred: 180 });
      const [open, closed, referred] = await made.db.transaction(async (tx) => {
        const ids: string[] = [];
        for (const family of ['Openov', 'Closedov', 'Referov'])
          ids.push(await insertClient(tx, world.keyring, id, { record: record(family, '1'), createdBy: null }));
        return ids;
      });
      await made.db.query("update clients set status = 'closed', closed_at = '2025-01-01T00:00:00Z', updated_at = '2025-06-01T00:00:00Z' where id = $1", [
        closed,
      ]);
      await made.db.query("update clients set status = 'referred', updated_at = '2026-01-01T00:00:00Z' where id = $1", [referred]);
      await made.db.query("update clients set updated_at = '2020-01-01T00:00:00Z' where id = $1", [open]);
      const audit = { keyring: world.keyring };
      // 2025-12-31: the closed file is 364 days old (kept); the referred one is not old at all
      assert.deepEqual(await purgeExpired(made.db, audit, new Date('2025-12-31T00:00:00Z')), []);
      // 2026-01-02: the closed file has passed 365 days (counted from closed_at, not updated_at)
      world.clock.now = new Date('2026-01-02T00:00:00Z');
      const dry = await purgeExpiredOperation.run(ctx, { dryRun: true });
      assert.deepEqual(
        dry.files.map((f) => f.clientId),
        [closed],
      );
      assert.equal((await made.db.query('select 1 from clients where id = $1', [closed])).length, 1);
      // the schedule: runs at its first tick, not again within a day, again after one
      const runs: string[] = [];
      const schedule = retentionSchedule(
        async (at) => {
          runs.push(at.toISOString());
          await purgeExpired(made.db, audit, at);
        },
        () => world.clock.now,
      );
      assert.equal(await schedule.tick(), true);
      world.clock.now = new Date('2026-01-02T23:00:00Z');
      assert.equal(await schedule.tick(), false);
      assert.equal((await made.db.query('select 1 from clients where id = $1', [closed])).length, 0);
      assert.equal((await made.db.query('select 1 from clients where id = $1', [referred])).length, 1);
      world.clock.now = new Date('2026-07-01T00:00:00Z');
      assert.equal(await schedule.tick(), true);
      assert.deepEqual(runs, ['2026-01-02T00:00:00.000Z', '2026-07-01T00:00:00.000Z']);
      const left = await made.db.query<{ id: string }>('select id from clients where org_id = $1', [id]);
      assert.deepEqual(
        left.map((r) => r.id),
        [open],
      );
      const purged = await made.db.query<{ resource_id: string }>(
        "select resource_id from audit_log where chain = $1 and action = 'clients.purge' order by seq",
        [`org:${id}`],
      );
      assert.deepEqual(
        purged.map((r) => r.resource_id),
        [closed, referred],
      );
      assert.ok((await verifyAudit(made.db, world.keyring)).every((r) => r.ok));
      await assert.rejects(setRetentionOperation.run(ctx, { org: 'test-retention-org' }), coded(ErrorCode.Usage));
    });
  });
}

describe('the organisation commands are the local administrator’s only', () => {
  it('refuses an operator token and every member, also an org admin; allows the local actor', () => {
    const settings = { operatorToken: 'test-operator-token-0123456789' };
    const admin = {
      kind: 'user' as const,
      userId: '00000000-0000-4000-8000-000000000002',
      orgId: '00000000-0000-4000-8000-000000000003',
      role: 'org_admin' as const,
      sessionId: null,
      verified: true,
    };
    for (const rule of Object.values(orgDataPolicy)) {
      assert.equal(rule.checkEdge(LOCAL, settings).allow, true, rule.name);
      assert.equal(rule.checkEdge({ kind: 'operator' }, settings).allow, false, rule.name);
      assert.equal(rule.checkEdge(admin, settings).allow, false, rule.name);
    }
    assert.deepEqual(
      [exportOrgOperation, importOrgOperation, eraseOrgOperation, rotateOrgKeyOperation, setRetentionOperation, purgeExpiredOperation].map(
        (op) => typeof op.surfaces.api,
      ),
      ['string', 'string', 'string', 'string', 'string', 'string'],
    );
  });
});

describe('passphrase archives', () => {
  it("are sealed with age's own scrypt work factor, 2^18, unless the caller gives one (the tests' cheaper one is theirs only)", async () => {
    assert.equal(ARCHIVE_SCRYPT_LOG_N, 18);
    const stanza = async (lock: ArchiveLock) => {
      const header = Buffer.from(await sealArchive(new Uint8Array([1, 2, 3]), lock)).toString('latin1');
      return /^-> scrypt \S+ (\d+)$/m.exec(header)?.[1];
    };
    assert.equal(await stanza({ passphrase: 'SYNTHETIC passphrase' }), '18');
    assert.equal(await stanza({ passphrase: 'SYNTHETIC passphrase', scryptLogN: 11 }), '11');
  });
});
