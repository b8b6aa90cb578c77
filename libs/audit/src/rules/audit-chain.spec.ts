import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  AuditEventContent,
  canonicalEventText,
  ChainLink,
  chainHash,
  GENESIS_HASH,
  JsonValue,
  sealEvent,
  verifyChain,
} from './audit-chain';

type Payload = Omit<AuditEventContent, 'brandId' | 'seq' | 'prevHash'>;

const samplePayload = (n: number): Payload => ({
  at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
  actorId: `usr_${n}`,
  actorLabel: `User ${n}`,
  action: 'proposal.revised',
  entityType: 'Proposal',
  entityId: `prp_${n}`,
  data: { revision: n },
});

/** Seals the payloads in order into one brand's chain, as the audit service appends them. */
function buildChain(payloads: readonly Payload[], brandId = 'brd_1'): ChainLink[] {
  const links: ChainLink[] = [];
  for (const payload of payloads) {
    const content: AuditEventContent = {
      ...payload,
      brandId,
      seq: links.length + 1,
      prevHash: links.at(-1)?.hash ?? GENESIS_HASH,
    };
    links.push({ seq: content.seq, prevHash: content.prevHash, ...sealEvent(content) });
  }
  return links;
}

/** The same text with the character at `index` replaced by a different one. */
const changeChar = (text: string, index: number): string =>
  text.slice(0, index) + (text[index] === 'a' ? 'b' : 'a') + text.slice(index + 1);

const hashArb = fc.string({
  unit: fc.constantFrom(...'0123456789abcdef'),
  minLength: 64,
  maxLength: 64,
});
const textArb = fc.string({ unit: 'grapheme' });

const payloadArb: fc.Arbitrary<Payload> = fc.record({
  at: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  actorId: fc.option(textArb, { nil: null }),
  actorLabel: textArb,
  action: textArb,
  entityType: textArb,
  entityId: textArb,
  data: fc.dictionary(textArb, fc.jsonValue({ stringUnit: 'grapheme' }) as fc.Arbitrary<JsonValue>),
});

const chainArb = fc.array(payloadArb, { minLength: 1, maxLength: 30 }).map((p) => buildChain(p));

/** A chain and the index of one of its events. */
const chainAndIndexArb = chainArb.chain((links) =>
  fc.tuple(fc.constant(links), fc.nat({ max: links.length - 1 })),
);

