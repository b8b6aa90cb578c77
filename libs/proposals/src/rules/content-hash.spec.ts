import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  canonicalContentText,
  canonicalDrafts,
  contentHash,
  DraftContent,
  normalizeBody,
} from './content-hash';
import { Channel } from './enums';

const CHANNELS = Object.values(Channel);

// Bodies are built from tokens so that an edit never splits a surrogate pair or a grapheme.
// Every visible token is NFC-stable and not white space, so changing one is always visible.
const VISIBLE = [
  ...'abcxyzABCXYZ0189.,;:!?#@/()-_"\'',
  'é',
  'ß',
  'ñ',
  'Å',
  '中',
  '文',
  'ا',
  '🙂',
  '👍🏽',
  '👨‍👩‍👧',
  '🇫🇷',
];
const SPACES = [' ', '\t'];
const visibleArb = fc.constantFrom(...VISIBLE);
const tokenArb = fc.oneof(
  { weight: 6, arbitrary: visibleArb },
  { weight: 2, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 1, arbitrary: fc.constant('\n') },
);
const tokensArb = fc.array(tokenArb, { maxLength: 40 });

const urlArb = fc
  .string({ unit: fc.constantFrom(...'abcxyz0189-_~'), minLength: 1, maxLength: 8 })
  .map((path) => `https://cdn.example/${path}.png`);

interface TokenDraft {
  channel: Channel;
  tokens: string[];
  mediaUrls: string[];
}

const tokenDraftsArb: fc.Arbitrary<TokenDraft[]> = fc
  .uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: CHANNELS.length })
  .chain((channels) =>
    fc.tuple(
      ...channels.map((channel) =>
        fc.record({
          channel: fc.constant(channel),
          tokens: tokensArb,
          mediaUrls: fc.array(urlArb, { maxLength: 4 }),
        }),
      ),
    ),
  );

const toDrafts = (drafts: readonly TokenDraft[]): DraftContent[] =>
  drafts.map(({ channel, tokens, mediaUrls }) => ({ channel, body: tokens.join(''), mediaUrls }));

/** Drafts and the index of one of them. */
const draftsAndIndexArb = tokenDraftsArb.chain((drafts) =>
  fc.tuple(fc.constant(drafts), fc.nat({ max: drafts.length - 1 })),
);

const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] =>
  items.map((existing, i) => (i === index ? item : existing));

/**
 * The same body written differently: each line break as LF, CRLF or a lone CR, white space added
 * at line ends, blank lines added at the end.
 */
const invisibleVariantArb = (body: string): fc.Arbitrary<string> => {
  const lines = body.split('\n');
  const breakArb = fc.constantFrom('\n', '\r\n', '\r');
  const blankArb = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\u3000') });
  return fc
    .tuple(
      fc.array(breakArb, { minLength: lines.length - 1, maxLength: lines.length - 1 }),
      fc.array(blankArb, { minLength: lines.length, maxLength: lines.length }),
      fc.array(fc.tuple(breakArb, blankArb), { maxLength: 3 }),
    )
    .map(([breaks, trailing, extraLines]) => {
      const padded = lines.map((line, i) => line + trailing[i]);
      let text = padded[0];
      for (let i = 1; i < padded.length; i++) {
        // A lone CR right before an LF would read as one CRLF: one break where there were two.
        const followedByLf = padded[i] === '' && breaks[i]?.startsWith('\n');
        text += (breaks[i - 1] === '\r' && followedByLf ? '\r\n' : breaks[i - 1]) + padded[i];
      }
      // At the end, breaks may merge freely: trailing empty lines are not content.
      return text + extraLines.map(([lineBreak, blank]) => lineBreak + blank).join('');
    });
};

