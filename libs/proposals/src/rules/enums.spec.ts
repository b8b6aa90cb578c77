import * as enums from './enums';

// The members of the contract's enums (shared/contract/schema.graphql), written out again so that
// a renamed or dropped member fails here before it breaks the contract check.
const EXPECTED: Record<string, string[]> = {
  Channel: ['X', 'INSTAGRAM', 'FACEBOOK', 'LINKEDIN', 'TIKTOK', 'THREADS', 'BLUESKY'],
  ProposalState: [
    'DRAFT',
    'IN_REVIEW',
    'CHANGES_REQUESTED',
    'APPROVED',
    'REJECTED',
    'EXPIRED',
    'SCHEDULED',
    'PUBLISHED',
    'WITHDRAWN',
    'RETRACTED',
  ],
  Urgency: ['ROUTINE', 'ELEVATED', 'CRISIS'],
  StanceType: [
    'STATEMENT',
    'DONATION',
    'ACTION_ANNOUNCEMENT',
    'CAMPAIGN_PAUSE',
    'RESPONSE',
    'NO_PUBLIC_STATEMENT',
  ],
  EvidenceKind: [
    'LISTENING_SNAPSHOT',
    'AUDIENCE_COMMENT',
    'SURVEY_STAT',
    'PEER_BRAND_EXAMPLE',
    'EMPLOYEE_SENTIMENT',
    'NEWS_COVERAGE',
    'POST_PUBLISH_REACTION',
  ],
  PeerReception: ['PRAISED', 'MIXED', 'CRITICIZED', 'CALLED_OUT_PERFORMATIVE', 'BOYCOTTED'],
  RiskCategory: [
    'BACKLASH',
    'PERFORMATIVE_ALLYSHIP',
    'BRAND_INCONSISTENCY',
    'LEGAL_REGULATORY',
    'EMPLOYEE_RELATIONS',
    'SILENCE_RISK',
    'MISINFORMATION',
    'SAFETY',
    'OTHER',
  ],
  Severity: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'],
  RiskStatus: ['OPEN', 'MITIGATED', 'ACCEPTED'],
  Recommendation: ['PROCEED', 'PROCEED_WITH_CHANGES', 'HOLD', 'DO_NOT_POST'],
  EvidenceStatus: ['ACTIVE', 'CORRECTED', 'WITHDRAWN'],
};

describe('enums', () => {
  it('are exactly the expected enums', () => {
    expect(Object.keys(enums).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    '%s has the contract members, each valued by its name',
    (name, members) => {
      const values = enums[name as keyof typeof enums] as Record<string, string>;
      expect(Object.keys(values)).toEqual(members);
      for (const [key, value] of Object.entries(values)) expect(value).toBe(key);
    },
  );
});
