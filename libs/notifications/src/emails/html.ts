/** HTML that is known to be safe to put in a page as it is: made only by `html` or `escapeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

type Interpolated = SafeHtml | string | number | null | undefined | false | readonly Interpolated[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for HTML content and quoted attribute values alike. */
export function escapeHtml(text: string): SafeHtml {
  return new SafeHtml(text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]));
}

/**
 * A template tag that escapes every interpolated value unless it is SafeHtml already, so a user
 * string can only reach an email as text. Arrays are joined; null, undefined and false vanish.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value)).value;
}

/** Text with its line breaks kept, for bodies people wrote (drafts, comments, reasons). */
export function multiline(text: string): SafeHtml {
  return new SafeHtml(
    text
      .split(/\r\n?|\n/)
      .map((line) => escapeHtml(line).value)
      .join('<br>'),
  );
}
