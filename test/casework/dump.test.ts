// No client field in plaintext at rest: SYNTHETIC clients with distinctive strings (names, a passport number, a
// note, a document's bytes) are written through a file-backed embedded database; once it is closed, every file of
// its data folder — and the organisation's export archive — is searched for each string, as UTF-8 and as hex.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { insertClient } from '../../src/casework/clients.ts';
import { addDocument } from '../../src/casework/documents.ts';
import { addNote } from '../../src/casework/notes.ts';
import { openDatabase } from '../../src/db/open.ts';
import { exportOrgOperation } from '../../src/operations/orgs/export.ts';
import { LOCAL } from '../../src/ops/actor.ts';
import { actingAs, caseworkWorld, seedMember, seedOrg } from '../helpers/casework.ts';
import { tempDir } from '../helpers/temp.ts';

const MARKERS = ['Qzxwvfamilov', 'Жщъыэфамилов', 'QX-7731-990042', 'Kvtrplm hearing note', 'DOCMARKER-qwzxjv-bytes', 'Zzyzx unit 77319'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function findings(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = bytes.toString('latin1');
    for (const marker of MARKERS) {
      const utf8 = Buffer.from(marker, 'utf8');
      const hex = utf8.toString('hex');
      if (bytes.includes(utf8)) found.push(`${marker} (utf8) in ${file}`);
      if (text.toLowerCase().includes(hex)) found.push(`${marker} (hex) in ${file}`);
    }
  }
  return found;
}

describe('no client field in plaintext in the data folder or the export', () => {
  it('finds none of the distinctive strings in any file', async () => {
    const folder = tempDir('otkaz-dump-');
    const dataDir = path.join(folder, 'db');
    const db = await openDatabase({ kind: 'pglite', dataDir });
    const archive = path.join(folder, 'export.age');
    try {
      const world = caseworkWorld(db);
      const orgId = await seedOrg(world, 'test-dump-org');
      const admin = await seedMember(world, orgId, 'org_admin');
      await db.transaction(async (tx) => {
        const id = await insertClient(tx, world.keyring, orgId, {
          record: {
            person: {
              names: [
                { script: 'latin', family: 'Qzxwvfamilov', given: 'Testomir' },
                { script: 'cyrillic', family: 'Жщъыэфамилов' },
              ],
              languages: [],
            },
            military: { status: 'contract', service: [{ unit: 'Zzyzx unit 77319' }] },
            documents: [{ type: 'international_passport', number: 'QX-7731-990042', state: 'held' }],
            criminalCases: [],
            consent: { shareWithinOrganisation: false, referralTo: [] },
          },
          createdBy: admin.userId,
          synthetic: true,
        });
        await addNote(tx, world.keyring, orgId, id, admin.userId, { kind: 'hearing', text: 'Kvtrplm hearing note' });
        await addDocument(tx, world.keyring, orgId, id, admin.userId, {
          name: 'scan.bin',
          mediaType: 'application/octet-stream',
          bytes: Buffer.from('header DOCMARKER-qwzxjv-bytes trailer'),
        });
      });
      const recipient = await identityToRecipient(await generateIdentity());
      await exportOrgOperation.run(actingAs(world, LOCAL), { org: 'test-dump-org', out: archive, recipient });
      await db.exec('checkpoint');
    } finally {
      await db.close();
    }
    const files = [...filesUnder(dataDir), archive];
    assert.ok(files.length > 100, `the data folder holds the database's files (${files.length})`);
    assert.deepEqual(findings(files), []);
  });

  it('the search finds a marker where one is (the check can fail)', () => {
    const folder = tempDir('otkaz-dump-check-');
    const file = path.join(folder, 'plain.txt');
    writeFileSync(file, `x ${Buffer.from('QX-7731-990042').toString('hex')} y Kvtrplm hearing note`);
    assert.deepEqual(findings([file]).length, 2);
  });
});
