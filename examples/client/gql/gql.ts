/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddEvidence($input: AddEvidenceInput!) {\n  addEvidence(input: $input) {\n    id\n    kind\n    status\n    ... on SurveyStat {\n      statistic\n      sampleSize\n      source\n    }\n  }\n}": typeof types.AddEvidenceDocument,
    "mutation CreateProposal($input: CreateProposalInput!) {\n  createProposal(input: $input) {\n    id\n    state\n    version\n    currentRevision {\n      number\n      contentHash\n      drafts {\n        channel\n        length\n        limit\n      }\n    }\n  }\n}": typeof types.CreateProposalDocument,
    "mutation Decide($input: DecideInput!) {\n  decide(input: $input) {\n    __typename\n    ... on Decision {\n      id\n      outcome\n      channel\n      overridesRecommendation\n      acknowledgedReasons\n      approver {\n        email\n      }\n    }\n    ... on ErrorResult {\n      errorCode\n      message\n    }\n  }\n}": typeof types.DecideDocument,
    "query DecisionRecord($id: ID!) {\n  proposal(id: $id) {\n    decisionRecord {\n      proposalId\n      title\n      state\n      lines {\n        seq\n        hash\n        at\n        kind\n        action\n        actorLabel\n        summary\n        decision {\n          approverLabel\n          outcome\n          contentHash\n        }\n      }\n    }\n  }\n}": typeof types.DecisionRecordDocument,
    "query Dossier($brandId: ID!) {\n  proposals(brandId: $brandId, first: 20) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        issue\n        state\n        urgency\n        stanceType\n        decisionDeadline\n        riskScore\n        riskMatrix\n        author {\n          name\n        }\n        currentRevision {\n          number\n          contentHash\n          drafts {\n            channel\n            body\n            length\n            limit\n            mediaUrls\n          }\n        }\n        evidence {\n          id\n          kind\n          summary\n          sourceUrl\n          addedBy {\n            name\n          }\n          ... on SurveyStat {\n            statistic\n            source\n          }\n        }\n        riskNotes {\n          category\n          likelihood\n          impact\n          score\n          severity\n          status\n          mitigation\n          author {\n            name\n          }\n        }\n        recommendation {\n          recommendation\n          rationale\n          current\n          by {\n            name\n          }\n        }\n        approvalSteps {\n          name\n          status\n          requiredApprovals\n          approvals\n          dueAt\n          eligibleApprovers {\n            name\n          }\n        }\n        decisions {\n          outcome\n          step\n          comment\n          stale\n          decidedAt\n          approver {\n            name\n          }\n        }\n        comments {\n          body\n          createdAt\n          author {\n            name\n          }\n        }\n      }\n    }\n  }\n}": typeof types.DossierDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    user {\n      id\n      email\n    }\n  }\n}": typeof types.LoginDocument,
    "query ProposalToDecide($id: ID!) {\n  proposal(id: $id) {\n    title\n    state\n    currentRevision {\n      contentHash\n      drafts {\n        channel\n        body\n      }\n    }\n    recommendation {\n      recommendation\n      rationale\n    }\n  }\n}": typeof types.ProposalToDecideDocument,
    "mutation SetRecommendation($input: SetRecommendationInput!) {\n  setRecommendation(input: $input) {\n    recommendation {\n      recommendation\n      revisionNumber\n      current\n    }\n  }\n}": typeof types.SetRecommendationDocument,
    "mutation SubmitProposal($proposalId: ID!) {\n  submitProposal(proposalId: $proposalId) {\n    __typename\n    ... on Proposal {\n      state\n    }\n    ... on IncompleteProposalError {\n      missing\n    }\n    ... on ErrorResult {\n      errorCode\n      message\n    }\n  }\n}": typeof types.SubmitProposalDocument,
    "query Viewer {\n  viewer {\n    id\n    email\n    name\n    memberships {\n      roles\n      brand {\n        id\n        slug\n      }\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "mutation AddEvidence($input: AddEvidenceInput!) {\n  addEvidence(input: $input) {\n    id\n    kind\n    status\n    ... on SurveyStat {\n      statistic\n      sampleSize\n      source\n    }\n  }\n}": types.AddEvidenceDocument,
    "mutation CreateProposal($input: CreateProposalInput!) {\n  createProposal(input: $input) {\n    id\n    state\n    version\n    currentRevision {\n      number\n      contentHash\n      drafts {\n        channel\n        length\n        limit\n      }\n    }\n  }\n}": types.CreateProposalDocument,
    "mutation Decide($input: DecideInput!) {\n  decide(input: $input) {\n    __typename\n    ... on Decision {\n      id\n      outcome\n      channel\n      overridesRecommendation\n      acknowledgedReasons\n      approver {\n        email\n      }\n    }\n    ... on ErrorResult {\n      errorCode\n      message\n    }\n  }\n}": types.DecideDocument,
    "query DecisionRecord($id: ID!) {\n  proposal(id: $id) {\n    decisionRecord {\n      proposalId\n      title\n      state\n      lines {\n        seq\n        hash\n        at\n        kind\n        action\n        actorLabel\n        summary\n        decision {\n          approverLabel\n          outcome\n          contentHash\n        }\n      }\n    }\n  }\n}": types.DecisionRecordDocument,
    "query Dossier($brandId: ID!) {\n  proposals(brandId: $brandId, first: 20) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        issue\n        state\n        urgency\n        stanceType\n        decisionDeadline\n        riskScore\n        riskMatrix\n        author {\n          name\n        }\n        currentRevision {\n          number\n          contentHash\n          drafts {\n            channel\n            body\n            length\n            limit\n            mediaUrls\n          }\n        }\n        evidence {\n          id\n          kind\n          summary\n          sourceUrl\n          addedBy {\n            name\n          }\n          ... on SurveyStat {\n            statistic\n            source\n          }\n        }\n        riskNotes {\n          category\n          likelihood\n          impact\n          score\n          severity\n          status\n          mitigation\n          author {\n            name\n          }\n        }\n        recommendation {\n          recommendation\n          rationale\n          current\n          by {\n            name\n          }\n        }\n        approvalSteps {\n          name\n          status\n          requiredApprovals\n          approvals\n          dueAt\n          eligibleApprovers {\n            name\n          }\n        }\n        decisions {\n          outcome\n          step\n          comment\n          stale\n          decidedAt\n          approver {\n            name\n          }\n        }\n        comments {\n          body\n          createdAt\n          author {\n            name\n          }\n        }\n      }\n    }\n  }\n}": types.DossierDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    user {\n      id\n      email\n    }\n  }\n}": types.LoginDocument,
    "query ProposalToDecide($id: ID!) {\n  proposal(id: $id) {\n    title\n    state\n    currentRevision {\n      contentHash\n      drafts {\n        channel\n        body\n      }\n    }\n    recommendation {\n      recommendation\n      rationale\n    }\n  }\n}": types.ProposalToDecideDocument,
    "mutation SetRecommendation($input: SetRecommendationInput!) {\n  setRecommendation(input: $input) {\n    recommendation {\n      recommendation\n      revisionNumber\n      current\n    }\n  }\n}": types.SetRecommendationDocument,
    "mutation SubmitProposal($proposalId: ID!) {\n  submitProposal(proposalId: $proposalId) {\n    __typename\n    ... on Proposal {\n      state\n    }\n    ... on IncompleteProposalError {\n      missing\n    }\n    ... on ErrorResult {\n      errorCode\n      message\n    }\n  }\n}": types.SubmitProposalDocument,
    "query Viewer {\n  viewer {\n    id\n    email\n    name\n    memberships {\n      roles\n      brand {\n        id\n        slug\n      }\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddEvidence($input: AddEvidenceInput!) {\n  addEvidence(input: $input) {\n    id\n    kind\n    status\n    ... on SurveyStat {\n      statistic\n      sampleSize\n      source\n    }\n  }\n}"): (typeof documents)["mutation AddEvidence($input: AddEvidenceInput!) {\n  addEvidence(input: $input) {\n    id\n    kind\n    status\n    ... on SurveyStat {\n      statistic\n      sampleSize\n      source\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateProposal($input: CreateProposalInput!) {\n  createProposal(input: $input) {\n    id\n    state\n    version\n    currentRevision {\n      number\n      contentHash\n      drafts {\n        channel\n        length\n        limit\n      }\n    }\n  }\n}"): (typeof documents)["mutation CreateProposal($input: CreateProposalInput!) {\n  createProposal(input: $input) {\n    id\n    state\n    version\n    currentRevision {\n      number\n      contentHash\n      drafts {\n        channel\n        length\n        limit\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Decide($input: DecideInput!) {\n  decide(input: $input) {\n    __typename\n    ... on Decision {\n      id\n      outcome\n      channel\n      overridesRecommendation\n      acknowledgedReasons\n      approver {\n        email\n      }\n    }\n    ... on ErrorResult {\n      errorCode\n      message\n    }\n  }\n}"): (typeof documents)["mutation Decide($input: DecideInput!) {\n  decide(input: $input) {\n    __typename\n    ... on Decision {\n      id\n      outcome\n      channel\n      overridesRecommendation\n      acknowledgedReasons\n      approver {\n        email\n      }\n    }\n    ... on ErrorResult {\n      errorCode\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DecisionRecord($id: ID!) {\n  proposal(id: $id) {\n    decisionRecord {\n      proposalId\n      title\n      state\n      lines {\n        seq\n        hash\n        at\n        kind\n        action\n        actorLabel\n        summary\n        decision {\n          approverLabel\n          outcome\n          contentHash\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query DecisionRecord($id: ID!) {\n  proposal(id: $id) {\n    decisionRecord {\n      proposalId\n      title\n      state\n      lines {\n        seq\n        hash\n        at\n        kind\n        action\n        actorLabel\n        summary\n        decision {\n          approverLabel\n          outcome\n          contentHash\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dossier($brandId: ID!) {\n  proposals(brandId: $brandId, first: 20) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        issue\n        state\n        urgency\n        stanceType\n        decisionDeadline\n        riskScore\n        riskMatrix\n        author {\n          name\n        }\n        currentRevision {\n          number\n          contentHash\n          drafts {\n            channel\n            body\n            length\n            limit\n            mediaUrls\n          }\n        }\n        evidence {\n          id\n          kind\n          summary\n          sourceUrl\n          addedBy {\n            name\n          }\n          ... on SurveyStat {\n            statistic\n            source\n          }\n        }\n        riskNotes {\n          category\n          likelihood\n          impact\n          score\n          severity\n          status\n          mitigation\n          author {\n            name\n          }\n        }\n        recommendation {\n          recommendation\n          rationale\n          current\n          by {\n            name\n          }\n        }\n        approvalSteps {\n          name\n          status\n          requiredApprovals\n          approvals\n          dueAt\n          eligibleApprovers {\n            name\n          }\n        }\n        decisions {\n          outcome\n          step\n          comment\n          stale\n          decidedAt\n          approver {\n            name\n          }\n        }\n        comments {\n          body\n          createdAt\n          author {\n            name\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Dossier($brandId: ID!) {\n  proposals(brandId: $brandId, first: 20) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        issue\n        state\n        urgency\n        stanceType\n        decisionDeadline\n        riskScore\n        riskMatrix\n        author {\n          name\n        }\n        currentRevision {\n          number\n          contentHash\n          drafts {\n            channel\n            body\n            length\n            limit\n            mediaUrls\n          }\n        }\n        evidence {\n          id\n          kind\n          summary\n          sourceUrl\n          addedBy {\n            name\n          }\n          ... on SurveyStat {\n            statistic\n            source\n          }\n        }\n        riskNotes {\n          category\n          likelihood\n          impact\n          score\n          severity\n          status\n          mitigation\n          author {\n            name\n          }\n        }\n        recommendation {\n          recommendation\n          rationale\n          current\n          by {\n            name\n          }\n        }\n        approvalSteps {\n          name\n          status\n          requiredApprovals\n          approvals\n          dueAt\n          eligibleApprovers {\n            name\n          }\n        }\n        decisions {\n          outcome\n          step\n          comment\n          stale\n          decidedAt\n          approver {\n            name\n          }\n        }\n        comments {\n          body\n          createdAt\n          author {\n            name\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    user {\n      id\n      email\n    }\n  }\n}"): (typeof documents)["mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    user {\n      id\n      email\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProposalToDecide($id: ID!) {\n  proposal(id: $id) {\n    title\n    state\n    currentRevision {\n      contentHash\n      drafts {\n        channel\n        body\n      }\n    }\n    recommendation {\n      recommendation\n      rationale\n    }\n  }\n}"): (typeof documents)["query ProposalToDecide($id: ID!) {\n  proposal(id: $id) {\n    title\n    state\n    currentRevision {\n      contentHash\n      drafts {\n        channel\n        body\n      }\n    }\n    recommendation {\n      recommendation\n      rationale\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRecommendation($input: SetRecommendationInput!) {\n  setRecommendation(input: $input) {\n    recommendation {\n      recommendation\n      revisionNumber\n      current\n    }\n  }\n}"): (typeof documents)["mutation SetRecommendation($input: SetRecommendationInput!) {\n  setRecommendation(input: $input) {\n    recommendation {\n      recommendation\n      revisionNumber\n      current\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitProposal($proposalId: ID!) {\n  submitProposal(proposalId: $proposalId) {\n    __typename\n    ... on Proposal {\n      state\n    }\n    ... on IncompleteProposalError {\n      missing\n    }\n    ... on ErrorResult {\n      errorCode\n      message\n    }\n  }\n}"): (typeof documents)["mutation SubmitProposal($proposalId: ID!) {\n  submitProposal(proposalId: $proposalId) {\n    __typename\n    ... on Proposal {\n      state\n    }\n    ... on IncompleteProposalError {\n      missing\n    }\n    ... on ErrorResult {\n      errorCode\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    id\n    email\n    name\n    memberships {\n      roles\n      brand {\n        id\n        slug\n      }\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    id\n    email\n    name\n    memberships {\n      roles\n      brand {\n        id\n        slug\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;