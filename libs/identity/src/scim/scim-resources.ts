// The SCIM User and Group as Standpoint reads and answers them (RFC 7643 §4); SCIMMY checks them
// against the core schemas on the way in and out.

/** The User attributes Standpoint takes from a provider. */
export interface ScimUserIn {
  userName: string;
  externalId?: string;
  name?: { givenName?: string; familyName?: string; formatted?: string };
  displayName?: string;
  active?: boolean;
}

export interface ScimUserOut {
  id: string;
  externalId?: string;
  userName: string;
  name: { givenName?: string; familyName?: string; formatted: string };
  displayName: string;
  active: boolean;
  emails: { value: string; type: 'work'; primary: true }[];
  groups: { value: string; display: string; $ref?: string }[];
  meta: { resourceType: 'User'; created: Date; lastModified: Date };
}

export interface ScimGroupIn {
  displayName: string;
  externalId?: string;
  members?: { value: string }[];
}

export interface ScimGroupOut {
  id: string;
  externalId?: string;
  displayName: string;
  members: { value: string; display: string; type: 'User' }[];
  meta: { resourceType: 'Group'; created: Date; lastModified: Date };
}

/**
 * A list filter that is exactly `<attribute> eq "<value>"`: the services may read only what it can
 * match. SCIMMY's filter still decides what is answered.
 */
export interface WantedByEquality {
  attribute: string;
  value: string;
}
