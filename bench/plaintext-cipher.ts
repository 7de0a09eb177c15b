// The casework benchmarks' "encryption off" (bench/casework.bench.ts, bench/casework-cpu.ts): a ciphertext is the
// key version (4 bytes, as AEAD's header names it) and the plaintext. Nothing is sealed nor checked. Benchmark only:
// the application's keyrings always use AEAD.
import type { Cipher } from '../src/casework/keyring.ts';

function plainSeal(_key: Uint8Array, keyVersion: number, _binding: unknown, plaintext: Uint8Array): Uint8Array {
  const out = Buffer.alloc(4 + plaintext.length);
  out.writeUInt32BE(keyVersion, 0);
  out.set(plaintext, 4);
  return out;
}

function plainOpen(_key: Uint8Array, _binding: unknown, ciphertext: Uint8Array): Uint8Array {
  return ciphertext.subarray(4);
}

export const PLAINTEXT: Cipher = {
  seal: plainSeal,
  open: plainOpen,
  sealText: (key, keyVersion, binding, text) => plainSeal(key, keyVersion, binding, Buffer.from(text, 'utf8')),
  openText: (key, binding, ciphertext) => Buffer.from(plainOpen(key, binding, ciphertext)).toString('utf8'),
  keyVersionOf: (ciphertext) => Buffer.from(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength).readUInt32BE(0),
};
