/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The detail object matching kind is required; the others must be absent. */
export type AddEvidenceInput = {
  capturedAt?: string | null | undefined;
  comment?: AudienceCommentInput | null | undefined;
  kind: EvidenceKind;
  listening?: ListeningSnapshotInput | null | undefined;
  peerExample?: PeerBrandExampleInput | null | undefined;
  proposalId: string;
  /** Required for POST_PUBLISH_REACTION evidence. */
  reaction?: PostPublishReactionInput | null | undefined;
  sourceUrl?: string | null | undefined;
  summary: string;
  survey?: SurveyStatInput | null | undefined;
};

export type AudienceCommentInput = {
  platform?: string | null | undefined;
  quote: string;
};

export type Channel =
  | 'BLUESKY'
  | 'FACEBOOK'
  | 'INSTAGRAM'
  | 'LINKEDIN'
  | 'THREADS'
  | 'TIKTOK'
  | 'X';

export type ChannelDraftInput = {
  body: string;
  channel: Channel;
  mediaUrls?: Array<string> | null | undefined;
};

export type CreateProposalInput = {
  brandId: string;
  decisionDeadline?: string | null | undefined;
  drafts: Array<ChannelDraftInput>;
  issue: string;
  stanceType: StanceType;
  title: string;
  urgency: Urgency;
};

export type DecideInput = {
  /** Required (true), with a comment, to approve against a HOLD / DO_NOT_POST recommendation or while a HIGH or CRITICAL risk is open. */
  acknowledgeRisks?: boolean | null | undefined;
  comment?: string | null | undefined;
  /** The content hash of the revision that the approver reviewed. */
  contentHash: string;
  outcome: DecisionOutcome;
  /** navigator.credentials.get's answer to decisionPasskeyChallenge for this very decision, as JSON (PublicKeyCredential.toJSON(), or @simplewebauthn/browser's startAuthentication). Required when the brand's policy asks for it (passkeyRequiredFor). */
  passkeyAssertion?: string | null | undefined;
  proposalId: string;
};

export type DecisionChannel =
  | 'API'
  | 'EMAIL_LINK'
  | 'SLACK';

export type DecisionOutcome =
  | 'APPROVE'
  | 'REJECT'
  | 'REQUEST_CHANGES';

/** What a line of the decision record tells. */
export type DecisionRecordLineKind =
  | 'COMMENT'
  | 'DECISION'
  | 'ESCALATION'
  | 'EVIDENCE'
  | 'EXPIRY'
  | 'FREEZE'
  | 'PROPOSED'
  | 'PUBLICATION'
  | 'RECOMMENDATION'
  | 'REMINDER'
  | 'RETRACTION'
  | 'REVISED'
  | 'RISK_NOTE'
  | 'SCHEDULING'
  | 'SUBMITTED'
  | 'WITHDRAWAL';

export type ErrorCode =
  | 'ACKNOWLEDGEMENT_REQUIRED'
  | 'ALREADY_DECIDED'
  | 'CONTENT_FREEZE_ACTIVE'
  | 'INCOMPLETE_PROPOSAL'
  | 'INVALID_TRANSITION'
  | 'NOT_AN_APPROVER'
  | 'PASSKEY_REFUSED'
  | 'PASSKEY_REQUIRED'
  | 'SELF_APPROVAL'
  | 'STALE_REVISION'
  | 'VERSION_CONFLICT';

export type EvidenceKind =
  | 'AUDIENCE_COMMENT'
  | 'EMPLOYEE_SENTIMENT'
  | 'LISTENING_SNAPSHOT'
  | 'NEWS_COVERAGE'
  | 'PEER_BRAND_EXAMPLE'
  | 'POST_PUBLISH_REACTION'
  | 'SURVEY_STAT';

/** ACTIVE evidence counts; CORRECTED and WITHDRAWN evidence is kept as history. */
export type EvidenceStatus =
  | 'ACTIVE'
  | 'CORRECTED'
  | 'WITHDRAWN';

