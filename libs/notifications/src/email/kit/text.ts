// The text part is written for people reading it as it is, not made by stripping the HTML.

export function textSection(title: string, body: string): string {
  return `${title.toUpperCase()}\n${body}`;
}

export function textBullets(items: readonly string[]): string {
  return items.map((item) => `- ${indentFollowing(item, '  ')}`).join('\n');
}

/** A block someone wrote, each line marked as quoted. */
export function textQuote(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

export function textFacts(rows: readonly (readonly [string, string])[]): string {
  return rows.map(([label, value]) => `${label}: ${value}`).join('\n');
}

function indentFollowing(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}
