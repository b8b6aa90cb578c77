// The `data` of each audit action, as the emitting service writes it (dates as Date where it hands
// a Date; the stored JSON holds their ISO text). Keys a subscriber contributes (see AuditCatalog)
// are not here.

/** A step of an approval policy as the policy events record it. */
export interface PolicyStepRecord {
  name: string;
  role: string | null;
  approverIds: string[];
  quorum: string;
  minApprovals: number;
  appliesWhen: object | null;
  slaHours: number | null;
  escalateToIds: string[];
  expireOnTimeout: boolean;
}

/** A change of state: of a proposal, a step. */
export interface FromTo<T = string> {
  from: T;
  to: T;
}

export interface RecommendationRecord {
  recommendation: string;
  rationale: string | null;
  revisionNumber: number;
}

/** What an evidence item says, as its events record it. */
export interface EvidenceContent {
  kind: string;
  summary: string;
  sourceUrl: string | null;
  /** ISO text. */
  capturedAt: string | null;
  details: object | null;
}

/** Where imported evidence came from: the tool's export (or a mapped file) and that very file. */
export interface EvidenceImport {
  /** BRANDWATCH, TALKWALKER, SPROUT_SOCIAL, MELTWATER, or MAPPING for a file read with a mapping. */
  source: string;
  fileName: string;
  /** SHA-256 of the file's bytes, hex. */
  fileSha256: string;
  bytes: number;
  rowsRead: number;
}

/** A risk of speaking as a risk note scores it. */
export interface RiskRecord {
  category: string;
  likelihood: number;
  impact: number;
  score: number;
  severity: string;
  description: string;
}

/** What the audit trail records of a webhook endpoint: everything but its secret. */
export interface WebhookEndpointSettings {
  url: string;
  eventTypes: string[];
  enabled: boolean;
}

/** What the audit trail records of a brand's Slack workspace: never its token or signing secret. */
export interface SlackWorkspaceRecord {
  teamId: string;
  teamName: string;
  botUserId: string;
  /** The channel approval requests are also posted to, if any. */
  channelId: string | null;
}

/** A Slack account linked to a member, in a brand's connected workspace. */
export interface SlackUserLinkRecord {
  workspaceId: string;
  teamId: string;
  slackUserId: string;
  userId: string;
}

/**
 * An approver's passkey assertion of a decision, as its event keeps it: enough to check offline
 * (audit rules, decisionPasskeyProblem) that their authenticator signed a challenge committing to
 * the event's brand, proposal, step, round, outcome and content hash with `nonce`. Byte strings
 * are base64url; `publicKey` is the credential's SPKI DER key.
 */
export interface PasskeyAssertionRecord {
  nonce: string;
  credentialId: string;
  publicKey: string;
  rpId: string;
  origin: string;
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
}

/**
 * What the audit trail records of a brand's Teams workflow: where it posts, never its URL (whose
 * `sig` parameter is the secret that lets anyone post).
 */
export interface TeamsConnectionSettings {
  host: string;
  /** The URL's last characters, for the admin to recognise it. */
  hint: string;
}

export interface MembershipEnded {
  userId: string;
  email: string;
  roles: readonly string[];
}

/** A SCIM group as the audit trail keeps it: its name and its members' user ids. */
export interface ScimGroupRecord {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

/** The attributes of a provisioned user that are the identity provider's own (not the account's). */
export interface ScimUserRecord {
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  active: boolean;
}

export interface AuditPayloads {
  'brand.created': { name: string; slug: string };
  'member.added': { userId: string; email: string; name: string; roles: readonly string[] };
  'member.roles_changed': {
    userId: string;
    email: string;
    from: readonly string[];
    to: readonly string[];
  };
  'member.removed': MembershipEnded;
  'user.deactivated': MembershipEnded;

