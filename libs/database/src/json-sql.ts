import { Dialect } from './dialect-columns';

// SQL over JsonColumn values, written once per dialect: a JsonColumn is text holding JSON on
// SQLite (read with its JSON functions) and jsonb on PostgreSQL.

/** `key` must be a plain name: it is written into the SQL, never taken from input. */
function checkedKey(key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new RangeError(`not a JSON key: ${key}`);
  return key;
}

/**
 * A condition: the JSON array in `column` (or in its member `key`) holds the string bound to the
 * parameter `:param`. `column` is a query builder's `alias.property`.
 */
export function jsonArrayHolds(
  dialect: Dialect,
  column: string,
  param: string,
  key?: string,
): string {
  if (dialect === 'postgres') {
    const array = key !== undefined ? `(${column} -> '${checkedKey(key)}')` : column;
    return `${array} @> jsonb_build_array(CAST(:${param} AS text))`;
  }
  const source = key !== undefined ? `${column}, '$.${checkedKey(key)}'` : column;
  return `EXISTS (SELECT 1 FROM json_each(${source}) WHERE json_each.value = :${param})`;
}

/** An expression: the text of the member `key` of the JSON object in `column` (null if absent). */
export function jsonText(dialect: Dialect, column: string, key: string): string {
  return dialect === 'postgres'
    ? `(${column} ->> '${checkedKey(key)}')`
    : `json_extract(${column}, '$.${checkedKey(key)}')`;
}
