import { parseHeaderValue } from 'nodemailer/lib/mime-funcs';

/** What the development mailbox shows of a stored message. */
export interface ReadEmail {
  headers: ReadonlyMap<string, string>;
  text: string | null;
  html: string | null;
}

/**
 * Reads an RFC 822 message as nodemailer writes it: unfolded, decoded headers and the first text and
 * HTML parts of a (possibly nested) multipart body. Enough for the development mailbox, not a
 * general mail parser.
 */
export function readEml(source: string): ReadEmail {
  const found: { text: string | null; html: string | null } = { text: null, html: null };
  // nodemailer ends every message with a line break that is no part of its text.
  const headers = readPart(source.replace(/\r\n/g, '\n').replace(/\n$/, ''), found);
  return { headers, ...found };
}

function readPart(
  part: string,
  found: { text: string | null; html: string | null },
): Map<string, string> {
  const split = part.indexOf('\n\n');
  const head = split < 0 ? part : part.slice(0, split);
  const body = split < 0 ? '' : part.slice(split + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1)));
  }
  const type = parseHeaderValue(headers.get('content-type') ?? 'text/plain');
  const mimeType = type.value.toLowerCase();
  if (mimeType.startsWith('multipart/') && type.params.boundary) {
    const delimiter = `--${type.params.boundary}`;
    const sections = body.split(new RegExp(`^${escapeRegExp(delimiter)}(?:--)?[ \\t]*$`, 'm'));
    // The text before the first delimiter and after the last one is not a part; the line break
    // before a delimiter belongs to the delimiter (RFC 2046).
    for (const section of sections.slice(1, -1))
      readPart(section.replace(/^\n/, '').replace(/\n$/, ''), found);
  } else if (mimeType === 'text/plain' && found.text === null) {
    found.text = decodeBody(body, headers.get('content-transfer-encoding'));
  } else if (mimeType === 'text/html' && found.html === null) {
    found.html = decodeBody(body, headers.get('content-transfer-encoding'));
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch (encoding?.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return quotedPrintable(body.replace(/=\n/g, ''));
    default:
      return body;
  }
}

/** RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?utf-8?Q?…?=`) in a header value. */
function decodeWords(value: string): string {
  return value
    .trim()
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g,
      (_, _charset: string, kind: string, text: string) =>
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : quotedPrintable(text.replace(/_/g, ' ')),
    );
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
