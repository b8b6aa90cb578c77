import fc from 'fast-check';
import { parseTweet } from 'twitter-text';
import { CHANNEL_LIMITS, channelLength, draftProblems } from './channel-limits';
import { Channel } from './enums';

const CHANNELS = Object.values(Channel);
const draft = (channel: Channel, body: string, mediaUrls?: string[] | null) => ({
  channel,
  body,
  mediaUrls,
});

describe('CHANNEL_LIMITS', () => {
  it('has each network limit in the unit the network counts', () => {
    expect(CHANNEL_LIMITS).toEqual({
      X: { limit: 280, unit: 'weighted characters' },
      BLUESKY: { limit: 300, unit: 'graphemes' },
      THREADS: { limit: 500, unit: 'characters' },
      INSTAGRAM: { limit: 2200, unit: 'characters' },
      TIKTOK: { limit: 2200, unit: 'characters' },
      LINKEDIN: { limit: 3000, unit: 'characters' },
      FACEBOOK: { limit: 63206, unit: 'characters' },
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(CHANNEL_LIMITS)).toBe(true);
  });
});

describe('channelLength', () => {
  // A URL counts 23 on X however long it is; an emoji counts 2.
  const URL = 'https://example.com/a/rather/long/path/that/x/shortens/to/twenty-three';
  const EMOJI = '🙂';

  it('counts X as twitter-text weighs it: URL 23, emoji 2, CJK 2, Latin 1', () => {
    expect(URL.length).toBeGreaterThan(23);
    expect(channelLength(Channel.X, URL)).toBe(23);
    expect(channelLength(Channel.X, EMOJI)).toBe(2);
    expect(channelLength(Channel.X, '中')).toBe(2);
    expect(channelLength(Channel.X, 'abc')).toBe(3);
    expect(channelLength(Channel.X, `a ${URL} ${EMOJI}`)).toBe(1 + 1 + 23 + 1 + 2);
  });

  it('counts Bluesky in graphemes: a family emoji of five code points is one', () => {
    const family = '👨‍👩‍👧';

    expect([...family]).toHaveLength(5);
    expect(channelLength(Channel.BLUESKY, family)).toBe(1);
    expect(channelLength(Channel.BLUESKY, 'e\u0301🇫🇷a')).toBe(3);
  });

  it('counts the other channels in code points, not UTF-16 units', () => {
    for (const channel of [
      Channel.THREADS,
      Channel.INSTAGRAM,
      Channel.TIKTOK,
      Channel.LINKEDIN,
      Channel.FACEBOOK,
    ]) {
      expect(channelLength(channel, '🙂')).toBe(1);
      expect(channelLength(channel, '👨‍👩‍👧')).toBe(5);
      expect(channelLength(channel, 'abc')).toBe(3);
    }
  });

  it('counts the normalised body: no trailing white space, CRLF as one, NFC', () => {
    for (const channel of CHANNELS) {
      expect(channelLength(channel, 'ab \t\r\n\r\n  ')).toBe(2);
      expect(channelLength(channel, 'a\r\nb')).toBe(3);
      expect(channelLength(channel, 'e\u0301')).toBe(1);
    }
  });

  it('is the same for every way of writing the same body', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANNELS),
        fc.string({ unit: 'grapheme', maxLength: 50 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 }),
        (channel, text, lineBreak, trailing) => {
          const lines = text.replace(/\r\n?/g, '\n').split('\n');
          const variant = lines.map((line) => line + trailing).join(lineBreak) + trailing;
          expect(channelLength(channel, variant.normalize('NFD'))).toBe(
            channelLength(channel, text),
          );
        },
      ),
    );
  });
});