export type ListeningSnapshotInput = {
  mentionCount: number;
  negativeShare: number;
  neutralShare: number;
  periodEnd: string;
  periodStart: string;
  positiveShare: number;
  query: string;
};

export type PeerBrandExampleInput = {
  action: string;
  peerBrand: string;
  reception: PeerReception;
};

export type PeerReception =
  | 'BOYCOTTED'
  | 'CALLED_OUT_PERFORMATIVE'
  | 'CRITICIZED'
  | 'MIXED'
  | 'PRAISED';

export type PostPublishReactionInput = {
  /** How our published post was received. */
  reception: PeerReception;
};

export type ProposalState =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'DRAFT'
  | 'EXPIRED'
  | 'IN_REVIEW'
  | 'PUBLISHED'
  | 'REJECTED'
  | 'RETRACTED'
  | 'SCHEDULED'
  | 'WITHDRAWN';

export type Recommendation =
  | 'DO_NOT_POST'
  | 'HOLD'
  | 'PROCEED'
  | 'PROCEED_WITH_CHANGES';

export type RiskCategory =
  | 'BACKLASH'
  | 'BRAND_INCONSISTENCY'
  | 'EMPLOYEE_RELATIONS'
  | 'LEGAL_REGULATORY'
  | 'MISINFORMATION'
  | 'OTHER'
  | 'PERFORMATIVE_ALLYSHIP'
  | 'SAFETY'
  | 'SILENCE_RISK';

export type RiskStatus =
  | 'ACCEPTED'
  | 'MITIGATED'
  | 'OPEN';

export type Role =
  | 'ADMIN'
  | 'APPROVER'
  | 'AUDITOR'
  | 'CONTRIBUTOR'
  | 'REVIEWER'
  | 'SOCIAL_MANAGER';

export type SetRecommendationInput = {
  proposalId: string;
  rationale: string;
  recommendation: Recommendation;
};

export type Severity =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type StanceType =
  | 'ACTION_ANNOUNCEMENT'
  | 'CAMPAIGN_PAUSE'
  | 'DONATION'
  | 'NO_PUBLIC_STATEMENT'
  | 'RESPONSE'
  | 'STATEMENT';

export type StepStatus =
  | 'ACTIVE'
  | 'BLOCKED'
  | 'EXPIRED'
  | 'SATISFIED'
  | 'SKIPPED'
  | 'WAITING';

export type SurveyStatInput = {
  sampleSize?: number | null | undefined;
  source: string;
  /** A percentage, 0 to 100. */
  statistic: number;
};

export type Urgency =
  | 'CRISIS'
  | 'ELEVATED'
  | 'ROUTINE';

export type AddEvidenceMutationVariables = Exact<{
  input: AddEvidenceInput;
}>;


export type AddEvidenceMutation = { addEvidence:
    | { id: string, kind: EvidenceKind, status: EvidenceStatus }
    | { id: string, kind: EvidenceKind, status: EvidenceStatus }
    | { id: string, kind: EvidenceKind, status: EvidenceStatus }
    | { id: string, kind: EvidenceKind, status: EvidenceStatus }
    | { id: string, kind: EvidenceKind, status: EvidenceStatus }
    | { statistic: number, sampleSize: number | null, source: string, id: string, kind: EvidenceKind, status: EvidenceStatus }
   };

export type CreateProposalMutationVariables = Exact<{
  input: CreateProposalInput;
}>;


export type CreateProposalMutation = { createProposal: { id: string, state: ProposalState, version: number, currentRevision: { number: number, contentHash: string, drafts: Array<{ channel: Channel, length: number, limit: number }> } } };

export type DecideMutationVariables = Exact<{
  input: DecideInput;
}>;


