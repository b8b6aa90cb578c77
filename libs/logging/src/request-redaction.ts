// What a logged request may show. Credentials travel in some URLs: the decision link's path
// (`/decide/<token>`), the account link's (`/account/password/<token>`, issue 11), the calendar
// feed's (`/calendar/<secret>.ics`), the printable record's `?access=`. Redaction goes by what the route is, not by how the client spelled it:
// Express matches paths without regard to case and decodes `%xx` in parameters, so `/Decide/…`
// and `/decide/%6B3J…` reach the same page and must be hidden the same way.

const REDACTED = '[redacted]';

/** Routes whose every segment after the prefix is a credential, as written in lower case. */
const SECRET_PATH_PREFIXES = ['/decide/', '/account/password/', '/calendar/'];

/** Query parameters that carry a credential, compared in lower case. */
const SECRET_QUERY_PARAMETERS: ReadonlySet<string> = new Set(['access', 'token']);

/** `%xx` decoded until nothing changes (a client may encode twice); undecodable text stays. */
function decoded(text: string): string {
  let current = text;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** The secret route a path leads to, as its canonical prefix (`/decide/`), or undefined. */
function secretPrefixOf(path: string): string | undefined {
  const normal = decoded(path)
    .toLowerCase()
    .replace(/\/{2,}/g, '/');
  return SECRET_PATH_PREFIXES.find((prefix) => normal.startsWith(prefix));
}

/** The query string with the value of every credential parameter replaced. */
function redactedQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0];
      return SECRET_QUERY_PARAMETERS.has(decoded(name).toLowerCase())
        ? `${name}=${REDACTED}`
        : pair;
    })
    .join('&');
}

/** A URL (a path with its query, or an absolute one) as it may be logged. */
export function redactedUrl(url: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? '';
  const rest = url.slice(absolute.length).split('#')[0];
  const queryAt = rest.indexOf('?');
  const path = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const query = queryAt === -1 ? undefined : rest.slice(queryAt + 1);
  const prefix = secretPrefixOf(path);
  // Past a secret prefix everything may be the credential, query included.
  if (prefix) return `${absolute}${prefix}${REDACTED}`;
  return `${absolute}${path}${query === undefined ? '' : `?${redactedQuery(query)}`}`;
}

/** The request as pino-http serialized it, with its URL, parameters, query and referrer redacted. */
export function withoutLinkSecrets<
  T extends { url?: string; params?: unknown; query?: unknown; headers?: unknown },
>(request: T): T {
  if (typeof request.url !== 'string') return request;
  const prefix = secretPrefixOf(request.url.split('?')[0]);
  request.url = redactedUrl(request.url);
  if (prefix) request.params = {};
  if (request.query && typeof request.query === 'object') {
    request.query = Object.fromEntries(
      Object.entries(request.query).map(([name, value]) => [
        name,
        prefix || SECRET_QUERY_PARAMETERS.has(name.toLowerCase()) ? REDACTED : value,
      ]),
    );
  }
  // The serialized request shares its headers with the live one: copy, never edit them.
  const headers = request.headers as Record<string, unknown> | undefined;
  if (typeof headers?.referer === 'string') {
    request.headers = { ...headers, referer: redactedUrl(headers.referer) };
  }
  return request;
}
