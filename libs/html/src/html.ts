import escapeHtml from 'escape-html';

export { escapeHtml };

/** HTML that is already safe to put in a page: made only by `html`, `trusted` and `multiline`. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

type Interpolated = SafeHtml | string | number | null | undefined | false | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * A template whose every interpolated value is escaped unless it is SafeHtml itself, so a user's
 * string can never become markup; arrays are joined, and null, undefined and false render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + render(values[i - 1]) + s));
}

/**
 * Markup we built ourselves and take as it is (a style element, an email already rendered): never
 * a user's string, which goes through `html` or `escapeHtml`.
 */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Text with its line breaks kept, for bodies people wrote (drafts, comments, reasons). */
export function multiline(text: string): SafeHtml {
  return new SafeHtml(
    text
      .split(/\r\n?|\n/)
      .map(escapeHtml)
      .join('<br>'),
  );
}
