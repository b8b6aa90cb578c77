import { writersOf } from './writers';

describe('writersOf', () => {
  it('is the author and every reviser, once each, sorted', () => {
    expect(writersOf('u-sam', ['u-sam', 'u-cal', 'u-sam', 'u-ana'])).toEqual([
      'u-ana',
      'u-cal',
      'u-sam',
    ]);
  });

  it('always holds the author, even with no revision read', () => {
    expect(writersOf('u-sam', [])).toEqual(['u-sam']);
  });
});
