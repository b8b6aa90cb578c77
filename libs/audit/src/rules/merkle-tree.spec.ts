import fc from 'fast-check';
import {
  CompactTree,
  consistencyRanges,
  EMPTY_ROOT,
  inclusionRanges,
  LeafRange,
  leafHash,
  PerfectNode,
  rangeRoot,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './merkle-tree';

// The test vectors of Certificate Transparency's reference implementation
// (github.com/transparency-dev/merkle, testonly/constants.go and proof/verify_test.go).
const hex = (text: string) => Buffer.from(text, 'hex');
const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(hex);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(hex);
/** [0-based leaf, tree size, proof]. */
const INCLUSION_PROOFS: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [0, 1, []],
];
/** [size1, size2, proof]. */
const CONSISTENCY_PROOFS: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

const LEAVES = LEAF_INPUTS.map((input) => leafHash(input));

/** Hashes of ranges of an in-memory list of leaves, as the database answers them. */
function hashesOf(leaves: readonly Buffer[], ranges: readonly LeafRange[]): Buffer[] {
  return ranges.map(([start, end]) => rangeRoot(leaves.slice(start, end)));
}

function flipped(hash: Buffer): Buffer {
  const copy = Buffer.from(hash);
  copy[0] ^= 8;
  return copy;
}

