import { GraphQLClient } from './client';
import {
  AddEvidenceDocument,
  CreateProposalDocument,
  DecideDocument,
  DecisionRecordDocument,
  LoginDocument,
  ProposalToDecideDocument,
  SetRecommendationDocument,
  SubmitProposalDocument,
  ViewerDocument,
  type DecisionRecordQuery,
} from './gql/graphql';

export interface Account {
  email: string;
  password: string;
}

export interface FirstDecisionOptions {
  /** The server's address, such as http://localhost:3000. */
  baseUrl: string;
  /** The brand's slug; the manager proposes in it and the approver decides in it. */
  brandSlug: string;
  /** A SOCIAL_MANAGER of the brand. */
  manager: Account;
  /** An APPROVER of the brand (another person: nobody approves their own proposal). */
  approver: Account;
  /** Send the operations' hashes instead of their text (a server with trusted documents). */
  trustedDocuments?: boolean;
}

export type DecisionRecord = NonNullable<DecisionRecordQuery['proposal']>['decisionRecord'];

/**
 * The story of a first decision: the social manager proposes a post for X with its evidence and
 * the team's recommendation and submits it; the approver reads it and approves the words read;
 * the manager reads the decision record.
 */
export async function firstDecision(options: FirstDecisionOptions): Promise<DecisionRecord> {
  const api = new GraphQLClient({
    baseUrl: options.baseUrl,
    trustedDocuments: options.trustedDocuments,
  });
  const manager = await signIn(api, options.manager);
  const brandId = await brandOf(manager, options.brandSlug);

  const { createProposal: proposal } = await manager.request(CreateProposalDocument, {
    input: {
      brandId,
      title: 'Close early for the climate march',
      issue: 'Climate',
      stanceType: 'ACTION_ANNOUNCEMENT',
      urgency: 'ELEVATED',
      drafts: [
        {
          channel: 'X',
          body: 'Our stores close at noon on Friday so our teams can join the climate march.',
        },
      ],
    },
  });
  await manager.request(AddEvidenceDocument, {
    input: {
      proposalId: proposal.id,
      kind: 'SURVEY_STAT',
      summary: '70% of consumers want brands to take a stand',
      survey: { statistic: 70, sampleSize: 2000, source: 'Consumer trust survey 2025' },
    },
  });
  await manager.request(SetRecommendationDocument, {
    input: { proposalId: proposal.id, recommendation: 'PROCEED', rationale: 'Our teams asked' },
  });
  const { submitProposal: submitted } = await manager.request(SubmitProposalDocument, {
    proposalId: proposal.id,
  });
  if (submitted.__typename !== 'Proposal') {
    throw new Error(`submitProposal answered ${submitted.__typename}: ${submitted.message}`);
  }

  const approver = await signIn(api, options.approver);
  const { proposal: toDecide } = await approver.request(ProposalToDecideDocument, {
    id: proposal.id,
  });
  if (!toDecide) throw new Error(`The approver cannot see proposal ${proposal.id}.`);
  const { decide: decision } = await approver.request(DecideDocument, {
    input: {
      proposalId: proposal.id,
      outcome: 'APPROVE',
      contentHash: toDecide.currentRevision.contentHash,
      comment: 'The march is on our values page; we go ahead',
    },
  });
  if (decision.__typename !== 'Decision') {
    throw new Error(`decide answered ${decision.__typename}: ${decision.message}`);
  }

  const { proposal: decided } = await manager.request(DecisionRecordDocument, {
    id: proposal.id,
  });
  if (!decided) throw new Error(`The manager cannot see proposal ${proposal.id}.`);
  return decided.decisionRecord;
}

async function signIn(api: GraphQLClient, account: Account): Promise<GraphQLClient> {
  const { login } = await api.request(LoginDocument, account);
  return api.withToken(login.token);
}

async function brandOf(member: GraphQLClient, slug: string): Promise<string> {
  const { viewer } = await member.request(ViewerDocument);
  const membership = viewer.memberships.find(({ brand }) => brand.slug === slug);
  if (!membership) throw new Error(`${viewer.email} is not a member of the brand ${slug}.`);
  return membership.brand.id;
}
