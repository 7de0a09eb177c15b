// The two switches of the case-file benchmark's baseline (bench/casework.bench.ts), given in code only: a keyring's
// cipher (the application's is always AEAD) and `record: false` in the audit options. Both engines. SYNTHETIC names.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { requestContext } from '../../src/api/bind.ts';
import { ResponseCache } from '../../src/api/cache.ts';
import { appendAudit } from '../../src/audit/log.ts';
import { insertClient, loadClient } from '../../src/casework/clients.ts';
import { AEAD, type Cipher, Keyring } from '../../src/casework/keyring.ts';
import { addNote, listNotes } from '../../src/casework/notes.ts';
import { ClientRecordSchema } from '../../src/casework/record.ts';
import { caseworkServices } from '../../src/casework/services.ts';
import * as aead from '../../src/crypto/aead.ts';
import { LocalKek } from '../../src/crypto/kek.ts';
import type { Database } from '../../src/db/database.ts';
import { loadKnowledgeBase } from '../../src/guidance/load.ts';
import { ANONYMOUS } from '../../src/ops/actor.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';
import { UNBOUNDED } from '../../src/shared/limits.ts';
import { caseworkWorld, seedOrg } from '../helpers/casework.ts';
import { ENGINES } from '../helpers/engines.ts';

const FAMILY = 'Синтетиков-Базовый';
const record = ClientRecordSchema.parse({ person: { names: [{ script: 'cyrillic', family: FAMILY, given: 'Тест' }] } });

/** A cipher that stores the plaintext behind a 4-byte key version, and counts its calls. */
function plainCipher(): Cipher & { calls: number } {
  const counter = { calls: 0 };
  const seal = (_key: Uint8Array, version: number, _binding: aead.Binding, plaintext: Uint8Array) => {
    counter.calls += 1;
    const out = Buffer.alloc(4 + plaintext.length);
    out.writeUInt32BE(version, 0);
    out.set(plaintext, 4);
    return out;
  };
  const open = (_key: Uint8Array, _binding: aead.Binding, ciphertext: Uint8Array) => {
    counter.calls += 1;
    return ciphertext.subarray(4);
  };
  return Object.assign(counter, {
    seal,
    open,
    sealText: (key: Uint8Array, version: number, binding: aead.Binding, text: string) => seal(key, version, binding, Buffer.from(text, 'utf8')),
    openText: (key: Uint8Array, binding: aead.Binding, ciphertext: Uint8Array) => Buffer.from(open(key, binding, ciphertext)).toString('utf8'),
    keyVersionOf: (ciphertext: Uint8Array) => Buffer.from(ciphertext).readUInt32BE(0),
  });
}

const kek = () => new LocalKek(new Uint8Array(randomBytes(32)), 'test');

for (const engine of ENGINES) {
  describe(`benchmark baseline switches on ${engine.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, drop } = await engine.create());
    });
    after(() => drop());

    it('a keyring seals with AEAD unless another cipher is passed to it in code', async () => {
      const world = caseworkWorld(db);
      assert.equal(world.keyring.cipher, AEAD);
      const orgId = await seedOrg(world, 'baseline-aead');
      const id = await db.transaction((tx) => insertClient(tx, world.keyring, orgId, { record, createdBy: null, synthetic: true }));
      const [row] = await db.query<{ record: Uint8Array }>('select record from clients where id = $1', [id]);
      const stored = Buffer.from(row?.record ?? []);
      assert.equal(stored.includes(Buffer.from(FAMILY, 'utf8')), false, 'no plaintext name in the stored record');
      const key = await world.keyring.orgKey(db, orgId, aead.keyVersionOf(stored));
      const binding = { scope: `org:${orgId}`, table: 'clients', column: 'record', row: id };
      assert.equal(JSON.parse(aead.openText(key, binding, stored)).person.names[0].family, FAMILY);
    });

    it('an injected cipher is what client records and notes are sealed and opened with', async () => {
      const world = caseworkWorld(db);
      const cipher = plainCipher();
      const keyring = new Keyring(kek(), cipher);
      const orgId = await seedOrg({ ...world, keyring }, 'baseline-plain');
      const id = await db.transaction(async (tx) => {
        const clientId = await insertClient(tx, keyring, orgId, { record, createdBy: null, synthetic: true });
        await addNote(tx, keyring, orgId, clientId, null, { kind: 'note', text: 'SYNTHETIC note of the baseline' });
        return clientId;
      });
      assert.equal(cipher.calls, 2, 'the record and the note were sealed by the injected cipher');
      const [row] = await db.query<{ record: Uint8Array }>('select record from clients where id = $1', [id]);
      assert.ok(Buffer.from(row?.record ?? []).includes(Buffer.from(FAMILY, 'utf8')), 'this cipher stores plaintext');
      assert.equal((await loadClient(db, keyring, orgId, id)).record.person.names[0]?.family, FAMILY);
      assert.deepEqual(
        (await listNotes(db, keyring, orgId, id)).map((n) => n.text),
        ['SYNTHETIC note of the baseline'],
      );
      assert.equal(cipher.calls, 4, 'and opened by it');
      // The application's keyring (AEAD) refuses what it did not seal.
      await assert.rejects(loadClient(db, new Keyring(keyring.kek), orgId, id), (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.CryptoInvalid);
    });

    it('audit options with record: false write nothing; without it, the entry is written', async () => {
      const keyring = new Keyring(kek());
      const event = { orgId: null, actor: { kind: 'local' }, action: 'org.share_statistics', outcome: 'ok' } as const;
      const count = async () => (await db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'org.share_statistics'"))[0]?.n;
      assert.equal(await db.transaction((tx) => appendAudit(tx, { keyring, record: false }, event)), null);
      assert.equal(await count(), 0);
      const entry = await db.transaction((tx) => appendAudit(tx, { keyring }, event));
      assert.equal(entry.action, 'org.share_statistics');
      assert.equal(await count(), 1);
    });

    it('the API passes AppContext.casework to the operations, and the configuration alone never turns anything off', () => {
      const world = caseworkWorld(db);
      const keyring = new Keyring(kek(), plainCipher());
      const request = { actor: ANONYMOUS, budget: UNBOUNDED, ip: '192.0.2.7' } as unknown as FastifyRequest;
      const base = { config: world.config, db, directory: world.directory, kb: loadKnowledgeBase(), cache: new ResponseCache(db) };
      const injected = requestContext({ ...base, casework: { keyring, audit: { record: false } } }, request).casework;
      assert.equal(injected.keyring, keyring);
      assert.equal(injected.audit.record, false);
      assert.equal(injected.audit.keyring, keyring);
      const plain = requestContext(base, request).casework;
      assert.equal(plain.keyring.cipher, AEAD);
      assert.equal(plain.audit.record, undefined);
      assert.equal(caseworkServices(world.config, null).audit.record, undefined);
    });
  });
}