describe('the RFC 9162 Merkle tree', () => {
  it('has the reference roots for every size from 0 to 8', () => {
    for (let size = 0; size <= 8; size++)
      expect(rangeRoot(LEAVES.slice(0, size)).toString('hex')).toBe(ROOTS[size].toString('hex'));
    expect(EMPTY_ROOT.equals(ROOTS[0])).toBe(true);
  });

  it('builds the reference roots incrementally, reporting every perfect subtree once', () => {
    const tree = CompactTree.empty();
    const completed: PerfectNode[] = [];
    for (let size = 1; size <= 8; size++) {
      tree.append(LEAVES[size - 1], (node) => completed.push(node));
      expect(tree.root().equals(ROOTS[size])).toBe(true);
      const resumed = CompactTree.resume(size, tree.rightEdge);
      expect(resumed.root().equals(ROOTS[size])).toBe(true);
    }
    expect(completed.map(({ level, index }) => `${level}:${index}`).sort()).toEqual(
      [
        ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `0:${i}`),
        ...[0, 1, 2, 3].map((i) => `1:${i}`),
        '2:0',
        '2:1',
        '3:0',
      ].sort(),
    );
    expect(completed.find((node) => node.level === 3)!.hash.equals(ROOTS[8])).toBe(true);
  });

  it('refuses an edge that cannot belong to the size it claims', () => {
    expect(() => CompactTree.resume(3, [LEAVES[0]])).toThrow(/cannot belong/);
    expect(() => CompactTree.resume(1, [Buffer.alloc(31)])).toThrow(/32 bytes/);
  });

  it.each(INCLUSION_PROOFS)(
    'makes and checks the reference inclusion proof of leaf %i in %i',
    (index, size, expected) => {
      const proof = hashesOf(LEAVES, inclusionRanges(index, size));
      expect(proof.map((hash) => hash.toString('hex'))).toEqual(expected);
      expect(verifyInclusion(index, size, LEAVES[index], proof, ROOTS[size])).toBe(true);
    },
  );

  it.each(CONSISTENCY_PROOFS)(
    'makes and checks the reference consistency proof from %i to %i',
    (size1, size2, expected) => {
      const proof = hashesOf(LEAVES, consistencyRanges(size1, size2));
      expect(proof.map((hash) => hash.toString('hex'))).toEqual(expected);
      expect(verifyConsistency(size1, size2, ROOTS[size1], ROOTS[size2], proof)).toBe(true);
    },
  );

  it('refuses every corrupted inclusion proof the reference tests try', () => {
    for (const [index, size, expected] of INCLUSION_PROOFS.filter(([, , p]) => p.length > 0)) {
      const proof = expected.map(hex);
      const root = ROOTS[size];
      const leaf = LEAVES[index];
      const wrong: [number, number, Buffer, Buffer[], Buffer][] = [
        [index - 1, size, leaf, proof, root],
        [index + 1, size, leaf, proof, root],
        [index ^ 2, size, leaf, proof, root],
        [index, size * 2, leaf, proof, root],
        [index, Math.floor(size / 2), leaf, proof, root],
        [index, size, Buffer.from('WrongLeaf'), proof, root],
        [index, size, leaf, proof, EMPTY_ROOT],
        [index, size, leaf, [...proof, root], root],
        [index, size, leaf, [root, ...proof], root],
        [index, size, leaf, proof.slice(0, -1), root],
        ...proof.map(
          (_, i) =>
            [index, size, leaf, proof.map((h, j) => (j === i ? flipped(h) : h)), root] as [
              number,
              number,
              Buffer,
              Buffer[],
              Buffer,
            ],
        ),
      ];
      for (const [i, s, l, p, r] of wrong) expect(verifyInclusion(i, s, l, p, r)).toBe(false);
    }
  });

  it('refuses every corrupted consistency proof the reference tests try', () => {
    for (const [size1, size2, expected] of CONSISTENCY_PROOFS.filter(([, , p]) => p.length > 0)) {
      const proof = expected.map(hex);
      const [root1, root2] = [ROOTS[size1], ROOTS[size2]];
      const wrong: [number, number, Buffer, Buffer, Buffer[]][] = [
        [size1 - 1, size2, root1, root2, proof],
        [size1 + 1, size2, root1, root2, proof],
        [size1 ^ 2, size2, root1, root2, proof],
        [size1, size2 * 2, root1, root2, proof],
        [size1, Math.floor(size2 / 2), root1, root2, proof],
        [size1, size2, Buffer.from('WrongRoot'), root2, proof],
        [size1, size2, root1, Buffer.from('WrongRoot'), proof],
        [size1, size2, root2, root1, proof],
        [size1, size2, root1, root2, []],
        [size1, size2, root1, root2, [...proof, root1]],
        [size1, size2, root1, root2, [root2, ...proof]],
        [size1, size2, root1, root2, [proof[0], ...proof]],
        [size1, size2, root1, root2, proof.slice(0, -1)],
        ...proof.map(
          (_, i) =>
            [size1, size2, root1, root2, proof.map((h, j) => (j === i ? flipped(h) : h))] as [
              number,
              number,
              Buffer,
              Buffer,
              Buffer[],
            ],
        ),
      ];
      for (const [s1, s2, r1, r2, p] of wrong)
        expect(verifyConsistency(s1, s2, r1, r2, p)).toBe(false);
    }
  });

  it('proves every leaf and every extension of trees of any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.nat(), fc.nat(), (size, a, b) => {
        const leaves = Array.from({ length: size }, (_, i) => leafHash(`event ${i}`));
        const tree = CompactTree.empty();
        for (const leaf of leaves) tree.append(leaf);
        const root = rangeRoot(leaves);
        expect(tree.root().equals(root)).toBe(true);
        const index = a % size;
        const inclusion = hashesOf(leaves, inclusionRanges(index, size));
        expect(rootFromInclusionProof(index, size, leaves[index], inclusion)?.equals(root)).toBe(
          true,
        );
        const size1 = 1 + (b % size);
        const root1 = rangeRoot(leaves.slice(0, size1));
        const consistency = hashesOf(leaves, consistencyRanges(size1, size));
        expect(verifyConsistency(size1, size, root1, root, consistency)).toBe(true);
        if (size1 < size) {
          const forked = [
            ...leaves.slice(0, size1 - 1),
            leafHash('rewritten'),
            ...leaves.slice(size1),
          ];
          expect(verifyConsistency(size1, size, root1, rangeRoot(forked), consistency)).toBe(false);
        }
      }),
    );
  });
});
