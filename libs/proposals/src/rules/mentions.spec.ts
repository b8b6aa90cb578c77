import fc from 'fast-check';
import { mentionedEmails } from './mentions';

describe('mentionedEmails', () => {
  it.each([
    [
      'a mention in a sentence',
      'Can @jane.doe@acme.example check the wording?',
      ['jane.doe@acme.example'],
    ],
    ['at the start', '@jane@acme.example please review', ['jane@acme.example']],
    ['at the end, with a full stop', 'Over to @jane@acme.example.', ['jane@acme.example']],
    [
      'followed by a comma',
      '@a@acme.example, @b@acme.example: thoughts?',
      ['a@acme.example', 'b@acme.example'],
    ],
    ['in parentheses', 'Legal (@counsel@acme.example) has seen it', ['counsel@acme.example']],
    [
      'before ! and ?',
      'Thanks @jane@acme.example! And @raj@acme.example?',
      ['jane@acme.example', 'raj@acme.example'],
    ],
    ['before ...', 'Waiting on @jane@acme.example...', ['jane@acme.example']],
    ['before a possessive', "@jane@acme.example's draft", ['jane@acme.example']],
    ['after a line break', 'Line one\n@jane@acme.example', ['jane@acme.example']],
    ['after a colon', 'cc:@jane@acme.example', ['jane@acme.example']],
    [
      'with plus, hyphen and subdomains',
      '@jane+pr@mail.acme-corp.co.uk!',
      ['jane+pr@mail.acme-corp.co.uk'],
    ],
    ['upper case, lower-cased', 'Ask @Jane.Doe@ACME.Example', ['jane.doe@acme.example']],
    ['non-ASCII letters', 'Merci @zoë@acme.example', ['zoë@acme.example']],
  ])('finds %s', (_name, body, expected) => {
    expect(mentionedEmails(body)).toEqual(expected);
  });

  it.each([
    ['a plain email address', 'Write to jane@acme.example for the brief'],
    ['an @ after a letter', 'foo@jane@acme.example'],
    ['an @ after a digit', '2@jane@acme.example'],
    ['an @ after an accented letter', 'é@jane@acme.example'],
    ['a handle without an address', 'Thanks @jane, see you'],
    ['a host without a dot', '@jane@localhost'],
    ['a bare @', 'meet @ 5pm'],
    ['an empty body', ''],
  ])('ignores %s', (_name, body) => {
    expect(mentionedEmails(body)).toEqual([]);
  });

  it('deduplicates in order of first appearance, whatever the case', () => {
    expect(
      mentionedEmails(
        '@b@acme.example and @a@acme.example; again @B@Acme.Example and @a@acme.example.',
      ),
    ).toEqual(['b@acme.example', 'a@acme.example']);
  });

  it('leaves a trailing hyphen or dot of the domain out', () => {
    expect(mentionedEmails('@jane@acme.example- and @raj@acme.example.')).toEqual([
      'jane@acme.example',
      'raj@acme.example',
    ]);
  });

  it('finds every mention placed in any text, once each, in order', () => {
    const localArb = fc.string({
      unit: fc.constantFrom(...'abcxyz019._+-'),
      minLength: 1,
      maxLength: 8,
    });
    const labelArb = fc.string({
      unit: fc.constantFrom(...'abcxyz019'),
      minLength: 1,
      maxLength: 6,
    });
    const emailArb = fc
      .tuple(localArb, fc.array(labelArb, { minLength: 2, maxLength: 3 }))
      .map(([local, labels]) => `${local}@${labels.join('.')}`);
    const fillerArb = fc.string({ unit: fc.constantFrom(...' ,.;:!?()\n\t"'), maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fillerArb, emailArb, fc.boolean())),
        fillerArb,
        (parts, end) => {
          const body =
            parts
              .map(
                ([filler, email, upper]) =>
                  `${filler || ' '}@${upper ? email.toUpperCase() : email}`,
              )
              .join('') + end;
          const expected = [...new Set(parts.map(([, email]) => email))];
          expect(mentionedEmails(body)).toEqual(expected);
        },
      ),
    );
  });
});
