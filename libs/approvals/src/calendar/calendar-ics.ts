import ical from 'ical-generator';

// A user's calendar feed as iCalendar text (RFC 5545): a plain function of what it shows, so that
// its spec needs no database. Times are written in UTC (`…Z`), which every calendar reads the
// same; the user's zone is named as the calendar's (X-WR-TIMEZONE) for the apps that show it.

/** How long each event lasts: a deadline or a publication is a moment, shown as a short block. */
export const CALENDAR_EVENT_MINUTES = 30;

/** One event of the feed. */
export interface CalendarItem {
  /** Stable across fetches, so that a calendar updates the event rather than adding another. */
  uid: string;
  start: Date;
  summary: string;
  description: string;
  /** The proposal's page; never a decision link (a credential that acts). */
  url: string;
}

export interface CalendarContent {
  name: string;
  /** The user's IANA time zone. */
  timeZone: string;
  /** When the feed was made (DTSTAMP of every event). */
  stamp: Date;
  items: readonly CalendarItem[];
}

export function calendarIcs(content: CalendarContent): string {
  const calendar = ical({
    name: content.name,
    prodId: { company: 'Standpoint', product: 'Standpoint calendar', language: 'EN' },
    x: [{ key: 'X-WR-TIMEZONE', value: content.timeZone }],
  });
  for (const item of content.items) {
    calendar.createEvent({
      id: item.uid,
      start: item.start,
      end: new Date(item.start.getTime() + CALENDAR_EVENT_MINUTES * 60_000),
      stamp: content.stamp,
      summary: item.summary,
      description: item.description,
      url: item.url,
    });
  }
  return calendar.toString();
}
