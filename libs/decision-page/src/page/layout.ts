import { createHash } from 'node:crypto';
import { html, SafeHtml, trusted } from '@standpoint/html';
import { PASSKEY_SCRIPT_HASH } from './passkey-script';

/**
 * The page's only style sheet, inline: the page loads nothing from anywhere (its script asks this
 * server for a passkey challenge).
 */
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f4f2}
main{max-width:44rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem;border-bottom:2px solid #d0d0cc;padding-bottom:.25rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
section,form{background:#fff;border-radius:8px;padding:.25rem 1rem 1rem;margin:1rem 0}
.meta{color:#444;margin:.25rem 0}
.draft{white-space:pre-wrap;background:#f7f7f5;border-left:4px solid #555;margin:0;padding:.75rem}
.heat-map{display:block;width:100%;max-width:20rem;height:auto;margin:.5rem 0}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{overflow-wrap:normal;text-align:left;border-bottom:1px solid #ddd;padding:.35rem .4rem;vertical-align:top}
.warning,.error-summary{border:2px solid #b3261e;background:#fdecea;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.notice{border:2px solid #555;background:#fff;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.done{border-color:#2e7d32;background:#edf7ed}
.error{color:#b3261e;font-weight:600;margin:.25rem 0}
.hint{color:#444;margin:.25rem 0}
fieldset{border:1px solid #bbb;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}
.choice input{width:1.4rem;height:1.4rem;margin:.1rem 0 0;flex:none}
label{font-weight:600}
.choice label{font-weight:400}
textarea{display:block;width:100%;min-height:7rem;font:inherit;padding:.5rem;border:1px solid #888;border-radius:4px}
input[type=password]{display:block;width:100%;min-height:44px;font:inherit;padding:.5rem;border:1px solid #888;border-radius:4px}
[aria-invalid="true"]{border-color:#b3261e;outline:2px solid #b3261e}
button{font:inherit;font-weight:600;padding:.75rem 1.25rem;border:0;border-radius:6px;background:#1f4e8c;color:#fff;min-height:44px;width:100%}
:focus-visible{outline:3px solid #1f4e8c;outline-offset:2px}
@media (min-width:40rem){button{width:auto}}
`;

/** Content-Security-Policy admits exactly this style sheet, by hash. */
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
const STYLE_ELEMENT = trusted(`<style>${STYLE}</style>`);

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'none'",
    `style-src 'sha256-${STYLE_HASH}'`,
    // The passkey step's script, and its one request: the challenge, from this server.
    `script-src 'sha256-${PASSKEY_SCRIPT_HASH}'`,
    "connect-src 'self'",
    'img-src data:',
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** A whole page around `body`: language, viewport for phones, the inline style. */
export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${title} · Standpoint</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html> `.value;
}
