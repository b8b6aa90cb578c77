import { uuidv7 } from 'uuidv7';

/**
 * A new application id: a type prefix and a UUIDv7, so ids sort by creation time and a bare id
 * says what it names (which `node(id)` relies on).
 */
export function newId(prefix: string): string {
  if (!/^[a-z]{2,8}$/.test(prefix))
    throw new Error(`an id prefix is 2 to 8 lower-case letters, not "${prefix}"`);
  return `${prefix}_${uuidv7()}`;
}

/** The type prefix of an id made by `newId`, or undefined for anything else. */
export function idPrefix(id: string): string | undefined {
  const match =
    /^([a-z]{2,8})_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.exec(id);
  return match?.[1];
}
