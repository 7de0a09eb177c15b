/**
 * A Merkle tree over a batch of capture hashes, as RFC 6962 (Certificate Transparency) defines it (section 2.1):
 * leaves and inner nodes are hashed with SHA-256 under different prefixes (0x00 for a leaf, 0x01 for a node), so a
 * leaf can never pass for a node; a tree of n leaves splits at the largest power of two below n. One trusted time
 * stamp over the root then dates every leaf: a leaf's audit path (its proof) recomputes the root from the leaf alone.
 */
import { createHash } from 'node:crypto';

const HASH_BYTES = 32;

/** SHA-256(0x00 ‖ leaf): the hash of one leaf (here a capture's 32-byte body hash). */
export function leafHash(leaf: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(Uint8Array.of(0)).update(leaf).digest());
}

/** SHA-256(0x01 ‖ left ‖ right): the hash of an inner node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest());
}

/** The largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function subtreeRoot(hashes: readonly Uint8Array[], from: number, to: number): Uint8Array {
  const n = to - from;
  if (n === 1) return hashes[from] as Uint8Array;
  const k = split(n);
  return nodeHash(subtreeRoot(hashes, from, from + k), subtreeRoot(hashes, from + k, to));
}

/** The tree head (MTH) of a non-empty list of leaves. */
export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) throw new RangeError('a Merkle tree needs at least one leaf');
  return subtreeRoot(leaves.map(leafHash), 0, leaves.length);
}

/**
 * The root and every leaf's audit path (PATH(m, D[n]) of RFC 6962 2.1.1: the sibling hashes from the leaf up to the
 * root), in one pass over the tree: O(n log n) hashes in all.
 */
export function merkleTree(leaves: readonly Uint8Array[]): { root: Uint8Array; proofs: Uint8Array[][] } {
  if (leaves.length === 0) throw new RangeError('a Merkle tree needs at least one leaf');
  const hashes = leaves.map(leafHash);
  const proofs: Uint8Array[][] = leaves.map(() => []);
  // Builds the subtree's root and appends, to the path of each leaf below, its sibling at this level (bottom-up order).
  const build = (from: number, to: number): Uint8Array => {
    const n = to - from;
    if (n === 1) return hashes[from] as Uint8Array;
    const k = split(n);
    const left = build(from, from + k);
    const right = build(from + k, to);
    for (let i = from; i < from + k; i += 1) (proofs[i] as Uint8Array[]).push(right);
    for (let i = from + k; i < to; i += 1) (proofs[i] as Uint8Array[]).push(left);
    return nodeHash(left, right);
  };
  return { root: build(0, leaves.length), proofs };
}

/**
 * The root a leaf's audit path leads to (RFC 9162 2.1.3.2, the verification of an inclusion proof), or null when the
 * path cannot belong to a tree of `size` leaves at `index` (too short, too long, or a node of the wrong length).
 * Compare the result with the stamped root: equal, the leaf was in the stamped batch.
 */
export function rootFromProof(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]): Uint8Array | null {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(leaf);
  for (const p of proof) {
    if (p.byteLength !== HASH_BYTES || sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
