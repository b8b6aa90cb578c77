import { isUniqueViolation } from '@standpoint/database';
import { DomainError, RefusalCode } from '@standpoint/errors';
import SCIMMY from 'scimmy';

/** A refusal answered as a SCIM error body (RFC 7644 §3.12) with its status and `scimType`. */
export function scimError(status: number, scimType: string | null, detail: string): Error {
  return new SCIMMY.Types.Error(status, scimType as string, detail);
}

/**
 * A refusal of the services below SCIM in SCIM's terms (the brand keeping its last ADMIN is a
 * 409), so that SCIMMY does not mistake it for a missing resource; and the loser of two requests
 * creating the same user or group at once (the database's unique key decides) a 409 too.
 */
export function asScimError(error: unknown): unknown {
  if (isUniqueViolation(error)) {
    return scimError(409, 'uniqueness', 'Another request has just created it');
  }
  if (!(error instanceof DomainError)) return error;
  switch (error.code) {
    case RefusalCode.NOT_FOUND:
      return scimError(404, null, error.message);
    case RefusalCode.CONFLICT:
      return scimError(409, null, error.message);
    case RefusalCode.BAD_USER_INPUT:
      return scimError(400, 'invalidValue', error.message);
    default:
      return error;
  }
}
