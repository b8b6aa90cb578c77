// The one rule for text that comes in (every GraphQL string argument, the pages' form fields) and
// the one for text that is shown as a heading. Plain functions: the pipe, the validators, the
// pages and the emails apply them.

/**
 * Characters no text may hold: C0 and C1 controls (NUL and ESC among them) other than tab, line
 * feed and carriage return; lone surrogates (half of a UTF-16 pair, which no encoding can store);
 * non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane).
 */
const FORBIDDEN = /[^\P{Cc}\t\n\r]|\p{Surrogate}|\p{Noncharacter_Code_Point}/u;

/**
 * The bidirectional controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069): invisible,
 * they reorder what follows them, so a heading or a subject can show other words than it holds.
 */
const BIDI_CONTROL = /\p{Bidi_Control}/u;
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

function describe(character: string, kind: string): string {
  const hex = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `must not contain U+${hex} (${kind})`;
}

function kindOf(character: string): string {
  if (/\p{Cc}/u.test(character)) return 'a control character';
  if (/\p{Surrogate}/u.test(character)) return 'half of a surrogate pair';
  return 'a non-character';
}

/** What is wrong with a text under the input rule (`must not contain U+0000 (…)`), or undefined. */
export function textProblem(text: string): string | undefined {
  const found = FORBIDDEN.exec(text);
  return found ? describe(found[0], kindOf(found[0])) : undefined;
}

/** What is wrong with a heading (a title, a name) beyond the input rule, or undefined. */
export function headingProblem(text: string): string | undefined {
  const found = BIDI_CONTROL.exec(text);
  return found ? describe(found[0], 'a bidirectional control') : undefined;
}

/** The text without its bidirectional controls, for a line that cannot refuse them (a subject). */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