describe('normalizeBody', () => {
  it.each([
    ['LF stays', 'a\nb', 'a\nb'],
    ['CRLF becomes LF', 'a\r\nb', 'a\nb'],
    ['a lone CR becomes LF', 'a\rb', 'a\nb'],
    ['CR CR LF is two breaks', 'a\r\r\nb', 'a\n\nb'],
    ['trailing spaces and tabs go', 'a \t \nb\t', 'a\nb'],
    ['trailing no-break and ideographic spaces go', 'a\u00a0\u3000\nb', 'a\nb'],
    ['trailing empty lines go', 'a\n\n \n\t\n', 'a'],
    ['leading white space stays', '  a\n\tb', '  a\n\tb'],
    ['leading empty lines stay', '\n\na', '\n\na'],
    ['inner empty lines stay', 'a\n\n\nb', 'a\n\n\nb'],
    ['inner white space stays', 'a \t b', 'a \t b'],
    ['NFD becomes NFC', 'Cafe\u0301', 'Caf\u00e9'],
    ['a blank body becomes empty', ' \r\n\t\n ', ''],
    ['an empty body stays empty', '', ''],
  ])('%s', (_name, body, expected) => {
    expect(normalizeBody(body)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (body) => {
        const once = normalizeBody(body);
        expect(normalizeBody(once)).toBe(once);
      }),
    );
  });

  it('leaves no CR, no trailing white space and no trailing empty line', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\r', '\n', 'é') }), (body) => {
        const normal = normalizeBody(body);
        expect(normal).not.toContain('\r');
        for (const line of normal.split('\n')) expect(line).toBe(line.trimEnd());
        expect(normal.endsWith('\n')).toBe(false);
      }),
    );
  });
});

describe('canonicalDrafts', () => {
  it('sorts by channel name in code-unit order, normalises bodies and trims media links', () => {
    const drafts: DraftContent[] = [
      { channel: Channel.X, body: 'x \r\n', mediaUrls: [' https://a.example/2 ', 'https://a/1'] },
      { channel: Channel.BLUESKY, body: 'b', mediaUrls: [] },
      { channel: Channel.LINKEDIN, body: 'l', mediaUrls: [] },
      { channel: Channel.FACEBOOK, body: 'f', mediaUrls: [] },
    ];

    expect(canonicalDrafts(drafts)).toEqual([
      { channel: Channel.BLUESKY, body: 'b', mediaUrls: [] },
      { channel: Channel.FACEBOOK, body: 'f', mediaUrls: [] },
      { channel: Channel.LINKEDIN, body: 'l', mediaUrls: [] },
      // Media order is kept: a carousel's order is visible.
      { channel: Channel.X, body: 'x', mediaUrls: ['https://a.example/2', 'https://a/1'] },
    ]);
  });

  it('keeps only channel, body and media links of richer objects', () => {
    const entity = {
      id: 'drf_1',
      revisionId: 'rev_1',
      channel: Channel.X,
      body: 'hello',
      mediaUrls: [],
    };

    expect(canonicalDrafts([entity])).toEqual([
      { channel: Channel.X, body: 'hello', mediaUrls: [] },
    ]);
    expect(Object.keys(canonicalDrafts([entity])[0])).toEqual(['channel', 'body', 'mediaUrls']);
  });

  it('treats missing media links as none', () => {
    const draft = { channel: Channel.X, body: 'a', mediaUrls: null } as unknown as DraftContent;

    expect(canonicalDrafts([draft])).toEqual([{ channel: Channel.X, body: 'a', mediaUrls: [] }]);
  });

  it('does not change its input', () => {
    const drafts: DraftContent[] = [
      { channel: Channel.X, body: 'x ', mediaUrls: [' u '] },
      { channel: Channel.BLUESKY, body: 'b', mediaUrls: [] },
    ];
    const copy = structuredClone(drafts);

    canonicalDrafts(drafts);

    expect(drafts).toEqual(copy);
  });

  it('orders two drafts of one channel by content, so even invalid input hashes stably', () => {
    const a = { channel: Channel.X, body: 'a', mediaUrls: [] };
    const b = { channel: Channel.X, body: 'b', mediaUrls: [] };

    expect(canonicalDrafts([b, a])).toEqual([a, b]);
    expect(contentHash([b, a])).toBe(contentHash([a, b]));
  });
});

