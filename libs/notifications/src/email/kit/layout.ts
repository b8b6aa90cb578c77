import { html, SafeHtml } from '@standpoint/html';

export interface EmailPage {
  brandName: string;
  /** The heading, also the document's title. */
  title: string;
  /** The line mail clients show after the subject in the inbox. */
  preheader: string;
  body: SafeHtml;
  /** Why the recipient gets it, closing the email; by default their membership of the brand. */
  reason?: string;
}

const FONT =
  "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/**
 * The frame every email shares: one centred column of at most 600 px made of tables with inline
 * styles, which is what Outlook, Gmail and phone clients render alike; it narrows to the screen.
 */
export function layout(page: EmailPage): string {
  return html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" />
        <title>${page.title}</title>
      </head>
      <body style="margin:0;padding:0;background:#f3f4f6;${FONT};color:#111827;">
        <div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${page.preheader}</div>
        <table
          role="presentation"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          border="0"
          style="background:#f3f4f6;"
        >
          <tr>
            <td align="center" style="padding:16px 8px;">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                border="0"
                style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;"
              >
                <tr>
                  <td
                    style="padding:16px 24px;border-bottom:1px solid #e5e7eb;font-size:13px;color:#6b7280;${FONT};"
                  >
                    Standpoint · ${page.brandName}
                  </td>
                </tr>
                <tr>
                  <td style="padding:24px;font-size:15px;line-height:1.5;${FONT};">
                    <h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:#111827;">
                      ${page.title}
                    </h1>
                    ${page.body}
                  </td>
                </tr>
                <tr>
                  <td
                    style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280;${FONT};"
                  >
                    ${page.reason ?? membershipReason(page.brandName)}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html> `.value;
}

/** The text part's frame: the same heading and closing line as the HTML, sections between. */
export function textLayout(
  brandName: string,
  title: string,
  sections: readonly string[],
  reason = membershipReason(brandName),
): string {
  return [
    `Standpoint · ${brandName}`,
    '',
    title,
    '='.repeat(Math.min(title.length, 72)),
    '',
    sections.filter((s) => s.length > 0).join('\n\n'),
    '',
    '-- ',
    reason,
    '',
  ].join('\n');
}

function membershipReason(brandName: string): string {
  return `You receive this because you are a member of ${brandName} on Standpoint.`;
}
