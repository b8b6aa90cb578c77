import { html, SafeHtml } from '@standpoint/html';
import { layout } from './layout';

/** A page that says one plain thing instead of the form: the link cannot act, or it just did. */
export function noticePage(title: string, message: SafeHtml | string, done = false): string {
  return layout(
    title,
    html`<h1>${title}</h1>
      <div class="notice${done ? ' done' : ''}" role="status"><p>${message}</p></div>`,
  );
}
