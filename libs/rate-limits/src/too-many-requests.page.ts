import { html } from '@standpoint/html';

/** Headers of the refusal page: it loads nothing, is never cached and leaks no address onwards. */
export const TOO_MANY_REQUESTS_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** The plain page a form post gets when its address has posted too much: what happened, how long to wait. */
export function tooManyRequestsPage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 120
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>Too many attempts · Standpoint</title>
      </head>
      <body>
        <main>
          <h1>Too many attempts</h1>
          <p role="status">
            Too many forms were sent from your network in a short time, so this one was not looked
            at and nothing was recorded. Wait ${wait}, then open the link from your email again.
          </p>
        </main>
      </body>
    </html> `.value;
}
