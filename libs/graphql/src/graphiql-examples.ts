/**
 * What the development IDE opens with: the manual's own operations (docs/first-session.md,
 * docs/dossier.md), their variables and where the token goes. A test validates every operation
 * against the served schema, so the examples cannot drift from the API.
 */
export const GRAPHIQL_EXAMPLE_DOCUMENT = `# Standpoint's GraphQL IDE (development only). Run an operation with the ▶ button,
# which asks which one, or with Ctrl-Enter inside it.
#
# 1. Run SignIn with your email and password (in Variables, below).
# 2. Copy data.login.token from the answer into the Authorization header (in Headers, below):
#    "Bearer eyJhbGciOi…". The token is valid for 12 hours.
# 3. Run Viewer, then Proposals with a brandId from its answer, then Proposal with an id.
#
# The Docs button (top left) shows every type and field of the schema.

mutation SignIn($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    user {
      id
      email
    }
  }
}

query Viewer {
  viewer {
    id
    email
    name
    memberships {
      roles
      brand {
        id
        slug
      }
    }
  }
}

query Brands {
  brands {
    id
    name
    members {
      roles
      user {
        email
      }
    }
  }
}

query Proposals($brandId: ID!) {
  proposals(brandId: $brandId, first: 20) {
    totalCount
    edges {
      node {
        id
        title
        state
        urgency
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

query AwaitingMyDecision($brandId: ID!) {
  proposals(brandId: $brandId, filter: { awaitingMyDecision: true }) {
    edges {
      node {
        id
        title
        state
      }
    }
  }
}

query Proposal($id: ID!) {
  proposal(id: $id) {
    title
    state
    currentRevision {
      contentHash
      drafts {
        channel
        body
        length
        limit
      }
    }
    evidence {
      summary
      ... on SurveyStat {
        statistic
      }
    }
    riskScore
    riskMatrix
    recommendation {
      recommendation
      current
    }
    decisions {
      step
      outcome
      channel
      overridesRecommendation
      approver {
        email
      }
    }
  }
}

query IsApprovedContent($brandId: ID!, $body: String!) {
  isApprovedContent(brandId: $brandId, channel: X, body: $body)
}
`;

/** The variables of the operations above, with the first session's administrator. */
export const GRAPHIQL_EXAMPLE_VARIABLES = JSON.stringify(
  {
    email: 'admin@example.com',
    password: 'change-me-please',
    brandId: 'brd_… (a brand id from Viewer)',
    id: 'prp_… (a proposal id from Proposals)',
    body: 'Our stores close at noon on Friday so our teams can join the climate march.',
  },
  null,
  2,
);

/**
 * The headers every operation is sent with. `login` ignores a token it cannot read, so SignIn
 * runs with the placeholder still in place.
 */
export const GRAPHIQL_HEADERS_TEMPLATE = JSON.stringify(
  { Authorization: 'Bearer <paste the token SignIn answers>' },
  null,
  2,
);
