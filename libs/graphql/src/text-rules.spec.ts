import fc from 'fast-check';
import { headingProblem, textProblem, withoutBidiControls } from './text-rules';

const BIDI_CONTROLS = [
  '\u061c',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

describe('textProblem', () => {
  it.each([
    ['NUL', 'a\u0000b', 'U+0000 (a control character)'],
    ['ESC', 'red \u001b[31m', 'U+001B (a control character)'],
    ['a form feed', 'a\fb', 'U+000C (a control character)'],
    ['DEL', 'a\u007fb', 'U+007F (a control character)'],
    ['a C1 control', 'a\u0085b', 'U+0085 (a control character)'],
    ['a lone high surrogate', 'a\ud800b', 'U+D800 (half of a surrogate pair)'],
    ['a lone low surrogate at the end', 'ab\udfff', 'U+DFFF (half of a surrogate pair)'],
    ['U+FFFE', 'a\ufffe', 'U+FFFE (a non-character)'],
    ['U+FFFF', 'a\uffff', 'U+FFFF (a non-character)'],
    ['U+FDD0', 'a\ufdd0', 'U+FDD0 (a non-character)'],
    ['the last code point of a plane', 'a\u{10ffff}', 'U+10FFFF (a non-character)'],
  ])('names %s', (_what, text, named) => {
    expect(textProblem(text)).toBe(`must not contain ${named}`);
  });

  it.each([
    ['tab, line feed and carriage return', 'a\tb\nc\r\nd'],
    ['emoji, made of surrogate pairs and joiners', 'Pride 🏳️‍🌈 👩🏽‍💻'],
    ['accents, CJK and right-to-left scripts', 'Café 東京 مرحبا שלום'],
    ['bidirectional controls, which only headings refuse', 'a\u202eb'],
    ['an empty text', ''],
  ])('lets %s through', (_what, text) => {
    expect(textProblem(text)).toBeUndefined();
  });

  it('lets every well-formed text without controls or non-characters through', () => {
    const allowed = fc
      .string({ unit: 'grapheme' })
      .filter((text) => !/[\p{Cc}\p{Noncharacter_Code_Point}]/u.test(text));
    fc.assert(fc.property(allowed, (text) => expect(textProblem(text)).toBeUndefined()));
  });

  it('refuses every text holding NUL or half of a surrogate pair, wherever it is', () => {
    const bad = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff');
    fc.assert(
      fc.property(fc.string(), bad, fc.string(), (before, character, after) => {
        // A high surrogate followed by a low one makes a pair: keep them apart.
        expect(textProblem(`${before} ${character} ${after}`)).toBeDefined();
      }),
    );
  });
});

describe('headingProblem', () => {
  const named = BIDI_CONTROLS.map((c) => [c.codePointAt(0)!.toString(16).toUpperCase(), c]);
  it.each(named)('names the bidirectional control U+%s', (_hex, control) => {
    expect(headingProblem(`Pride${control}month`)).toMatch(/bidirectional control/);
  });

  it('lets right-to-left words through, which need no control', () => {
    expect(headingProblem('שלום עולם')).toBeUndefined();
  });
});

describe('withoutBidiControls', () => {
  it('takes every bidirectional control out and leaves the rest', () => {
    expect(withoutBidiControls(`Pay ${BIDI_CONTROLS.join('')}now שלום`)).toBe('Pay now שלום');
  });
});
