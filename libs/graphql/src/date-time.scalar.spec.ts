import fc from 'fast-check';
import { Kind } from 'graphql';
import { DateTimeScalar, parseDateTime } from './date-time.scalar';
import { InvalidScalarInput } from './invalid-scalar-input';

describe('parseDateTime', () => {
  it.each([
    ['2026-06-01T09:00:00Z', '2026-06-01T09:00:00.000Z'],
    ['2026-06-01T11:00:00+02:00', '2026-06-01T09:00:00.000Z'],
    ['2026-06-01T04:30:00-04:30', '2026-06-01T09:00:00.000Z'],
    ['2026-06-01T09:00:00.123456789Z', '2026-06-01T09:00:00.123Z'],
    ['2026-06-01 09:00:00Z', '2026-06-01T09:00:00.000Z'],
    ['2026-06-01t09:00:00z', '2026-06-01T09:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (text, instant) => {
    expect(parseDateTime(text)?.toISOString()).toBe(instant);
  });

  it.each([
    ['a word', 'asap'],
    ['no offset', '2026-06-01T09:00:00'],
    ['a date alone', '2026-06-01'],
    ['a day that does not exist', '2026-04-31T09:00:00Z'],
    ['29 February of a common year', '2026-02-29T09:00:00Z'],
    ['29 February of a century that is not a leap year', '1900-02-29T09:00:00Z'],
    ['a leap second', '2026-06-30T23:59:60Z'],
    ['hour 24', '2026-06-01T24:00:00Z'],
    ['an offset without a colon', '2026-06-01T09:00:00+0200'],
    ['year 0', '0000-06-01T09:00:00Z'],
    ['a year past 9999 once the offset is applied', '9999-12-31T23:00:00-02:00'],
    ['an expanded year', '+012026-06-01T09:00:00Z'],
    ['epoch milliseconds', '1780304400000'],
    ['an RFC 2822 date', 'Mon, 01 Jun 2026 09:00:00 GMT'],
    ['an absurdly long fraction', `2026-06-01T09:00:00.${'1'.repeat(100)}Z`],
    ['an empty string', ''],
  ])('refuses %s', (_what, text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });

  it('reads back every instant it writes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (at) => {
          expect(parseDateTime(at.toISOString())?.getTime()).toBe(at.getTime());
        },
      ),
    );
  });

  it('answers any string with an instant or nothing, never an Invalid Date', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const at = parseDateTime(text);
        expect(at === undefined || !Number.isNaN(at.getTime())).toBe(true);
      }),
    );
  });
});

describe('DateTimeScalar', () => {
  it('writes an instant as toISOString does, in UTC with milliseconds', () => {
    expect(DateTimeScalar.serialize(new Date('2026-06-01T11:00:00+02:00'))).toBe(
      '2026-06-01T09:00:00.000Z',
    );
  });

  it('refuses a bad variable value, and a value that is no string', () => {
    for (const value of ['asap', 12, null, {}, true]) {
      expect(() => DateTimeScalar.parseValue(value)).toThrow(InvalidScalarInput);
    }
  });

  it('refuses a bad literal, and a literal that is no string', () => {
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: 'asap' })).toThrow(
      InvalidScalarInput,
    );
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '12' })).toThrow(
      InvalidScalarInput,
    );
  });
});
