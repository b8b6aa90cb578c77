import { ListeningDateFormat as F, parseListeningDate, utcDay } from './listening-dates';

const iso = (text: string, format: F) => parseListeningDate(text, format)?.toISOString();

describe('parseListeningDate', () => {
  it.each([
    ['2026-12-01', F.ISO, '2026-12-01T00:00:00.000Z'],
    ['2026-12-01 08:14:22.0', F.ISO, '2026-12-01T08:14:22.000Z'],
    ['2026-12-01T08:14:22+01:00', F.ISO, '2026-12-01T07:14:22.000Z'],
    ['2026-12-01T08:14Z', F.ISO, '2026-12-01T08:14:00.000Z'],
    ['01/12/2026 08:14', F.DMY, '2026-12-01T08:14:00.000Z'],
    ['1.12.2026', F.DMY, '2026-12-01T00:00:00.000Z'],
    ['12/01/2026', F.MDY, '2026-12-01T00:00:00.000Z'],
    ['12/01/2026 12:05 AM', F.MDY, '2026-12-01T00:05:00.000Z'],
    ['12/01/2026 1:05 PM', F.MDY, '2026-12-01T13:05:00.000Z'],
    ['06-Dec-2026', F.D_MON_Y, '2026-12-06T00:00:00.000Z'],
    ['6 dec 2026 11:15PM', F.D_MON_Y, '2026-12-06T23:15:00.000Z'],
  ])('reads %s as %s', (text, format, expected) => {
    expect(iso(text, format)).toBe(expected);
  });

  it.each([
    ['2026-11-31', F.ISO],
    ['2026-13-01', F.ISO],
    ['01/12/2026', F.ISO],
    ['2026-12-01 24:00', F.ISO],
    ['31/12/2026', F.MDY],
    ['12/01/2026 13:00 PM', F.MDY],
    ['06-Dez-2026', F.D_MON_Y],
    ['yesterday', F.DMY],
    ['', F.ISO],
  ])('refuses %s as %s', (text, format) => {
    expect(parseListeningDate(text, format)).toBeUndefined();
  });

  it('starts the UTC day', () => {
    expect(utcDay(new Date('2026-12-06T23:59:59.999Z')).toISOString()).toBe(
      '2026-12-06T00:00:00.000Z',
    );
  });
});
