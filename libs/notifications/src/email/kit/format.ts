import { withoutBidiControls } from '@standpoint/graphql';

/** One formatter per zone met: building an Intl formatter costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * A moment as its reader reads it: on their clock, in their time zone (an IANA name, the
 * recipient's `timeZone`), which is named, so that nobody need guess: `Mon 7 Dec 2026, 09:00
 * (Europe/Paris)`.
 */
export function formatDateTime(at: Date, timeZone: string): string {
  return `${formatterFor(timeZone).format(at)} (${timeZone})`;
}

/** `CAMPAIGN_PAUSE` → `Campaign pause`. */
export function humanize(name: string): string {
  const words = name.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A subject is one line: line breaks a user typed could otherwise forge headers. It holds no
 * bidirectional control either, which would make the inbox show other words than were sent.
 */
export function subjectLine(...parts: string[]): string {
  return withoutBidiControls(parts.join(''))
    .replace(/[\r\n\t]+/g, ' ')
    .trim();
}
