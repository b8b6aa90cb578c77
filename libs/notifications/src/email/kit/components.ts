import { html, multiline, SafeHtml } from '@standpoint/html';

// Small pieces of email HTML with their styles inline (mail clients drop style sheets).

export function paragraph(content: SafeHtml | string): SafeHtml {
  return html`<p style="margin:0 0 12px;">${content}</p>`;
}

export function section(title: string, content: SafeHtml): SafeHtml {
  return html`<h2 style="margin:24px 0 8px;font-size:16px;color:#111827;">${title}</h2>
    ${content}`;
}

/**
 * A quoted block of what someone wrote (a draft, a comment, a reason): text keeps its line
 * breaks; SafeHtml (a diff) goes in as it is.
 */
export function quote(content: string | SafeHtml, label?: string): SafeHtml {
  return html`<table
    role="presentation"
    width="100%"
    cellpadding="0"
    cellspacing="0"
    border="0"
    style="margin:0 0 12px;"
  >
    <tr>
      <td style="padding:12px;background:#f9fafb;border-left:4px solid #9ca3af;font-size:15px;">
        ${
          label
            ? html`<div style="font-size:12px;color:#6b7280;margin-bottom:4px;">${label}</div>`
            : ''
        }${typeof content === 'string' ? multiline(content) : content}
      </td>
    </tr>
  </table>`;
}

/** Label/value rows. */
export function factRows(rows: readonly (readonly [string, string | SafeHtml])[]): SafeHtml {
  return html`<table
    role="presentation"
    cellpadding="0"
    cellspacing="0"
    border="0"
    style="margin:0 0 12px;font-size:14px;"
  >
    ${rows.map(
      ([label, value]) =>
        html`<tr>
          <td style="padding:2px 12px 2px 0;color:#6b7280;vertical-align:top;">${label}</td>
          <td style="padding:2px 0;vertical-align:top;">${value}</td>
        </tr> `,
    )}
  </table>`;
}

export function bulletList(items: readonly (string | SafeHtml)[]): SafeHtml {
  return html`<ul style="margin:0 0 12px;padding-left:20px;">
    ${items.map((item) => html`<li style="margin:0 0 4px;">${item}</li>`)}
  </ul>`;
}

/** The call to action, drawn with a table cell so that Outlook shows it as a button too. */
export function button(url: string, label: string): SafeHtml {
  return html`<table
    role="presentation"
    cellpadding="0"
    cellspacing="0"
    border="0"
    style="margin:16px 0;"
  >
    <tr>
      <td style="border-radius:6px;background:#1d4ed8;">
        <a
          href="${url}"
          style="display:inline-block;padding:12px 20px;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px;"
          >${label}</a
        >
      </td>
    </tr>
  </table>`;
}
