import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { leafHash, merkleRoot, merkleTree, nodeHash, rootFromProof } from '../../src/courts/archive/merkle.ts';

const sha = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const leaf = (byte: number): Uint8Array => new Uint8Array(32).fill(byte);
const ZERO = Uint8Array.of(0);
const ONE = Uint8Array.of(1);

describe('Merkle tree (RFC 6962 hashing)', () => {
  it('one leaf: the root is SHA-256(0x00 ‖ leaf), with an empty proof', () => {
    const a = leaf(0xaa);
    const expected = sha(ZERO, a);
    assert.equal(hex(merkleRoot([a])), hex(expected));
    assert.equal(hex(expected), hex(leafHash(a)));
    const { root, proofs } = merkleTree([a]);
    assert.equal(hex(root), hex(expected));
    assert.deepEqual(proofs, [[]]);
    assert.equal(hex(rootFromProof(a, 0, 1, []) ?? new Uint8Array()), hex(expected));
  });

  it('two leaves: SHA-256(0x01 ‖ H(0x00 ‖ a) ‖ H(0x00 ‖ b)); each proof is the other leaf hash', () => {
    const [a, b] = [leaf(1), leaf(2)];
    const ha = sha(ZERO, a);
    const hb = sha(ZERO, b);
    const expected = sha(ONE, ha, hb);
    const { root, proofs } = merkleTree([a, b]);
    assert.equal(hex(root), hex(expected));
    assert.deepEqual(
      proofs.map((p) => p.map(hex)),
      [[hex(hb)], [hex(ha)]],
    );
    assert.notEqual(hex(merkleRoot([b, a])), hex(expected), 'order matters');
  });

  it('three leaves: the split is 2 + 1, SHA-256(0x01 ‖ H(0x01 ‖ ha ‖ hb) ‖ hc)', () => {
    const [a, b, c] = [leaf(1), leaf(2), leaf(3)];
    const [ha, hb, hc] = [sha(ZERO, a), sha(ZERO, b), sha(ZERO, c)];
    const hab = sha(ONE, ha, hb);
    const expected = sha(ONE, hab, hc);
    const { root, proofs } = merkleTree([a, b, c]);
    assert.equal(hex(root), hex(expected));
    assert.deepEqual(
      proofs.map((p) => p.map(hex)),
      [[hex(hb), hex(hc)], [hex(ha), hex(hc)], [hex(hab)]],
    );
    for (const [i, l] of [a, b, c].entries()) assert.equal(hex(rootFromProof(l, i, 3, proofs[i] ?? []) ?? new Uint8Array()), hex(expected));
  });

  it('a leaf cannot pass for a node (domain separation)', () => {
    const [a, b] = [leaf(1), leaf(2)];
    const inner = nodeHash(leafHash(a), leafHash(b));
    // The 64 bytes of the two leaf hashes, given as one leaf, do not give the two-leaf root.
    const forged = new Uint8Array([...leafHash(a), ...leafHash(b)]);
    assert.notEqual(hex(merkleRoot([forged])), hex(inner));
  });

  it('every leaf of every tree up to 70 leaves recomputes the root; the proofs are ⌈log2 n⌉ long at most', () => {
    for (let n = 1; n <= 70; n += 1) {
      const leaves = Array.from({ length: n }, (_, i) => sha(Uint8Array.of(i)));
      const { root, proofs } = merkleTree(leaves);
      assert.equal(hex(root), hex(merkleRoot(leaves)));
      const maxDepth = Math.ceil(Math.log2(n));
      leaves.forEach((l, i) => {
        const proof = proofs[i] ?? [];
        assert.ok(proof.length <= maxDepth, `n=${n} i=${i}`);
        assert.equal(hex(rootFromProof(l, i, n, proof) ?? new Uint8Array()), hex(root), `n=${n} i=${i}`);
      });
    }
  });

  it('refuses an empty tree, an index out of range, a path of the wrong length', () => {
    assert.throws(() => merkleRoot([]), RangeError);
    const leaves = [leaf(1), leaf(2), leaf(3), leaf(4), leaf(5)];
    const { proofs } = merkleTree(leaves);
    const proof = proofs[2] ?? [];
    assert.equal(rootFromProof(leaf(3), 5, 5, proof), null);
    assert.equal(rootFromProof(leaf(3), -1, 5, proof), null);
    assert.equal(rootFromProof(leaf(3), 2, 5, proof.slice(1)), null, 'too short');
    assert.equal(rootFromProof(leaf(3), 2, 5, [...proof, leaf(9)]), null, 'too long');
    assert.equal(rootFromProof(leaf(3), 2, 5, [new Uint8Array(31), ...proof.slice(1)]), null, 'a node of 31 bytes');
  });

  it('property: changing the leaf, one byte of one proof node, the index or the size never recomputes the root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (n, rawIndex, rawNode, rawByte, flip) => {
        const leaves = Array.from({ length: n }, (_, i) => sha(Buffer.from(`capture ${i} of ${n}`)));
        const { root, proofs } = merkleTree(leaves);
        const i = rawIndex % n;
        const l = leaves[i] as Uint8Array;
        const proof = proofs[i] ?? [];
        const rootHex = hex(root);
        const same = (r: Uint8Array | null): boolean => r !== null && hex(r) === rootHex;
        assert.ok(same(rootFromProof(l, i, n, proof)));
        const tamperedLeaf = Uint8Array.from(l);
        tamperedLeaf[rawByte % 32] = (tamperedLeaf[rawByte % 32] ?? 0) ^ flip;
        assert.ok(!same(rootFromProof(tamperedLeaf, i, n, proof)), 'a changed capture hash');
        const k = rawNode % proof.length;
        const tampered = proof.map((p, j) => {
          if (j !== k) return p;
          const q = Uint8Array.from(p);
          q[rawByte % 32] = (q[rawByte % 32] ?? 0) ^ flip;
          return q;
        });
        assert.ok(!same(rootFromProof(l, i, n, tampered)), 'a changed proof node');
        // Another leaf's place: a proof is bound to its index (unless both leaves are equal, which they are not here).
        assert.ok(!same(rootFromProof(l, (i + 1) % n, n, proof)), 'another index');
      }),
      { numRuns: 300 },
    );
  });
});
