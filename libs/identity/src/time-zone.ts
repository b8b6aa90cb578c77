import { DomainError } from '@standpoint/errors';

// A user's time zone: an IANA name (`Europe/Paris`) that the runtime's Intl knows. Offsets such as
// `+01:00` are refused: they ignore summer time, which is the point of naming a zone.

/** What every user has until they choose: the zone every time was shown in before. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The longest IANA name is 30 characters; anything much longer is not one. */
const TIME_ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * The zone's name as Intl spells it (`europe/paris` → `Europe/Paris`), or null when it names no
 * zone the runtime knows.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!TIME_ZONE_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone's canonical name, or BAD_USER_INPUT naming `field` when it names no zone. */
export function requireTimeZone(name: string, field: string): string {
  const canonical = canonicalTimeZone(name);
  if (canonical) return canonical;
  throw DomainError.invalidField([
    {
      field,
      rule: 'ianaTimeZone',
      message: 'is not an IANA time zone name such as Europe/Paris or America/New_York',
    },
  ]);
}