describe('draftProblems', () => {
  it('accepts a draft per channel within its limit', () => {
    const drafts = CHANNELS.map((channel) => draft(channel, `We stand with you on ${channel}.`));

    expect(draftProblems(drafts)).toEqual([]);
  });

  describe('X: 280 weighted characters', () => {
    const URL = 'https://example.com/pride/2025/our-commitments-in-full';
    const EMOJI = '🏳️‍🌈';
    // 'a' × n, a space, the URL (23), a space, the emoji (2): n + 1 + 23 + 1 + 2.
    const body = (n: number) => `${'a'.repeat(n)} ${URL} ${EMOJI}`;

    it('has the arithmetic right: the emoji counts 2, the URL 23', () => {
      expect(parseTweet(EMOJI).weightedLength).toBe(2);
      expect(parseTweet(URL).weightedLength).toBe(23);
      expect(channelLength(Channel.X, body(253))).toBe(280);
      expect(body(253).length).toBeGreaterThan(280);
    });

    it('accepts exactly 280 with an emoji and a URL', () => {
      expect(draftProblems([draft(Channel.X, body(253))])).toEqual([]);
    });

    it('refuses 281, naming X, the limit, the unit and the count', () => {
      expect(draftProblems([draft(Channel.X, body(254))])).toEqual([
        {
          field: 'input.drafts[0].body',
          rule: 'maxLength',
          message: 'X allows 280 weighted characters; this draft has 281',
        },
      ]);
    });

    it('weighs CJK characters 2: 140 pass, 141 fail', () => {
      expect(draftProblems([draft(Channel.X, '中'.repeat(140))])).toEqual([]);
      expect(draftProblems([draft(Channel.X, '中'.repeat(141))])).toEqual([
        expect.objectContaining({
          rule: 'maxLength',
          message: 'X allows 280 weighted characters; this draft has 282',
        }),
      ]);
    });

    it('does not count trailing white space', () => {
      expect(draftProblems([draft(Channel.X, `${'a'.repeat(280)}   \n\n`)])).toEqual([]);
    });
  });

  describe('Bluesky: 300 graphemes', () => {
    const FAMILY = '👨‍👩‍👧';

    it('accepts 300 family emoji (1,500 code points)', () => {
      expect([...FAMILY.repeat(300)]).toHaveLength(1500);
      expect(draftProblems([draft(Channel.BLUESKY, FAMILY.repeat(300))])).toEqual([]);
    });

    it('refuses 301, naming Bluesky, 300 and graphemes', () => {
      expect(draftProblems([draft(Channel.BLUESKY, FAMILY.repeat(301))])).toEqual([
        {
          field: 'input.drafts[0].body',
          rule: 'maxLength',
          message: 'BLUESKY allows 300 graphemes; this draft has 301',
        },
      ]);
    });
  });

  describe('Threads: 500 code points', () => {
    it('accepts 500 emoji (1,000 UTF-16 units) and refuses 501', () => {
      expect('🙂'.repeat(500)).toHaveLength(1000);
      expect(draftProblems([draft(Channel.THREADS, '🙂'.repeat(500))])).toEqual([]);
      expect(draftProblems([draft(Channel.THREADS, '🙂'.repeat(501))])).toEqual([
        {
          field: 'input.drafts[0].body',
          rule: 'maxLength',
          message: 'THREADS allows 500 characters; this draft has 501',
        },
      ]);
    });
  });

  it.each([
    [Channel.INSTAGRAM, 2200],
    [Channel.TIKTOK, 2200],
    [Channel.LINKEDIN, 3000],
    [Channel.FACEBOOK, 63206],
  ])('%s accepts %i characters and refuses one more', (channel, limit) => {
    expect(draftProblems([draft(channel, 'é'.repeat(limit))])).toEqual([]);
    expect(draftProblems([draft(channel, 'é'.repeat(limit + 1))])).toEqual([
      {
        field: 'input.drafts[0].body',
        rule: 'maxLength',
        message: `${channel} allows ${limit} characters; this draft has ${limit + 1}`,
      },
    ]);
  });

  it('accepts exactly the limit and refuses one more, for every channel', () => {
    // One unit of each channel's count: 'a' weighs 1 on X and is one grapheme and code point.
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS), fc.integer({ min: -3, max: 3 }), (channel, d) => {
        const { limit } = CHANNEL_LIMITS[channel];
        const problems = draftProblems([draft(channel, 'a'.repeat(limit + d))]);
        expect(problems.some((p) => p.rule === 'maxLength')).toBe(d > 0);
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['blank', ' \t\r\n \n'],
  ])('refuses an %s body', (_name, body) => {
    expect(draftProblems([draft(Channel.LINKEDIN, body)])).toEqual([
      { field: 'input.drafts[0].body', rule: 'isNotEmpty', message: 'The LINKEDIN draft is empty' },
    ]);
  });

  it('refuses a second draft for a channel, naming the channel, at the second one', () => {
    const problems = draftProblems([
      draft(Channel.X, 'one'),
      draft(Channel.LINKEDIN, 'two'),
      draft(Channel.X, 'three'),
      draft(Channel.X, 'four'),
    ]);

    expect(problems).toEqual([
      {
        field: 'input.drafts[2].channel',
        rule: 'unique',
        message: 'There is already a draft for X; there is at most one draft per channel',
      },
      expect.objectContaining({ field: 'input.drafts[3].channel', rule: 'unique' }),
    ]);
  });

  it.each([['ftp://x'], ['javascript:alert(1)'], ['not a url'], ['/relative/path.png'], ['']])(
    'refuses the media link %j',
    (url) => {
      expect(
        draftProblems([draft(Channel.INSTAGRAM, 'look', ['https://cdn.example/ok.png', url])]),
      ).toEqual([
        {
          field: 'input.drafts[0].mediaUrls[1]',
          rule: 'isUrl',
          message: `Media link ${JSON.stringify(url)} is not an absolute http or https URL`,
        },
      ]);
    },
  );

  it('accepts http and https media links, with spaces around them, and none at all', () => {
    expect(
      draftProblems([
        draft(Channel.INSTAGRAM, 'a', ['http://cdn.example/1.png', ' https://cdn.example/2.png ']),
        draft(Channel.X, 'b', null),
        draft(Channel.BLUESKY, 'c'),
        draft(Channel.THREADS, 'd', []),
      ]),
    ).toEqual([]);
  });

  it('reports every problem of every draft, in order, under the given path', () => {
    const problems = draftProblems(
      [
        draft(Channel.X, ''),
        draft(Channel.BLUESKY, 'ok', ['ftp://x']),
        draft(Channel.X, 'a'.repeat(281), ['mailto:a@b.c']),
      ],
      'drafts',
    );

    expect(problems.map(({ field, rule }) => `${field} ${rule}`)).toEqual([
      'drafts[0].body isNotEmpty',
      'drafts[1].mediaUrls[0] isUrl',
      'drafts[2].channel unique',
      'drafts[2].body maxLength',
      'drafts[2].mediaUrls[0] isUrl',
    ]);
  });

  it('refuses a channel that does not exist instead of throwing', () => {
    const problems = draftProblems([{ channel: 'MYSPACE' as Channel, body: 'hi' }]);

    expect(problems).toEqual([
      {
        field: 'input.drafts[0].channel',
        rule: 'isEnum',
        message:
          'MYSPACE is not a channel; expected one of X, INSTAGRAM, FACEBOOK, LINKEDIN, TIKTOK, ' +
          'THREADS, BLUESKY',
      },
    ]);
  });

  it('finds nothing wrong with valid drafts on distinct channels', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1 }),
        fc.string({ unit: fc.constantFrom(...'abc .,!🙂é中'), minLength: 1, maxLength: 140 }),
        fc.array(fc.webUrl(), { maxLength: 3 }),
        (channels, text, mediaUrls) => {
          fc.pre(text.trim() !== '');
          expect(draftProblems(channels.map((c) => draft(c, text, mediaUrls)))).toEqual([]);
        },
      ),
    );
  });
});
