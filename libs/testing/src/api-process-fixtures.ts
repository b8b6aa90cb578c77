import { graphqlData } from './graphql-data';

// Fixtures for API processes the test reaches only over HTTP (startApiProcesses): what Fixtures
// makes through a TestApp, here through the GraphQL API of the instance at `url` alone.

/** A token for the user, from a login on the instance. */
export async function loginAt(url: string, email: string, password: string): Promise<string> {
  const data = await graphqlData(
    url,
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: password },
  );
  return data.login.token as string;
}

/** A new brand, made by the platform administrator; answers its id. */
export async function createBrandAt(
  url: string,
  adminToken: string,
  name: string,
  slug: string,
): Promise<string> {
  const data = await graphqlData(
    url,
    'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
    { input: { name, slug } },
    adminToken,
  );
  return data.createBrand.id as string;
}

/**
 * The user of `email` added to the brand with `roles`, by the platform administrator; answers their
 * id. A new user without a password is sent a welcome email with a link to choose one.
 */
export async function addMemberAt(
  url: string,
  adminToken: string,
  brandId: string,
  member: { email: string; roles: string[]; password?: string },
): Promise<string> {
  const data = await graphqlData(
    url,
    'mutation ($input: AddMemberInput!) { addMember(input: $input) { user { id } } }',
    { input: { brandId, name: member.email, ...member } },
    adminToken,
  );
  return data.addMember.user.id as string;
}

/** Sets the brand's approval policy (PolicyStepInput objects), as the platform administrator. */
export async function setApprovalPolicyAt(
  url: string,
  adminToken: string,
  brandId: string,
  steps: Record<string, unknown>[],
): Promise<void> {
  await graphqlData(
    url,
    'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
    { input: { brandId, steps } },
    adminToken,
  );
}

/** A new routine statement in DRAFT with one X draft; answers its id. */
export async function createProposalAt(
  url: string,
  token: string,
  brandId: string,
  title: string,
  decisionDeadline?: Date,
): Promise<string> {
  const data = await graphqlData(
    url,
    'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
    {
      input: {
        brandId,
        title,
        issue: 'Climate',
        stanceType: 'STATEMENT',
        urgency: 'ROUTINE',
        drafts: [{ channel: 'X', body: `Words for ${title}` }],
        ...(decisionDeadline ? { decisionDeadline: decisionDeadline.toISOString() } : {}),
      },
    },
    token,
  );
  return data.createProposal.id as string;
}

/**
 * Evidence and a PROCEED recommendation on the proposal, then its submission, each a request of
 * its own as the social team makes them; fails unless the proposal is then IN_REVIEW.
 */
export async function submitForReviewAt(
  url: string,
  token: string,
  proposalId: string,
): Promise<void> {
  await graphqlData(
    url,
    'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
    { input: { proposalId, kind: 'EMPLOYEE_SENTIMENT', summary: 'Staff support it' } },
    token,
  );
  await graphqlData(
    url,
    'mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id } }',
    { input: { proposalId, recommendation: 'PROCEED', rationale: 'Clear support' } },
    token,
  );
  const data = await graphqlData(
    url,
    'mutation ($id: ID!) { submitProposal(proposalId: $id) { __typename ... on Proposal { state } } }',
    { id: proposalId },
    token,
  );
  expect(data.submitProposal).toEqual({ __typename: 'Proposal', state: 'IN_REVIEW' });
}
