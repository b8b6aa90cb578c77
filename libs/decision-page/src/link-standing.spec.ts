import { LinkFacts, LinkStanding, linkStanding } from './link-standing';

const NOW = new Date('2026-03-01T12:00:00Z');
const open: LinkFacts = {
  usedAt: null,
  revokedAt: null,
  expiresAt: new Date('2026-03-02T12:00:00Z'),
  now: NOW,
  link: { revisionId: 'rev_1', contentHash: 'a'.repeat(64) },
  current: { revisionId: 'rev_1', contentHash: 'a'.repeat(64) },
  proposalInReview: true,
  stepAwaitsDecision: true,
  approverWroteWords: false,
  approverEligibleNow: true,
};

describe('linkStanding', () => {
  it('is open for an unused, unexpired link on the current words and the active step', () => {
    expect(linkStanding(open)).toBe(LinkStanding.OPEN);
  });

  it.each<[string, Partial<LinkFacts>, LinkStanding]>([
    ['used', { usedAt: NOW }, LinkStanding.USED],
    // Even when its approver would be accepted again (re-added with the role): it died.
    ['revoked', { revokedAt: NOW }, LinkStanding.REVOKED],
    ['out of review', { proposalInReview: false }, LinkStanding.REVIEW_OVER],
    [
      'for another revision',
      { current: { revisionId: 'rev_2', contentHash: 'b'.repeat(64) } },
      LinkStanding.SUPERSEDED,
    ],
    [
      'for another content hash',
      { current: { revisionId: 'rev_1', contentHash: 'b'.repeat(64) } },
      LinkStanding.SUPERSEDED,
    ],
    ['expiring this very moment', { expiresAt: NOW }, LinkStanding.EXPIRED],
    ['for a step that is over', { stepAwaitsDecision: false }, LinkStanding.STEP_CLOSED],
    [
      'of someone who wrote words of the proposal',
      { approverWroteWords: true },
      LinkStanding.WROTE_WORDS,
    ],
    [
      'of someone the step no longer accepts',
      { approverEligibleNow: false },
      LinkStanding.NOT_ELIGIBLE,
    ],
  ])('stops a link %s', (_what, change, standing) => {
    expect(linkStanding({ ...open, ...change })).toBe(standing);
  });

  it('says a used link was used before anything else, and newer words before expiry', () => {
    const everything: LinkFacts = {
      ...open,
      usedAt: NOW,
      expiresAt: NOW,
      current: { revisionId: 'rev_2', contentHash: 'b'.repeat(64) },
      stepAwaitsDecision: false,
    };
    expect(linkStanding(everything)).toBe(LinkStanding.USED);
    expect(linkStanding({ ...everything, usedAt: null })).toBe(LinkStanding.SUPERSEDED);
  });

  it('follows the refusal order of a decision: the words changed, then four eyes, then eligibility', () => {
    const writer: LinkFacts = {
      ...open,
      expiresAt: NOW,
      stepAwaitsDecision: false,
      approverWroteWords: true,
      approverEligibleNow: false,
    };
    expect(linkStanding(writer)).toBe(LinkStanding.WROTE_WORDS);
    expect(
      linkStanding({ ...writer, current: { revisionId: 'rev_2', contentHash: 'b'.repeat(64) } }),
    ).toBe(LinkStanding.SUPERSEDED);
    expect(linkStanding({ ...writer, proposalInReview: false })).toBe(LinkStanding.REVIEW_OVER);
    const demoted: LinkFacts = { ...open, approverEligibleNow: false };
    expect(linkStanding(demoted)).toBe(LinkStanding.NOT_ELIGIBLE);
    expect(linkStanding({ ...demoted, stepAwaitsDecision: false })).toBe(LinkStanding.STEP_CLOSED);
  });
});
