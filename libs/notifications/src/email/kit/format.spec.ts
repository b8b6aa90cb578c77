import { formatDateTime } from './format';

describe('formatDateTime', () => {
  const winter = new Date('2026-12-07T08:00:00Z');
  const summer = new Date('2026-07-07T08:00:00Z');

  it("shows the moment on the reader's clock and names their zone", () => {
    expect(formatDateTime(winter, 'Europe/Paris')).toBe('Mon, 7 Dec 2026, 09:00 (Europe/Paris)');
    expect(formatDateTime(winter, 'America/New_York')).toBe(
      'Mon, 7 Dec 2026, 03:00 (America/New_York)',
    );
    expect(formatDateTime(winter, 'UTC')).toBe('Mon, 7 Dec 2026, 08:00 (UTC)');
  });

  it('follows summer time', () => {
    expect(formatDateTime(summer, 'Europe/Paris')).toBe('Tue, 7 Jul 2026, 10:00 (Europe/Paris)');
    expect(formatDateTime(summer, 'America/New_York')).toBe(
      'Tue, 7 Jul 2026, 04:00 (America/New_York)',
    );
  });

  it('changes the day when the zone does', () => {
    expect(formatDateTime(new Date('2026-12-07T02:00:00Z'), 'America/New_York')).toBe(
      'Sun, 6 Dec 2026, 21:00 (America/New_York)',
    );
  });
});
