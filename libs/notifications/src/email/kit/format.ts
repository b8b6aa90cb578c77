import { withoutBidiControls } from '@standpoint/graphql';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment as people read it; in UTC, as the app knows no reader's time zone. */
export function formatDateTime(at: Date): string {
  return `${DATE_TIME.format(at)} UTC`;
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
