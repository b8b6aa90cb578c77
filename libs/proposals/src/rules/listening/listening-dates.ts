/**
 * How a listening export writes its dates. A date without a zone is read as UTC; the period of a
 * snapshot is whole UTC days.
 * - ISO: 2026-12-01, 2026-12-01 08:14:22.0, 2026-12-01T08:14:22+01:00
 * - DMY: 01/12/2026, 01.12.2026 or 01-12-2026, optionally followed by 08:14[:22]
 * - MDY: 12/01/2026, optionally followed by 8:14[:22] [AM|PM]
 * - D_MON_Y: 01-Dec-2026 or 01 Dec 2026, optionally followed by 08:14[:22] [AM|PM]
 */
export enum ListeningDateFormat {
  ISO = 'ISO',
  DMY = 'DMY',
  MDY = 'MDY',
  D_MON_Y = 'D_MON_Y',
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?`;
const ZONE = String.raw`(Z|[+-]\d{2}:?\d{2})?`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const PATTERNS: Record<ListeningDateFormat, RegExp> = {
  ISO: new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}${ZONE}$`),
  DMY: new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`),
  MDY: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`),
  D_MON_Y: new RegExp(String.raw`^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})${TIME}$`),
};

/** The instant `text` names in `format`, or undefined if it is not such a date. */
export function parseListeningDate(text: string, format: ListeningDateFormat): Date | undefined {
  const match = PATTERNS[format].exec(text.trim());
  if (!match) return undefined;
  const [, a, b, c, hours, minutes, seconds, meridiem, zone] = match;
  const [year, month, day] = ymd(format, a, b, c);
  if (month === undefined) return undefined;
  let hour = Number(hours ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  const minute = Number(minutes ?? 0);
  const second = Number(seconds ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(local);
  // Date.UTC rolls 31 November over to 1 December: such a date is refused, not moved.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  return new Date(local - offsetMs(zone));
}

function ymd(format: ListeningDateFormat, a: string, b: string, c: string): number[] {
  switch (format) {
    case ListeningDateFormat.ISO:
      return [Number(a), Number(b), Number(c)];
    case ListeningDateFormat.DMY:
      return [Number(c), Number(b), Number(a)];
    case ListeningDateFormat.MDY:
      return [Number(c), Number(a), Number(b)];
    case ListeningDateFormat.D_MON_Y: {
      const month = MONTHS.indexOf(b.toLowerCase());
      return month < 0 ? [] : [Number(c), month + 1, Number(a)];
    }
  }
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** The start of the UTC day of `date`. */
export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
