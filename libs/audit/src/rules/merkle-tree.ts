import { createHash, hash } from 'node:crypto';

// The Merkle tree of RFC 9162 (section 2.1, as in RFC 6962) over a brand's events, leaf i being
// the canonical text of the event of sequence number i + 1. It lets one event be proven part of a
// signed checkpoint (an inclusion proof), and a later checkpoint be proven to extend an earlier
// one (a consistency proof), each with about log2(size) hashes instead of the whole chain.

/** The root of the tree with no leaves: SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest();

/** SHA-256(0x00 ‖ data), text as UTF-8: a leaf's hash, never equal to an interior node's. */
export function leafHash(data: string | Uint8Array): Buffer {
  // A one-shot hash of the prefixed text costs a fraction of a Hash object, once per event.
  if (typeof data === 'string') return hash('sha256', `\0${data}`, 'buffer');
  return createHash('sha256').update(Uint8Array.of(0)).update(data).digest();
}

const NODE_PREFIX = Uint8Array.of(1);

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
}

/** The leaves [start, end) of a tree, 0-based: a subtree whose hash a proof needs. */
export type LeafRange = readonly [start: number, end: number];

/** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The subtrees whose hashes make the inclusion proof of leaf `index` in a tree of `size`, in proof order. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size)
    throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
  const ranges: LeafRange[] = [];
  // PATH(m, D[start:end]), unrolled from the root down; siblings are collected root first.
  let [start, end] = [0, size];
  while (end - start > 1) {
    const mid = start + splitPoint(end - start);
    if (index < mid) {
      ranges.push([mid, end]);
      end = mid;
    } else {
      ranges.push([start, mid]);
      start = mid;
    }
  }
  return ranges.reverse();
}

/** The subtrees whose hashes prove a tree of `size2` leaves extends the one of `size1`, in proof order. */
export function consistencyRanges(size1: number, size2: number): LeafRange[] {
  if (!Number.isSafeInteger(size1) || size1 < 1 || size1 > size2)
    throw new RangeError(`no consistency proof from ${size1} to ${size2} leaves`);
  const ranges: LeafRange[] = [];
  // SUBPROOF(m, D[start:end], b), unrolled: each step keeps one side and records the other.
  let [m, start, end, whole] = [size1, 0, size2, true];
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      ranges.push([start + k, end]);
      end = start + k;
    } else {
      ranges.push([start, start + k]);
      m -= k;
      start += k;
      whole = false;
    }
  }
  if (!whole) ranges.push([start, end]);
  return ranges.reverse();
}

/** The tree hash of a range of leaf hashes (MTH of RFC 9162), for small ranges held in memory. */
export function rangeRoot(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return Buffer.from(leaves[0]);
  const k = splitPoint(leaves.length);
  return nodeHash(rangeRoot(leaves.slice(0, k)), rangeRoot(leaves.slice(k)));
}

/** The root an inclusion proof leads to from a leaf's hash (RFC 9162, 2.1.3.2); null if the proof cannot fit. */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Buffer | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    return null;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const reached = rootFromInclusionProof(index, size, leaf, proof);
  return reached !== null && reached.equals(root);
}

/** Whether `proof` shows the tree of `size2` leaves and `root2` extends the one of `size1` and `root1` (RFC 9162, 2.1.4.2). */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1)
    return false;
  if (size1 === size2) return proof.length === 0 && Buffer.from(root1).equals(root2);
  if (size1 === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) [fn, sn] = [(fn - 1) / 2, Math.floor(sn / 2)];
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** A perfect subtree of 2^level leaves starting at leaf index × 2^level. */
export interface PerfectNode {
  level: number;
  index: number;
  hash: Buffer;
}

/**
 * The tree's right edge, enough to extend it and compute its root: the hashes of its perfect
 * subtrees, largest (leftmost) first, one per 1-bit of its size (a "compact range").
 */
export class CompactTree {
  private constructor(
    private leaves: number,
    private readonly edge: Buffer[],
  ) {}

  static empty(): CompactTree {
    return new CompactTree(0, []);
  }

  /** Resumes from a stored edge; throws when the edge cannot be the edge of a tree of `size`. */
  static resume(size: number, edge: readonly Uint8Array[]): CompactTree {
    if (!Number.isSafeInteger(size) || size < 0 || edge.length !== bitCount(size))
      throw new Error(`an edge of ${edge.length} hashes cannot belong to a tree of ${size} leaves`);
    if (edge.some((hash) => hash.length !== 32))
      throw new Error('an edge hash is not 32 bytes long');
    return new CompactTree(
      size,
      edge.map((hash) => Buffer.from(hash)),
    );
  }

  get size(): number {
    return this.leaves;
  }

  /** The perfect subtrees' hashes, largest first. */
  get rightEdge(): readonly Buffer[] {
    return this.edge;
  }

  /** Appends a leaf; `completed` is told each perfect subtree the leaf completes, smallest first. */
  append(leaf: Uint8Array, completed?: (node: PerfectNode) => void): void {
    let hash: Buffer = Buffer.isBuffer(leaf) ? leaf : Buffer.from(leaf);
    let level = 0;
    completed?.({ level, index: this.leaves, hash });
    while (Math.floor(this.leaves / 2 ** level) % 2 === 1) {
      hash = nodeHash(this.edge.pop()!, hash);
      level++;
      completed?.({ level, index: Math.floor(this.leaves / 2 ** level), hash });
    }
    this.edge.push(hash);
    this.leaves++;
  }

  root(): Buffer {
    if (this.edge.length === 0) return EMPTY_ROOT;
    let root = this.edge[this.edge.length - 1];
    for (let i = this.edge.length - 2; i >= 0; i--) root = nodeHash(this.edge[i], root);
    return root;
  }
}

function bitCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}