describe('canonicalContentText', () => {
  it('is the RFC 8785 JSON of version 1 and the canonical drafts', () => {
    const drafts: DraftContent[] = [
      { channel: Channel.X, body: 'Zoë says\r\n"hi" \n', mediaUrls: ['https://cdn.example/1.png'] },
      { channel: Channel.BLUESKY, body: '  indented 🙂', mediaUrls: [] },
    ];

    expect(canonicalContentText(drafts)).toBe(
      '{"drafts":[' +
        '{"body":"  indented 🙂","channel":"BLUESKY","mediaUrls":[]},' +
        '{"body":"Zoë says\\n\\"hi\\"","channel":"X","mediaUrls":["https://cdn.example/1.png"]}' +
        '],"version":1}',
    );
  });

  it('is the same text for no drafts, however given', () => {
    expect(canonicalContentText([])).toBe('{"drafts":[],"version":1}');
  });
});

describe('contentHash', () => {
  const drafts: DraftContent[] = [
    { channel: Channel.X, body: 'We stand with our community. 🏳️‍🌈', mediaUrls: [] },
    {
      channel: Channel.LINKEDIN,
      body: 'We stand with our community.\n\nHere is what we are doing.',
      mediaUrls: ['https://cdn.example/a.png', 'https://cdn.example/b.png'],
    },
  ];

  it('is the lowercase hex SHA-256 of the UTF-8 canonical text', () => {
    const expected = createHash('sha256')
      .update(Buffer.from(canonicalContentText(drafts), 'utf8'))
      .digest('hex');

    expect(contentHash(drafts)).toBe(expected);
    expect(contentHash(drafts)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is pinned: hashes stored in revisions must keep their meaning', () => {
    expect(contentHash([])).toBe(GOLDEN_EMPTY);
    expect(contentHash(drafts)).toBe(GOLDEN_DRAFTS);
  });

  describe('is stable', () => {
    it('under permutations of the draft order', () => {
      fc.assert(
        fc.property(
          tokenDraftsArb.chain((d) =>
            fc.tuple(fc.constant(d), fc.shuffledSubarray(d, { minLength: d.length })),
          ),
          ([drafts, shuffled]) => {
            expect(contentHash(toDrafts(shuffled))).toBe(contentHash(toDrafts(drafts)));
          },
        ),
      );
    });

    it('under line endings and trailing white space', () => {
      fc.assert(
        fc.property(
          tokenDraftsArb.chain((d) =>
            fc.tuple(
              fc.constant(toDrafts(d)),
              fc.tuple(...toDrafts(d).map((draft) => invisibleVariantArb(draft.body))),
            ),
          ),
          ([drafts, bodies]) => {
            const variant = drafts.map((draft, i) => ({ ...draft, body: bodies[i] }));
            expect(contentHash(variant)).toBe(contentHash(drafts));
          },
        ),
      );
    });

    it('under NFC and NFD of the same text', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...CHANNELS),
          fc.string({ unit: 'binary' }),
          (channel, body) => {
            const hash = contentHash([{ channel, body, mediaUrls: [] }]);
            for (const form of ['NFC', 'NFD'] as const) {
              expect(contentHash([{ channel, body: body.normalize(form), mediaUrls: [] }])).toBe(
                hash,
              );
            }
          },
        ),
      );
    });

    it('under NFD of accented, Hangul and emoji text', () => {
      const body = 'Café, naïve, Ångström, 한국어, e\u0301, 🏳️‍🌈';
      const hash = contentHash([{ channel: Channel.X, body, mediaUrls: [] }]);

      expect(body.normalize('NFD')).not.toBe(body);
      expect(
        contentHash([{ channel: Channel.X, body: body.normalize('NFD'), mediaUrls: [] }]),
      ).toBe(hash);
    });

    it('under spaces around media links', () => {
      const hash = contentHash([
        { channel: Channel.X, body: 'a', mediaUrls: ['https://a.example/'] },
      ]);

      expect(
        contentHash([{ channel: Channel.X, body: 'a', mediaUrls: ['  https://a.example/\t'] }]),
      ).toBe(hash);
    });
  });

  describe('differs on any visible change', () => {
    /** Asserts that editing draft `i` of `drafts` changes the hash. */
    const changes = (
      drafts: TokenDraft[],
      i: number,
      edit: (draft: TokenDraft) => TokenDraft,
    ): void => {
      const edited = replaceAt(drafts, i, edit(drafts[i]));
      expect(contentHash(toDrafts(edited))).not.toBe(contentHash(toDrafts(drafts)));
    };

    it('a changed non-space character anywhere in a body', () => {
      fc.assert(
        fc.property(
          draftsAndIndexArb.filter(([d, i]) => d[i].tokens.some((t) => VISIBLE.includes(t))),
          fc.nat(),
          visibleArb,
          ([drafts, i], pick, replacement) => {
            const tokens = drafts[i].tokens;
            const visibleAt = tokens.flatMap((t, k) => (VISIBLE.includes(t) ? [k] : []));
            const at = visibleAt[pick % visibleAt.length];
            fc.pre(tokens[at] !== replacement);
            changes(drafts, i, (d) => ({ ...d, tokens: replaceAt(d.tokens, at, replacement) }));
          },
        ),
      );
    });

    it('an added non-space character anywhere in a body', () => {
      fc.assert(
        fc.property(draftsAndIndexArb, fc.nat(), visibleArb, ([drafts, i], pick, added) => {
          const at = pick % (drafts[i].tokens.length + 1);
          changes(drafts, i, (d) => ({ ...d, tokens: d.tokens.toSpliced(at, 0, added) }));
        }),
      );
    });

    it('a removed non-space character anywhere in a body', () => {
      fc.assert(
        fc.property(
          draftsAndIndexArb.filter(([d, i]) => d[i].tokens.some((t) => VISIBLE.includes(t))),
          fc.nat(),
          ([drafts, i], pick) => {
            const tokens = drafts[i].tokens;
            const visibleAt = tokens.flatMap((t, k) => (VISIBLE.includes(t) ? [k] : []));
            const at = visibleAt[pick % visibleAt.length];
            changes(drafts, i, (d) => ({ ...d, tokens: d.tokens.toSpliced(at, 1) }));
          },
        ),
      );
    });

    it('a changed leading indentation of a line with text', () => {
      fc.assert(
        fc.property(
          draftsAndIndexArb.filter(([d, i]) => d[i].tokens.some((t) => VISIBLE.includes(t))),
          fc.nat(),
          fc.constantFrom(...SPACES),
          ([drafts, i], pick, indent) => {
            const lines = drafts[i].tokens.join('').split('\n');
            const withText = lines.flatMap((line, k) => (line.trim() === '' ? [] : [k]));
            const at = withText[pick % withText.length];
            const indented = replaceAt(lines, at, indent + lines[at]);
            const dedented = replaceAt(lines, at, lines[at].replace(/^[ \t]/, ''));
            changes(drafts, i, (d) => ({ ...d, tokens: [indented.join('\n')] }));
            if (dedented[at] !== lines[at]) {
              changes(drafts, i, (d) => ({ ...d, tokens: [dedented.join('\n')] }));
            }
            // A tab for a space or a space for a tab is visible too.
            const swapped = replaceAt(lines, at, (indent === ' ' ? '\t' : ' ') + lines[at]);
            const edited = replaceAt(drafts, i, { ...drafts[i], tokens: [indented.join('\n')] });
            const swappedDrafts = replaceAt(drafts, i, {
              ...drafts[i],
              tokens: [swapped.join('\n')],
            });
            expect(contentHash(toDrafts(swappedDrafts))).not.toBe(contentHash(toDrafts(edited)));
          },
        ),
      );
    });

    it('a changed channel', () => {
      fc.assert(
        fc.property(
          draftsAndIndexArb.filter(([d]) => d.length < CHANNELS.length),
          fc.nat(),
          ([drafts, i], pick) => {
            const unused = CHANNELS.filter((c) => !drafts.some((d) => d.channel === c));
            const channel = unused[pick % unused.length];
            changes(drafts, i, (d) => ({ ...d, channel }));
          },
        ),
      );
    });

    it('an added media link anywhere', () => {
      fc.assert(
        fc.property(draftsAndIndexArb, fc.nat(), urlArb, ([drafts, i], pick, url) => {
          const at = pick % (drafts[i].mediaUrls.length + 1);
          changes(drafts, i, (d) => ({ ...d, mediaUrls: d.mediaUrls.toSpliced(at, 0, url) }));
        }),
      );
    });

    it('a removed media link', () => {
      fc.assert(
        fc.property(
          draftsAndIndexArb.filter(([d, i]) => d[i].mediaUrls.length > 0),
          fc.nat(),
          ([drafts, i], pick) => {
            const at = pick % drafts[i].mediaUrls.length;
            changes(drafts, i, (d) => ({ ...d, mediaUrls: d.mediaUrls.toSpliced(at, 1) }));
          },
        ),
      );
    });

    it('reordered media links', () => {
      fc.assert(
        fc.property(
          draftsAndIndexArb.filter(([d, i]) => new Set(d[i].mediaUrls).size > 1),
          fc.nat(),
          fc.nat(),
          ([drafts, i], p, q) => {
            const urls = drafts[i].mediaUrls;
            const a = p % urls.length;
            const b = q % urls.length;
            fc.pre(urls[a] !== urls[b]);
            const swapped = replaceAt(replaceAt(urls, a, urls[b]), b, urls[a]);
            changes(drafts, i, (d) => ({ ...d, mediaUrls: swapped }));
          },
        ),
      );
    });

    it('a changed media link', () => {
      fc.assert(
        fc.property(
          draftsAndIndexArb.filter(([d, i]) => d[i].mediaUrls.length > 0),
          fc.nat(),
          urlArb,
          ([drafts, i], pick, url) => {
            const at = pick % drafts[i].mediaUrls.length;
            fc.pre(drafts[i].mediaUrls[at] !== url);
            changes(drafts, i, (d) => ({ ...d, mediaUrls: replaceAt(d.mediaUrls, at, url) }));
          },
        ),
      );
    });

    it('an added draft', () => {
      fc.assert(
        fc.property(
          tokenDraftsArb.filter((d) => d.length < CHANNELS.length),
          fc.nat(),
          tokensArb,
          (drafts, pick, tokens) => {
            const unused = CHANNELS.filter((c) => !drafts.some((d) => d.channel === c));
            const added = { channel: unused[pick % unused.length], tokens, mediaUrls: [] };
            expect(contentHash(toDrafts([...drafts, added]))).not.toBe(
              contentHash(toDrafts(drafts)),
            );
          },
        ),
      );
    });

    it('a removed draft', () => {
      fc.assert(
        fc.property(draftsAndIndexArb, ([drafts, i]) => {
          expect(contentHash(toDrafts(drafts.toSpliced(i, 1)))).not.toBe(
            contentHash(toDrafts(drafts)),
          );
        }),
      );
    });

    it('a body moved to another channel', () => {
      const x = { channel: Channel.X, body: 'one', mediaUrls: [] };
      const bluesky = { channel: Channel.BLUESKY, body: 'two', mediaUrls: [] };

      expect(
        contentHash([
          { ...x, body: 'two' },
          { ...bluesky, body: 'one' },
        ]),
      ).not.toBe(contentHash([x, bluesky]));
    });

    it('a compatibility variant that looks different (NFKC is not applied)', () => {
      const hash = contentHash([{ channel: Channel.X, body: 'ﬁne ①', mediaUrls: [] }]);

      expect(contentHash([{ channel: Channel.X, body: 'fine 1', mediaUrls: [] }])).not.toBe(hash);
    });
  });
});

// sha256sum of the canonical texts, computed outside this code; a change breaks every stored hash.
const GOLDEN_EMPTY = '36b7e0bc8a60c6ce673270ad6f546121cfc08b9a86a98f0f01c279192f2b60c4';
const GOLDEN_DRAFTS = 'ffe56d9c615c734d2570820b801d7719ff64ab0635ab3ddcc34739389a913cb7';