  'proposal.created': {
    title: string;
    issue: string;
    stanceType: string;
    urgency: string;
    /** ISO text. */
    decisionDeadline: string | null;
    revision: { number: number; contentHash: string; channels: string[] };
  };
  'proposal.revised': {
    from: { revision: number; contentHash: string; version: number };
    to: { revision: number; contentHash: string; version: number };
    channels: string[];
  };
  'comment.added': { proposalId: string; body: string; mentionedUserIds: string[] };
  /** `import` only for evidence read from a file (a listening export). */
  'evidence.added': { proposalId: string; import?: EvidenceImport } & EvidenceContent;
  'evidence.cited': {
    proposalId: string;
    citedFrom: string;
    fromProposal: string;
  } & EvidenceContent;
  'evidence.corrected': {
    proposalId: string;
    corrects: string;
    reason: string;
    before: EvidenceContent;
    after: EvidenceContent;
  };
  'evidence.withdrawn': { proposalId: string; reason: string; kind: string; summary: string };
  'risk_note.added': { proposalId: string } & RiskRecord & { mitigation: string | null };
  'risk_note.updated': {
    proposalId: string;
    before: { status: string; mitigation: string | null };
    after: { status: string; mitigation: string | null };
  };
  'recommendation.set': { before: RecommendationRecord | null; after: RecommendationRecord };

  'approval_policy.set': {
    /** `passkeyRequiredFor`: which decisions need the approver's passkey (events recorded before passkeys lack it). */
    before: { version: number; steps: PolicyStepRecord[]; passkeyRequiredFor?: string };
    after: { version: number; steps: PolicyStepRecord[]; passkeyRequiredFor?: string };
  };
  'proposal.submitted': {
    from: string;
    to: string;
    round: number;
    policyVersion: number;
    revision: { number: number; contentHash: string };
    steps: { name: string; status: string; eligible: string[] }[];
  };
  'decision.recorded': {
    proposalId: string;
    step: string;
    round: number;
    outcome: string;
    comment: string | null;
    channel: string;
    revisionNumber: number;
    contentHash: string;
    approvals: { before: number; after: number; required: number };
    stepStatus: FromTo;
    proposalState: FromTo;
    /** The team's recommendation the decision went against (events before 2026 lack it). */
    againstTeam: (RecommendationRecord & { by: string; current: boolean }) | null;
    /** The risks an approval accepted (events before 2026 lack it). */
    acceptedRisks: ({ riskNoteId: string } & RiskRecord)[];
    override: {
      acknowledged: string[];
      recommendation: (RecommendationRecord & { by: string }) | null;
      openRisks: { category: string; likelihood: number; impact: number }[];
    } | null;
    seen: { revision: string; evidence: string; riskNotes: string };
    activatedStep: string | null;
    /** Only when the approver confirmed the decision with their passkey: the assertion. */
    passkey?: PasskeyAssertionRecord;
  };
  'step.reminded': { step: string; kind: string; dueAt: Date | null; waitingFor: string[] };
  'step.escalated': { step: string; deputies: string[]; required: number; status: string };
  'step.approver_removed': {
    proposalId: string;
    step: string;
    round: number;
    approverId: string;
    why: 'ROLES_CHANGED' | 'REMOVED' | 'DEACTIVATED';
    eligible: FromTo<string[]>;
    approvals: { count: number; required: number };
    stepStatus: FromTo;
    proposalState: FromTo;
    activatedStep: string | null;
    unsatisfiable: boolean;
  };
  'proposal.expired': { step: string; dueAt: Date | null; state: FromTo; why: string };
  'content_freeze.started': {
    reason: string;
    endsAt: Date | null;
    allowedUserIds: string[];
    unscheduled: { proposalId: string; publishAt: string | null }[];
  };
  'content_freeze.ended': {
    reason: string;
    startedAt: Date;
    endedAt: Date;
    automatic: boolean;
  };
  'proposal.unscheduled': {
    freezeId: string;
    reason: string;
    publishAt: Date | null;
    state: FromTo;
  };
  'proposal.scheduled': { publishAt: Date; afterFreeze: boolean };
  'proposal.published': { channel: string; url: string | null; contentHash: string; state: FromTo };
  'proposal.withdrawn': { reason: string; state: FromTo };
  'proposal.retracted': { reason: string; state: FromTo };

