import { canonicalTimeZone } from './time-zone';

describe('canonicalTimeZone', () => {
  it('answers an IANA name as Intl spells it', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Etc/GMT+5')).toBe('Etc/GMT+5');
  });

  it.each(['Mars/Olympus', '', '+01:00', 'Europe/Paris\n', 'Europe/Paris; DROP', 'x'.repeat(100)])(
    'refuses %j',
    (name) => {
      expect(canonicalTimeZone(name)).toBeNull();
    },
  );
});
