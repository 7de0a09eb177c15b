// One contract suite for every key-encryption-key provider (Hono style): each must round-trip a data key for its
// context, refuse another context or a changed wrapping, and name itself by an id that is not the key.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { newKey } from '../../src/crypto/aead.ts';
import { type KeyEncryptionKey, kekFromEnvironment, kekFromFile } from '../../src/crypto/kek.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'otkaz-kek-'));
const dataDir = path.join(dir, 'data');
const providers: Array<[string, () => KeyEncryptionKey]> = [
  ['environment variable (OTKAZ_KEK)', () => kekFromEnvironment(randomBytes(32).toString('base64'))],
  ['file, created on first use', () => kekFromFile(path.join(dir, `kek-${Math.random()}`), { dataDir, create: true })],
];

for (const [name, make] of providers) {
  describe(`key-encryption key: ${name}`, () => {
    it('unwraps what it wrapped, for the same context', async () => {
      const kek = make();
      const key = newKey();
      assert.deepEqual(new Uint8Array(await kek.unwrap(await kek.wrap(key, 'org:1:v1'), 'org:1:v1')), key);
    });
    it('refuses another context (a key moved to another organisation or version)', async () => {
      const kek = make();
      const wrapped = await kek.wrap(newKey(), 'org:1:v1');
      await assert.rejects(kek.unwrap(wrapped, 'org:2:v1'), (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.CryptoInvalid);
      await assert.rejects(kek.unwrap(wrapped, 'org:1:v2'), (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.CryptoInvalid);
    });
    it('refuses a changed wrapping, and another KEK', async () => {
      const kek = make();
      const wrapped = new Uint8Array(await kek.wrap(newKey(), 'c'));
      wrapped[wrapped.length - 1] = (wrapped[wrapped.length - 1] ?? 0) ^ 1;
      await assert.rejects(kek.unwrap(wrapped, 'c'));
      const other = make();
      assert.notEqual(other.id, kek.id);
      await assert.rejects(other.unwrap(await kek.wrap(newKey(), 'c'), 'c'));
    });
    it('wrapped keys do not contain the key', async () => {
      const kek = make();
      const key = newKey();
      const wrapped = Buffer.from(await kek.wrap(key, 'c'));
      assert.equal(wrapped.includes(Buffer.from(key)), false);
      assert.ok(!kek.id.includes(Buffer.from(key).toString('hex').slice(0, 16)));
    });
  });
}

describe('key-encryption key file', () => {
  it('is created with mode 0600 and read back the same on the next start', async () => {
    const file = path.join(dir, 'sub', 'kek');
    const first = kekFromFile(file, { dataDir, create: true });
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readFileSync(file).length, 32);
    const again = kekFromFile(file, { dataDir, create: false });
    assert.equal(again.id, first.id);
    assert.deepEqual(new Uint8Array(await again.unwrap(await first.wrap(new Uint8Array(32).fill(7), 'c'), 'c')), new Uint8Array(32).fill(7));
  });
  it('is refused inside the data folder, when missing without create, and when not 32 bytes', () => {
    const unavailable = (e: unknown) => e instanceof OtkazError && e.code === ErrorCode.KeyUnavailable;
    assert.throws(() => kekFromFile(path.join(dataDir, 'kek'), { dataDir, create: true }), unavailable);
    // Nor through a link to the data folder.
    mkdirSync(dataDir, { recursive: true });
    symlinkSync(dataDir, path.join(dir, 'link-to-data'));
    assert.throws(() => kekFromFile(path.join(dir, 'link-to-data', 'kek'), { dataDir, create: true }), unavailable);
    assert.equal(existsSync(path.join(dataDir, 'kek')), false);
    assert.throws(() => kekFromFile(path.join(dir, 'absent'), { dataDir, create: false }), unavailable);
    writeFileSync(path.join(dir, 'short'), Buffer.alloc(16));
    assert.throws(() => kekFromFile(path.join(dir, 'short'), { dataDir, create: false }), unavailable);
    assert.throws(() => kekFromEnvironment('not base64!'), unavailable);
  });
});
