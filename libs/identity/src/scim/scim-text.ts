import { headingProblem, textProblem } from '@standpoint/graphql';
import { scimError } from './scim-error';

/** How deep a SCIM body may nest: a User with its extension and a PatchOp's value fit in 6. */
const MAX_DEPTH = 8;

/**
 * The input rule every GraphQL string meets, for a SCIM body (which comes in over REST): no string
 * in it may hold a control character (NUL, ESC…), a lone surrogate or a non-character, and it may
 * not nest deeper than a SCIM resource does. Refused as 400 invalidValue, naming where.
 */
export function refuseForbiddenText(body: unknown, path = 'body', depth = 0): void {
  if (typeof body === 'string') {
    const problem = textProblem(body);
    if (problem) throw scimError(400, 'invalidValue', `${path} ${problem}`);
    return;
  }
  if (!body || typeof body !== 'object') return;
  if (depth >= MAX_DEPTH) throw scimError(400, 'invalidSyntax', `${path} nests too deep`);
  for (const [key, value] of Object.entries(body)) {
    refuseForbiddenText(key, `${path} key`, depth + 1);
    refuseForbiddenText(
      value,
      Array.isArray(body) ? `${path}[${key}]` : `${path}.${key}`,
      depth + 1,
    );
  }
}

/** A name shown as a heading (a user's, a group's): no bidirectional control either. */
export function refuseBidiName(name: string, attribute: string): void {
  const problem = headingProblem(name);
  if (problem) throw scimError(400, 'invalidValue', `${attribute} ${problem}`);
}
