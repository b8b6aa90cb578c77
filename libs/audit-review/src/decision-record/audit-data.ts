/**
 * Reading the audit events' JSON payloads. The decision record tells events written by every
 * version, and older ones lack keys added since (a decision's `againstTeam`, say), so each read
 * still checks at run time what it walks through. `field` names keys of the catalogued payload,
 * so renaming one fails the build; `member` reads a key that several actions keep under one name
 * (a state change, a reason) or an element of a list.
 */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field<T extends object, K extends keyof T>(
  value: T | null | undefined,
  key: K,
): T[K] | undefined;
export function field<T extends object, K extends keyof T, L extends keyof NonNullable<T[K]>>(
  value: T | null | undefined,
  key: K,
  sub: L,
): NonNullable<T[K]>[L] | undefined;
export function field(value: unknown, ...path: string[]): unknown {
  return member(value, ...path);
}

export function member(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function num(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
