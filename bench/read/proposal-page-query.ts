/**
 * The read the bench measures: a page of a brand's proposals as a review screen shows it, with the
 * current drafts and their length against the channel's limit, the evidence, the risk notes and
 * the approval steps. Both servers answer it; their answers must be the same, byte for byte.
 */
export const PROPOSAL_PAGE_QUERY = /* GraphQL */ `
  query ProposalPage($brandId: ID!, $first: Int!) {
    proposals(brandId: $brandId, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          issue
          state
          urgency
          version
          updatedAt
          currentRevision {
            number
            contentHash
            drafts {
              channel
              body
              length
              limit
            }
          }
          evidence {
            __typename
            id
            kind
            summary
            status
            createdAt
            ... on SurveyStat {
              statistic
              source
            }
          }
          riskNotes {
            id
            category
            likelihood
            impact
            score
            severity
            description
            mitigation
            status
          }
          approvalSteps {
            name
            order
            status
            requiredApprovals
            approvals
            dueAt
            escalated
          }
        }
      }
    }
  }
`;
