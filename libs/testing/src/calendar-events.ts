import ical from 'node-ical';

/** One event of a calendar feed as a calendar app reads it back (node-ical). */
export interface ParsedCalendarEvent {
  uid: string;
  summary: string;
  description: string;
  start: Date;
  end: Date;
  url: string;
}

/** The parsed feed: its calendar properties (X-WR-… without the X-) and its events by UID. */
export function parseCalendar(text: string): {
  calendar: Record<string, unknown>;
  events: Map<string, ParsedCalendarEvent>;
} {
  const events = new Map<string, ParsedCalendarEvent>();
  let calendar: Record<string, unknown> = {};
  for (const component of Object.values(ical.sync.parseICS(text))) {
    if (!component) continue;
    if (component.type === 'VCALENDAR') calendar = { ...component };
    if (component.type !== 'VEVENT') continue;
    // node-ical keeps URL's VALUE=URI parameter beside the address, whatever its type says.
    const url = component.url as unknown as string | { val: string } | undefined;
    events.set(component.uid, {
      uid: component.uid,
      summary: String(component.summary),
      description: String(component.description),
      start: new Date(component.start.getTime()),
      end: new Date(component.end?.getTime() ?? Number.NaN),
      url: typeof url === 'object' ? url.val : (url ?? ''),
    });
  }
  return { calendar, events };
}
