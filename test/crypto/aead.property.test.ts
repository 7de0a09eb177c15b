// Property tests of the AEAD format (src/crypto/aead.ts): whatever is changed — any bit of a ciphertext, the
// binding it is opened for, the key — the ciphertext is refused with crypto.invalid; nothing is ever misread.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import fc from 'fast-check';
import { associatedData, type Binding, keyVersionOf, newKey, open, seal } from '../../src/crypto/aead.ts';
import { ErrorCode, OtkazError } from '../../src/shared/errors.ts';

const binding = fc.record({ scope: fc.string(), table: fc.string(), column: fc.string(), row: fc.string() });
const refused = (fn: () => unknown) => assert.throws(fn, (error: unknown) => error instanceof OtkazError && error.code === ErrorCode.CryptoInvalid);

describe('AEAD (XChaCha20-Poly1305, versioned, bound to org/table/column/row)', () => {
  it('opens what it sealed, for the same binding and key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), binding, fc.integer({ min: 1, max: 0xffffffff }), (plain, where, version) => {
        const key = newKey();
        const sealed = seal(key, version, where, plain);
        assert.equal(keyVersionOf(sealed), version);
        const opened = open(key, where, sealed);
        assert.deepEqual(new Uint8Array(opened), plain);
        assert.equal(opened.buffer.byteLength, opened.byteLength, 'the plaintext is an ArrayBuffer of its own (no slice of a shared pool)');
      }),
    );
  });

  it('binds the same associated data as the first format did, for names in any script', () => {
    // The construction of v1 as first written (length-prefixed UTF-8 parts, then the header): a ciphertext sealed
    // then must open now, so the bytes may never change.
    const reference = (where: Binding, header: Uint8Array) =>
      Buffer.concat([
        ...['otkaz/aead/v1', where.scope, where.table, where.column, where.row].flatMap((part) => {
          const bytes = Buffer.from(part, 'utf8');
          const length = Buffer.alloc(4);
          length.writeUInt32BE(bytes.length);
          return [length, bytes];
        }),
        Buffer.from(header),
      ]);
    const anyText = fc.string({ unit: 'grapheme' });
    fc.assert(
      fc.property(
        fc.record({ scope: anyText, table: anyText, column: anyText, row: anyText }),
        fc.uint8Array({ minLength: 30, maxLength: 30 }),
        (where, header) => {
          assert.deepEqual(Buffer.from(associatedData(where, header)), reference(where, header));
        },
      ),
    );
    assert.equal(
      Buffer.from(associatedData({ scope: 'org:Ж', table: 'clients', column: 'record', row: 'r' }, new Uint8Array(2))).toString('hex'),
      // 'otkaz/aead/v1', 'org:Ж' (6 bytes in UTF-8, 5 characters), 'clients', 'record', 'r', each after its length; the header.
      '0000000d6f746b617a2f616561642f7631000000066f72673ad09600000007636c69656e7473000000067265636f726400000001720000',
    );
  });

  it('refuses a ciphertext with any one bit flipped (header, nonce, body or tag)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), binding, fc.nat(), fc.integer({ min: 0, max: 7 }), (plain, where, at, bit) => {
        const key = newKey();
        const sealed = new Uint8Array(seal(key, 1, where, plain));
        const index = at % sealed.length;
        sealed[index] = (sealed[index] ?? 0) ^ (1 << bit);
        refused(() => open(key, where, sealed));
      }),
    );
  });

  it('refuses a ciphertext opened for another binding (moved to another org, table, column or row)', () => {
    const part = fc.constantFrom<keyof Binding>('scope', 'table', 'column', 'row');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 128 }), binding, part, fc.string({ minLength: 1 }), (plain, where, which, suffix) => {
        const key = newKey();
        const sealed = seal(key, 1, where, plain);
        refused(() => open(key, { ...where, [which]: where[which] + suffix }, sealed));
      }),
    );
  });

  it('does not confuse bindings whose parts concatenate to the same text', () => {
    const key = newKey();
    const sealed = seal(key, 1, { scope: 'a', table: 'bc', column: 'd', row: 'e' }, new Uint8Array([1]));
    refused(() => open(key, { scope: 'ab', table: 'c', column: 'd', row: 'e' }, sealed));
  });

  it('refuses a ciphertext under another key, a truncated one, and an unknown format', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 128 }), binding, fc.nat(), (plain, where, cut) => {
        const sealed = seal(newKey(), 1, where, plain);
        refused(() => open(newKey(), where, sealed));
        refused(() => open(newKey(), where, sealed.subarray(0, cut % sealed.length)));
      }),
    );
    const sealed = new Uint8Array(seal(newKey(), 1, { scope: 's', table: 't', column: 'c', row: 'r' }, new Uint8Array(4)));
    sealed[0] = 2;
    refused(() => keyVersionOf(sealed));
  });

  it('swapping two rows’ ciphertexts is refused', () => {
    const key = newKey();
    const a = seal(key, 1, { scope: 'org', table: 'clients', column: 'record', row: 'A' }, Buffer.from('a'));
    const b = seal(key, 1, { scope: 'org', table: 'clients', column: 'record', row: 'B' }, Buffer.from('b'));
    refused(() => open(key, { scope: 'org', table: 'clients', column: 'record', row: 'A' }, b));
    refused(() => open(key, { scope: 'org', table: 'clients', column: 'record', row: 'B' }, a));
  });

  it('two seals of the same value differ (random nonces)', () => {
    const key = newKey();
    const where = { scope: 'o', table: 't', column: 'c', row: 'r' };
    assert.notDeepEqual(seal(key, 1, where, Buffer.from('same')), seal(key, 1, where, Buffer.from('same')));
  });
  // The cipher runs in OpenSSL over HChaCha20's subkey (src/crypto/aead.ts); the same bytes as noble's own
  // xchacha20poly1305 (an independent, audited implementation), in both directions, at every length around the
  // 64-byte block and 16-byte Poly1305 boundaries.
  it('is XChaCha20-Poly1305 exactly: noble opens what it seals, and it opens what noble seals', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), binding, fc.integer({ min: 1, max: 0xffffffff }), (plain, where, version) => {
        const key = newKey();
        const sealed = seal(key, version, where, plain);
        const header = sealed.subarray(0, 30);
        const nonce = new Uint8Array(sealed.subarray(6, 30));
        const aad = new Uint8Array(associatedData(where, header));
        assert.deepEqual(xchacha20poly1305(key, nonce, aad).decrypt(new Uint8Array(sealed.subarray(30))), plain);
        const theirs = xchacha20poly1305(key, nonce, aad).encrypt(plain);
        assert.deepEqual(new Uint8Array(sealed.subarray(30)), theirs, 'the same nonce gives the same ciphertext and tag');
        const fromNoble = new Uint8Array(header.length + theirs.length);
        fromNoble.set(header);
        fromNoble.set(theirs, header.length);
        assert.deepEqual(new Uint8Array(open(key, where, fromNoble)), plain);
      }),
      { numRuns: 300 },
    );
  });
});
