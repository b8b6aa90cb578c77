import { parseCalendar } from '@standpoint/testing';
import { calendarIcs } from './calendar-ics';

describe('calendarIcs', () => {
  const content = {
    name: 'Standpoint: Dana',
    timeZone: 'Europe/Paris',
    stamp: new Date('2026-12-01T00:00:00Z'),
    items: [
      {
        uid: 'step-stp_1@standpoint.example',
        start: new Date('2026-12-07T08:00:00Z'),
        summary: 'Decide: Shelters, tonight; now',
        description: 'Step Leadership\nBrand Acme',
        url: 'https://standpoint.example/proposals/prp_1/decision-record',
      },
    ],
  };

  it('writes each event in UTC with its uid, summary, description and link, under the user’s zone', () => {
    const text = calendarIcs(content);
    expect(text).toContain('DTSTART:20261207T080000Z');
    const { calendar, events } = parseCalendar(text);
    expect(calendar['WR-TIMEZONE']).toBe('Europe/Paris');
    expect(events.get('step-stp_1@standpoint.example')).toEqual({
      uid: 'step-stp_1@standpoint.example',
      summary: 'Decide: Shelters, tonight; now',
      description: 'Step Leadership\nBrand Acme',
      start: new Date('2026-12-07T08:00:00Z'),
      end: new Date('2026-12-07T08:30:00Z'),
      url: 'https://standpoint.example/proposals/prp_1/decision-record',
    });
  });

  it('is the same text for the same content, so a calendar sees no change between fetches', () => {
    expect(calendarIcs(content)).toBe(calendarIcs(content));
  });
});