export type DecideMutation = { decide:
    | { __typename: 'AcknowledgementRequiredError', errorCode: ErrorCode, message: string }
    | { __typename: 'AlreadyDecidedError', errorCode: ErrorCode, message: string }
    | { __typename: 'Decision', id: string, outcome: DecisionOutcome, channel: DecisionChannel, overridesRecommendation: boolean, acknowledgedReasons: Array<string>, approver: { email: string } }
    | { __typename: 'InvalidTransitionError', errorCode: ErrorCode, message: string }
    | { __typename: 'NotAnApproverError', errorCode: ErrorCode, message: string }
    | { __typename: 'PasskeyRefusedError', errorCode: ErrorCode, message: string }
    | { __typename: 'PasskeyRequiredError', errorCode: ErrorCode, message: string }
    | { __typename: 'SelfApprovalError', errorCode: ErrorCode, message: string }
    | { __typename: 'StaleRevisionError', errorCode: ErrorCode, message: string }
   };

export type DecisionRecordQueryVariables = Exact<{
  id: string;
}>;


export type DecisionRecordQuery = { proposal: { decisionRecord: { proposalId: string, title: string, state: ProposalState, lines: Array<{ seq: number, hash: string, at: string, kind: DecisionRecordLineKind, action: string, actorLabel: string, summary: string, decision: { approverLabel: string, outcome: string, contentHash: string } | null }> } } | null };

export type DossierQueryVariables = Exact<{
  brandId: string;
}>;


export type DossierQuery = { proposals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, issue: string, state: ProposalState, urgency: Urgency, stanceType: StanceType, decisionDeadline: string | null, riskScore: number, riskMatrix: Array<Array<number>>, author: { name: string }, currentRevision: { number: number, contentHash: string, drafts: Array<{ channel: Channel, body: string, length: number, limit: number, mediaUrls: Array<string> }> }, evidence: Array<
          | { id: string, kind: EvidenceKind, summary: string, sourceUrl: string | null, addedBy: { name: string } }
          | { id: string, kind: EvidenceKind, summary: string, sourceUrl: string | null, addedBy: { name: string } }
          | { id: string, kind: EvidenceKind, summary: string, sourceUrl: string | null, addedBy: { name: string } }
          | { id: string, kind: EvidenceKind, summary: string, sourceUrl: string | null, addedBy: { name: string } }
          | { id: string, kind: EvidenceKind, summary: string, sourceUrl: string | null, addedBy: { name: string } }
          | { statistic: number, source: string, id: string, kind: EvidenceKind, summary: string, sourceUrl: string | null, addedBy: { name: string } }
        >, riskNotes: Array<{ category: RiskCategory, likelihood: number, impact: number, score: number, severity: Severity, status: RiskStatus, mitigation: string | null, author: { name: string } }>, recommendation: { recommendation: Recommendation, rationale: string, current: boolean, by: { name: string } } | null, approvalSteps: Array<{ name: string, status: StepStatus, requiredApprovals: number, approvals: number, dueAt: string | null, eligibleApprovers: Array<{ name: string }> }>, decisions: Array<{ outcome: DecisionOutcome, step: string, comment: string | null, stale: boolean, decidedAt: string, approver: { name: string } }>, comments: Array<{ body: string, createdAt: string, author: { name: string } }> } }> } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, user: { id: string, email: string } } };

export type ProposalToDecideQueryVariables = Exact<{
  id: string;
}>;


export type ProposalToDecideQuery = { proposal: { title: string, state: ProposalState, currentRevision: { contentHash: string, drafts: Array<{ channel: Channel, body: string }> }, recommendation: { recommendation: Recommendation, rationale: string } | null } | null };

export type SetRecommendationMutationVariables = Exact<{
  input: SetRecommendationInput;
}>;


export type SetRecommendationMutation = { setRecommendation: { recommendation: { recommendation: Recommendation, revisionNumber: number, current: boolean } | null } };

export type SubmitProposalMutationVariables = Exact<{
  proposalId: string;
}>;


