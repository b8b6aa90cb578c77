import { escapeHtml } from '@standpoint/html';
import { MailboxEntry, MailboxMessage } from './dev-mailbox';

/**
 * The development mailbox's pages. Everything from a message is escaped; its HTML part is shown in
 * a sandboxed frame (no script, no form), whose links open in the whole tab so a developer can
 * follow a decision link from here.
 */
export function mailboxListPage(entries: readonly MailboxEntry[]): string {
  const rows = entries
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.date.toISOString())}</td><td>${escapeHtml(m.to)}</td>` +
        `<td><a href="/dev/mailbox/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('\n');
  const body =
    entries.length === 0
      ? '<p>No messages yet. Emails the worker sends without SMTP_URL appear here.</p>'
      : `<table><thead><tr><th>Date</th><th>To</th><th>Subject</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  return page('Development mailbox', `<h1>Development mailbox</h1>\n${body}`);
}

export function mailboxMessagePage(message: MailboxMessage): string {
  const facts = [
    ['Date', message.date.toISOString()],
    ['From', message.from],
    ['To', message.to],
    ['Subject', message.subject],
    ['Message-ID', message.messageId],
  ]
    .map(([name, value]) => `<dt>${name}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const html =
    message.html === null
      ? ''
      : `<h2>HTML part</h2><iframe title="HTML part" sandbox="allow-top-navigation-by-user-activation allow-popups" srcdoc="${escapeHtml(
          `<base target="_top">${message.html}`,
        )}"></iframe>`;
  const text =
    message.text === null ? '' : `<h2>Text part</h2><pre>${linkified(message.text)}</pre>`;
  return page(
    message.subject || 'Message',
    `<p><a href="/dev/mailbox">← All messages</a></p><h1>${escapeHtml(message.subject)}</h1><dl>${facts}</dl>${html}${text}`,
  );
}

/** The text with its web addresses made links, everything escaped. */
function linkified(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"']+)/)
    .map((piece, i) =>
      i % 2 === 1 ? `<a href="${escapeHtml(piece)}">${escapeHtml(piece)}</a>` : escapeHtml(piece),
    )
    .join('');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}dt{font-weight:bold}dd{margin:0 0 .4rem}iframe{border:1px solid #ccc;height:40rem;width:100%}pre{white-space:pre-wrap}</style>
</head><body>
${body}
</body></html>`;
}
