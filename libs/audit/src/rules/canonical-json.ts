import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON, exactly the text of the `canonicalize` package, written for
 * speed: the verifier rebuilds the canonical text of every event, a million times for a long
 * chain, and the package's `reduce` over freshly sorted keys and its template strings were a
 * tenth of the time. Keys already in order (an event built in that order, a line parsed from an
 * export) are not sorted again. Anything that is not a plain JSON value (a date, a value with
 * `toJSON`, a number that JSON cannot hold) is left to the package, which decides what it becomes.
 */
export function canonicalJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : canonicalize(value);
    case 'object':
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalize(value);
      return Array.isArray(value) ? arrayText(value) : objectText(value as Record<string, unknown>);
    default:
      return canonicalize(value);
  }
}

function arrayText(array: unknown[]): string {
  let text = '[';
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) continue; // a hole: the package's reduce skips it, comma and all
    const element = array[i];
    if (i > 0) text += ',';
    text += element === undefined || typeof element === 'symbol' ? 'null' : canonicalJson(element);
  }
  return `${text}]`;
}

function objectText(object: Record<string, unknown>): string {
  const keys = Object.keys(object);
  if (!inOrder(keys)) keys.sort();
  let text = '{';
  for (const key of keys) {
    const member = object[key];
    if (member === undefined || typeof member === 'symbol') continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}

/** Whether the keys are in the order `Array.prototype.sort` gives (UTF-16 code units). */
function inOrder(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}