export type SubmitProposalMutation = { submitProposal:
    | { __typename: 'ContentFreezeActiveError', errorCode: ErrorCode, message: string }
    | { __typename: 'IncompleteProposalError', missing: Array<string>, errorCode: ErrorCode, message: string }
    | { __typename: 'InvalidTransitionError', errorCode: ErrorCode, message: string }
    | { __typename: 'Proposal', state: ProposalState }
    | { __typename: 'VersionConflictError', errorCode: ErrorCode, message: string }
   };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, email: string, name: string, memberships: Array<{ roles: Array<Role>, brand: { id: string, slug: string } }> } };


export const AddEvidenceDocument = {"__meta__":{"hash":"sha256:536e77c7f7599f30ab06b132078e2328248723323903cd23e19df5d7a4c7e76d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddEvidence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddEvidenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addEvidence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SurveyStat"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistic"}},{"kind":"Field","name":{"kind":"Name","value":"sampleSize"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]} as unknown as DocumentNode<AddEvidenceMutation, AddEvidenceMutationVariables>;
export const CreateProposalDocument = {"__meta__":{"hash":"sha256:e8b1ef35df44b72eb3f5d476ce1df88fa544dc185b1da4ae69c88f2fb9d62331"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currentRevision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"length"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateProposalMutation, CreateProposalMutationVariables>;
export const DecideDocument = {"__meta__":{"hash":"sha256:9a0d1af7d01d1f20eef5b895f295e9d11fe4acb1094aaac110888f8d0f65dad0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Decide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decide"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Decision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"overridesRecommendation"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedReasons"}},{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DecideMutation, DecideMutationVariables>;
export const DecisionRecordDocument = {"__meta__":{"hash":"sha256:efc476640a45bb6882468cba6f051aba60e7a5806cc3b41c8d3354ec5a1b7ab7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approverLabel"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecisionRecordQuery, DecisionRecordQueryVariables>;
export const DossierDocument = {"__meta__":{"hash":"sha256:b4de3e0fc9563005cc252655b88a9d9ad456119e4a8f3b269934cf3aa1b055cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dossier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"brandId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"brandId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"brandId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"issue"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"stanceType"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"riskScore"}},{"kind":"Field","name":{"kind":"Name","value":"riskMatrix"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentRevision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"length"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"mediaUrls"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SurveyStat"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistic"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"likelihood"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mitigation"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"rationale"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvalSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requiredApprovals"}},{"kind":"Field","name":{"kind":"Name","value":"approvals"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleApprovers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DossierQuery, DossierQueryVariables>;
export const LoginDocument = {"__meta__":{"hash":"sha256:67adb81d8b2d3bfe2e8e8eeda99776109744863a45bd25d6ce19abc883af7173"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const ProposalToDecideDocument = {"__meta__":{"hash":"sha256:bff90f8adc8c429abdc093b525ecf155b16a5c9b8612e5f7fe3709570361b1e4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProposalToDecide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"currentRevision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"drafts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"rationale"}}]}}]}}]}}]} as unknown as DocumentNode<ProposalToDecideQuery, ProposalToDecideQueryVariables>;
export const SetRecommendationDocument = {"__meta__":{"hash":"sha256:6de07bb2ffc51bb4b899902551b3d867726933ae517cdd8b87ad5a9a2b412669"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRecommendation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetRecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"revisionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]}}]}}]} as unknown as DocumentNode<SetRecommendationMutation, SetRecommendationMutationVariables>;
export const SubmitProposalDocument = {"__meta__":{"hash":"sha256:1f1357cebaacda59347ef2e6c3fc1f456e7ef9ce8ca6bd11bddb938144750cd6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Proposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncompleteProposalError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitProposalMutation, SubmitProposalMutationVariables>;
export const ViewerDocument = {"__meta__":{"hash":"sha256:1e52568d6bdd4181820edec326a6177cd760b4488083b4dd49198c117f2b49fb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;