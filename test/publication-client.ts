import { ProposalOptions, TestAppHandle } from '@standpoint/testing';

// What the publication specs send and read, as a client would: shared by
// publication.e2e-spec.ts and publication-lifecycle.e2e-spec.ts.

export const RESULT = `__typename
  ... on Proposal { id state version publishAt currentRevision { number contentHash } }
  ... on ErrorResult { errorCode message }
  ... on InvalidTransitionError { fromState transition }
  ... on ContentFreezeActiveError { freeze { reason allowedUsers { id } } }`;
export const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename
  ... on Decision { id step outcome stale }
  ... on ErrorResult { errorCode message }
  ... on InvalidTransitionError { fromState transition }
} }`;
export const READ = `query ($id: ID!) { proposal(id: $id) {
  state version publishAt currentRevision { number contentHash }
  recommendation { current }
  approvalSteps { name order status requiredApprovals approvals eligibleApprovers { id } }
  decisions { step outcome stale revisionNumber approver { id } }
} }`;
export const FREEZE = `query ($id: ID!) { brand(id: $id) {
  contentFreeze { reason allowedUsers { id } startedBy { id } }
} }`;

export const X_WORDS = 'Our stores are open as shelters tonight.';
export const LINKEDIN_WORDS =
  'Tonight every one of our stores is open as a shelter. Here is how we staff them.';
/** Every proposal of these tests: drafts on X and LinkedIn. */
export const SHELTERS: ProposalOptions = {
  title: 'Shelters tonight',
  issue: 'Flood relief',
  stanceType: 'ACTION_ANNOUNCEMENT',
  urgency: 'ELEVATED',
  drafts: [
    { channel: 'X', body: X_WORDS },
    { channel: 'LINKEDIN', body: LINKEDIN_WORDS },
  ],
};
export const URL_OF: Record<string, string> = {
  X: 'https://x.example.com/brand/status/1',
  LINKEDIN: 'https://www.linkedin.example.com/posts/brand-1',
};
export const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

export interface Step {
  name: string;
  order: number;
  status: string;
  requiredApprovals: number;
  approvals: number;
  eligibleApprovers: { id: string }[];
}
export interface Read {
  state: string;
  version: number;
  publishAt: string | null;
  currentRevision: { number: number; contentHash: string };
  recommendation: { current: boolean } | null;
  approvalSteps: Step[];
  decisions: {
    step: string;
    outcome: string;
    stale: boolean;
    revisionNumber: number;
    approver: { id: string };
  }[];
}

/** The publication operations of the API, sent with `app`'s client. */
export function publicationClient(app: TestAppHandle) {
  const read = async (proposalId: string, token: string): Promise<Read> =>
    (await app.data(READ, { id: proposalId }, token)).proposal;
  const chain = (brandId: string) => app.auditChain(brandId);

  const mutation =
    (name: string, inputType: string) => (input: Record<string, unknown>, token: string) =>
      app.gql(
        `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} } }`,
        { input },
        token,
      );
  const scheduleRaw = mutation('schedule', 'ScheduleInput');
  const markPublishedRaw = mutation('markPublished', 'MarkPublishedInput');
  const withdrawRaw = mutation('withdraw', 'ReasonInput');
  const retractRaw = mutation('retract', 'ReasonInput');
  const reviseRaw = mutation('reviseProposal', 'ReviseProposalInput');
  const submitRaw = (proposalId: string, token: string) =>
    app.gql(
      `mutation ($id: ID!) { submitProposal(proposalId: $id) { ${RESULT} } }`,
      { id: proposalId },
      token,
    );

  const schedule = (proposalId: string, token: string) =>
    scheduleRaw({ proposalId, publishAt: tomorrow() }, token);
  const markPublished = (
    proposalId: string,
    channel: string,
    token: string,
    url = URL_OF[channel],
  ) => markPublishedRaw({ proposalId, channel, url }, token);
  const withdraw = (proposalId: string, token: string, reason = 'The moment has passed') =>
    withdrawRaw({ proposalId, reason }, token);
  const retract = (proposalId: string, token: string, reason = 'We got a fact wrong') =>
    retractRaw({ proposalId, reason }, token);
  const startFreeze = (
    brandId: string,
    token: string,
    allowUserIds?: string[],
    reason = 'A crisis',
  ) =>
    app.gql(
      `mutation ($input: StartContentFreezeInput!) { startContentFreeze(input: $input) { contentFreeze { reason } } }`,
      { input: { brandId, reason, ...(allowUserIds ? { allowUserIds } : {}) } },
      token,
    );
  const endFreeze = (brandId: string, token: string) =>
    app.gql(
      `mutation ($id: ID!) { endContentFreeze(brandId: $id) { contentFreeze { reason } } }`,
      { id: brandId },
      token,
    );
  const answerOf = (response: { data?: Record<string, any> | null; errors?: unknown[] }) => {
    expect(response.errors).toBeUndefined();
    return Object.values(response.data!)[0];
  };
  return {
    read,
    chain,
    reviseRaw,
    submitRaw,
    schedule,
    markPublished,
    withdraw,
    retract,
    startFreeze,
    endFreeze,
    answerOf,
  };
}