describe('GENESIS_HASH', () => {
  it('is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

describe('canonicalEventText', () => {
  it('is the RFC 8785 text: keys sorted by code unit, no whitespace, numbers in ES form', () => {
    const content: AuditEventContent = {
      seq: 1,
      prevHash: GENESIS_HASH,
      brandId: 'brd_1',
      at: '2025-01-02T03:04:05.678Z',
      actorId: null,
      actorLabel: 'Zoë',
      action: 'brand.created',
      entityType: 'Brand',
      entityId: 'brd_1',
      data: { z: [true, 1e21, 0.5], b: { y: 'x', a: null }, B: 2.0 },
    };

    expect(canonicalEventText(content)).toBe(
      '{"action":"brand.created","actorId":null,"actorLabel":"Zoë","at":"2025-01-02T03:04:05.678Z",' +
        '"brandId":"brd_1","data":{"B":2,"b":{"a":null,"y":"x"},"z":[true,1e+21,0.5]},' +
        `"entityId":"brd_1","entityType":"Brand","prevHash":"${GENESIS_HASH}","seq":1}`,
    );
  });

  it('does not depend on the order the fields were written in', () => {
    const content = { ...samplePayload(1), brandId: 'brd_1', seq: 1, prevHash: GENESIS_HASH };
    const reversed = Object.fromEntries(
      Object.entries(content).reverse(),
    ) as unknown as AuditEventContent;

    expect(canonicalEventText(reversed)).toBe(canonicalEventText(content));
  });
});

describe('chainHash', () => {
  it('is the hex SHA-256 of the previous hash followed by the canonical text', () => {
    fc.assert(
      fc.property(hashArb, fc.string({ unit: 'binary' }), (prev, text) => {
        const expected = createHash('sha256')
          .update(Buffer.from(prev + text, 'utf8'))
          .digest('hex');
        expect(chainHash(prev, text)).toBe(expected);
      }),
    );
  });
});

describe('sealEvent', () => {
  it('returns the canonical text and its chained hash', () => {
    const content = { ...samplePayload(1), brandId: 'brd_1', seq: 1, prevHash: GENESIS_HASH };

    const sealed = sealEvent(content);

    expect(sealed.canonical).toBe(canonicalEventText(content));
    expect(sealed.hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + sealed.canonical)
        .digest('hex'),
    );
    expect(sealed.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a different hash when any field changes', () => {
    const content = { ...samplePayload(1), brandId: 'brd_1', seq: 1, prevHash: GENESIS_HASH };
    const hash = sealEvent(content).hash;

    expect(sealEvent({ ...content, actorLabel: 'Someone else' }).hash).not.toBe(hash);
    expect(sealEvent({ ...content, data: { revision: 2 } }).hash).not.toBe(hash);
    expect(sealEvent({ ...content, prevHash: 'f'.repeat(64) }).hash).not.toBe(hash);
  });
});

describe('verifyChain', () => {
  it('accepts an empty chain with the genesis head', () => {
    expect(verifyChain([])).toEqual({
      valid: true,
      checkedEvents: 0,
      headSeq: 0,
      headHash: GENESIS_HASH,
      firstInvalidSeq: null,
    });
  });

  it('accepts a chain built with sealEvent and reports its head', () => {
    const links = buildChain([1, 2, 3, 4, 5].map(samplePayload));

    expect(links[0].prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(links)).toEqual({
      valid: true,
      checkedEvents: 5,
      headSeq: 5,
      headHash: links[4].hash,
      firstInvalidSeq: null,
    });
  });

  it('accepts every chain built with sealEvent', () => {
    fc.assert(
      fc.property(chainArb, (links) => {
        expect(verifyChain(links)).toEqual({
          valid: true,
          checkedEvents: links.length,
          headSeq: links.length,
          headHash: links.at(-1)!.hash,
          firstInvalidSeq: null,
        });
      }),
    );
  });

  it('refuses a first event that does not start from the genesis hash', () => {
    const content = { ...samplePayload(1), brandId: 'brd_1', seq: 1, prevHash: 'a'.repeat(64) };
    const link = { seq: 1, prevHash: content.prevHash, ...sealEvent(content) };

    expect(verifyChain([link])).toMatchObject({ valid: false, headSeq: 0, firstInvalidSeq: 1 });
  });

  it('refuses numbering that does not start at 1, breaking at 1', () => {
    const links = buildChain([samplePayload(1)]);
    const content = { ...samplePayload(1), brandId: 'brd_1', seq: 2, prevHash: GENESIS_HASH };
    const startsAtTwo = { seq: 2, prevHash: GENESIS_HASH, ...sealEvent(content) };

    expect(verifyChain(links).valid).toBe(true);
    expect(verifyChain([startsAtTwo])).toMatchObject({ valid: false, firstInvalidSeq: 1 });
  });

  it('refuses an event whose canonical text names another seq than its row', () => {
    const content = { ...samplePayload(1), brandId: 'brd_1', seq: 7, prevHash: GENESIS_HASH };
    const link = { seq: 1, prevHash: GENESIS_HASH, ...sealEvent(content) };

    expect(verifyChain([link])).toMatchObject({ valid: false, firstInvalidSeq: 1 });
  });

  it('refuses an event whose canonical text is not JSON, even with a matching hash', () => {
    const canonical = 'not json';
    const link = {
      seq: 1,
      prevHash: GENESIS_HASH,
      canonical,
      hash: chainHash(GENESIS_HASH, canonical),
    };

    expect(verifyChain([link])).toMatchObject({ valid: false, firstInvalidSeq: 1 });
  });

  describe('detects tampering at the first affected event', () => {
    /** Events before `index` verify; the event at `index` (seq index + 1) is reported. */
    const expectBrokenAt = (links: ChainLink[], index: number): void => {
      expect(verifyChain(links)).toEqual({
        valid: false,
        checkedEvents: index,
        headSeq: index,
        headHash: index === 0 ? GENESIS_HASH : links[index - 1].hash,
        firstInvalidSeq: index + 1,
      });
    };

    it('a changed character of the canonical text', () => {
      const arb = chainAndIndexArb.chain(([links, i]) =>
        fc.tuple(
          fc.constant(links),
          fc.constant(i),
          fc.nat({ max: links[i].canonical.length - 1 }),
        ),
      );
      fc.assert(
        fc.property(arb, ([links, i, at]) => {
          const tampered = links.map((l) => ({ ...l }));
          tampered[i].canonical = changeChar(tampered[i].canonical, at);
          expectBrokenAt(tampered, i);
        }),
      );
    });

    it.each(['hash', 'prevHash'] as const)('a changed %s', (field) => {
      fc.assert(
        fc.property(chainAndIndexArb, fc.nat({ max: 63 }), ([links, i], at) => {
          const tampered = links.map((l) => ({ ...l }));
          tampered[i][field] = changeChar(tampered[i][field], at);
          expectBrokenAt(tampered, i);
        }),
      );
    });

    it('an event rewritten with a recomputed hash (breaks the next link)', () => {
      const arb = chainAndIndexArb.filter(([links, i]) => i < links.length - 1);
      fc.assert(
        fc.property(arb, ([links, i]) => {
          const tampered = links.map((l) => ({ ...l }));
          const content = JSON.parse(links[i].canonical) as AuditEventContent;
          const forged = sealEvent({ ...content, actorLabel: `${content.actorLabel} (forged)` });
          tampered[i] = { ...tampered[i], ...forged };
          expectBrokenAt(tampered, i + 1);
        }),
      );
    });

    it('a deleted event (at the gap)', () => {
      const arb = chainAndIndexArb.filter(([links, i]) => i < links.length - 1);
      fc.assert(
        fc.property(arb, ([links, i]) => {
          const tampered = links.filter((_, k) => k !== i);
          expect(verifyChain(tampered)).toEqual({
            valid: false,
            checkedEvents: i,
            headSeq: i,
            headHash: i === 0 ? GENESIS_HASH : links[i - 1].hash,
            firstInvalidSeq: links[i].seq,
          });
        }),
      );
    });

    it('two events swapped while the seq column stays in order', () => {
      const arb = chainArb
        .filter((links) => links.length >= 2)
        .chain((links) =>
          fc.tuple(
            fc.constant(links),
            fc.uniqueArray(fc.nat({ max: links.length - 1 }), { minLength: 2, maxLength: 2 }),
          ),
        );
      fc.assert(
        fc.property(arb, ([links, pair]) => {
          const [i, j] = [Math.min(...pair), Math.max(...pair)];
          const tampered = links.map((l) => ({ ...l }));
          tampered[i] = { ...links[j], seq: links[i].seq };
          tampered[j] = { ...links[i], seq: links[j].seq };
          expectBrokenAt(tampered, i);
        }),
      );
    });

    it('two events handed over out of order', () => {
      const arb = chainArb
        .filter((links) => links.length >= 2)
        .chain((links) =>
          fc.tuple(
            fc.constant(links),
            fc.uniqueArray(fc.nat({ max: links.length - 1 }), { minLength: 2, maxLength: 2 }),
          ),
        );
      fc.assert(
        fc.property(arb, ([links, pair]) => {
          const [i, j] = [Math.min(...pair), Math.max(...pair)];
          const reordered = [...links];
          [reordered[i], reordered[j]] = [links[j], links[i]];
          expect(verifyChain(reordered)).toMatchObject({
            valid: false,
            checkedEvents: i,
            headSeq: i,
            headHash: i === 0 ? GENESIS_HASH : links[i - 1].hash,
          });
        }),
      );
    });
  });

  it('shows a deleted newest event only as a shorter head', () => {
    const links = buildChain([1, 2, 3].map(samplePayload));

    expect(verifyChain(links.slice(0, 2))).toMatchObject({
      valid: true,
      headSeq: 2,
      headHash: links[1].hash,
    });
  });

  it('accepts any iterable of links, such as a generator over rows', () => {
    const links = buildChain([1, 2].map(samplePayload));
    function* rows(): Generator<ChainLink> {
      yield* links;
    }

    expect(verifyChain(rows())).toMatchObject({ valid: true, headSeq: 2 });
  });
});