  'webhook_endpoint.registered': WebhookEndpointSettings & { secretGenerated: boolean };
  'webhook_endpoint.updated': {
    before: WebhookEndpointSettings;
    after: WebhookEndpointSettings;
    secretChanged: boolean;
  };
  'webhook_endpoint.deleted': WebhookEndpointSettings;
  'outbox.retried': {
    topic: string;
    channel: string;
    failedAttempts: number;
    lastError: string | null;
  };
  /** A member's calendar feed (recorded in each brand whose items it shows); never its secret. */
  'calendar_feed.created': { userId: string; replacedFeedId: string | null };
  'calendar_feed.revoked': { userId: string };
  /** An email, webhook or Teams card the outbox stopped trying to deliver (its row is DEAD). */
  'outbox.gave_up': {
    topic: string;
    channel: string;
    /** As the outbox admin view shows it: an address, a webhook's URL, a Teams workflow's host and hint. */
    recipient: string;
    attempts: number;
    /** The last error's first line, shortened. */
    lastError: string | null;
  };
  'teams_connection.set': {
    before: TeamsConnectionSettings | null;
    after: TeamsConnectionSettings;
  };
  'teams_connection.removed': TeamsConnectionSettings;
  /**
   * A publishing tool asked whether a text is approved words and was told no (the actor is who
   * asked). The entity id is the hash; the words themselves are not kept.
   */
  'publication.unapproved_content_reported': {
    channel: string;
    /** SHA-256 (hex) of the text as the content hash normalises it. */
    bodyHash: string;
  };
  /**
   * An OIDC provider configured or changed, recorded in each brand it serves or stopped serving
   * (`serves`); never its client secret, and not the other brands it serves.
   */
  'oidc_provider.set': {
    name: string;
    issuer: string;
    clientId: string;
    emailDomains: readonly string[];
    groupsClaim: string;
    serves: boolean;
    secretChanged: boolean;
  };
  /**
   * A SAML provider configured or changed, recorded in each brand it serves or stopped serving
   * (`serves`); its certificates by their SHA-256 fingerprints.
   */
  'saml_provider.set': {
    name: string;
    idpEntityId: string;
    idpSsoUrl: string;
    certificateFingerprints: readonly string[];
    emailDomains: readonly string[];
    emailAttribute: string | null;
    groupsAttribute: string;
    serves: boolean;
  };
  /** A brand requires (or stops requiring) sign-in through its provider (OIDC or SAML). */
  'sso_requirement.set': { required: boolean; providerName: string };
  /** A member signed in through the brand's identity provider (recorded in each brand it serves them). */
  'user.signed_in_with_sso': {
    userId: string;
    email: string;
    providerId: string;
    providerName: string;
  };
  /**
   * A sign-in's groups no longer gave ADMIN to the brand's last ADMIN: they keep it (`roles`, what
   * they hold now) rather than leave the brand without one; `groupsGive` is what the groups gave.
   */
  'sso.last_admin_kept': {
    userId: string;
    email: string;
    providerId: string;
    providerName: string;
    groupsGive: readonly string[];
    roles: readonly string[];
  };
  'slack.connected': SlackWorkspaceRecord;
  /** `unlinkedUsers`: the links that ended with the connection. */
  'slack.disconnected': SlackWorkspaceRecord & { unlinkedUsers: number };
  'slack.user_linked': SlackUserLinkRecord & { replacedUserId: string | null };
  /** `from`: the member themselves, from Standpoint or with `/standpoint unlink` in Slack. */
  'slack.user_unlinked': SlackUserLinkRecord & { from: 'STANDPOINT' | 'SLACK' };
  /** A brand's SCIM bearer token, made or replaced (never the token, only its label). */
  'scim_token.created': { label: string; replacedTokenId: string | null };
  'scim_token.revoked': { label: string };
  /** The roles an identity provider's group gives in the brand (entity: the mapping). */
  'group_roles.set': { group: string; before: readonly string[] | null; after: readonly string[] };
  'group_roles.removed': { group: string; roles: readonly string[] };
  /**
   * A user the brand's identity provider provisions through SCIM (their membership's own events
   * say what they may do); `adopted` when they were a member already.
   */
  'scim_user.provisioned': { userId: string; email: string; adopted: boolean } & ScimUserRecord;
  'scim_user.updated': { userId: string; before: ScimUserRecord; after: ScimUserRecord };
  'scim_user.deleted': { userId: string; email: string };
  'scim_group.created': ScimGroupRecord;
  'scim_group.updated': { before: ScimGroupRecord; after: ScimGroupRecord };
  'scim_group.deleted': ScimGroupRecord;
}
