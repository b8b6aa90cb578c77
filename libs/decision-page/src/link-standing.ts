/**
 * Whether a decision link may still act, and if not, why: the page shows a plain notice for each
 * reason instead of the form. Plain facts in, no framework.
 */
export enum LinkStanding {
  OPEN = 'OPEN',
  /** A decision was already recorded with it. */
  USED = 'USED',
  /** Its approver was taken off the step (roles changed, removed, deactivated): it died then. */
  REVOKED = 'REVOKED',
  /** The proposal is no longer in review (decided, withdrawn, expired). */
  REVIEW_OVER = 'REVIEW_OVER',
  /** The words changed since the email: a newer version was sent. */
  SUPERSEDED = 'SUPERSEDED',
  /** Its approver wrote words of the proposal (a link issued before they revised, say). */
  WROTE_WORDS = 'WROTE_WORDS',
  EXPIRED = 'EXPIRED',
  /** The link's step is not the one awaiting a decision any more. */
  STEP_CLOSED = 'STEP_CLOSED',
  /** Its approver no longer holds a membership the step accepts (a role taken away, say). */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
}

export interface LinkFacts {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  now: Date;
  /** The revision and content hash the email showed. */
  link: { revisionId: string; contentHash: string };
  /** The proposal's current revision. */
  current: { revisionId: string; contentHash: string };
  proposalInReview: boolean;
  /** The link's step is the active (or blocked) step of the current review round, and asked them. */
  stepAwaitsDecision: boolean;
  /** The link's approver wrote words of the proposal: four eyes. */
  approverWroteWords: boolean;
  /** The link's approver may decide on the step now (mayDecideNow: asked, and still accepted). */
  approverEligibleNow: boolean;
}

/**
 * The first reason that stops the link, in the order most useful to the approver; from the
 * proposal's state on, it follows the refusal order of a decision (DESIGN.md).
 */
export function linkStanding(facts: LinkFacts): LinkStanding {
  if (facts.usedAt) return LinkStanding.USED;
  if (facts.revokedAt) return LinkStanding.REVOKED;
  if (!facts.proposalInReview) return LinkStanding.REVIEW_OVER;
  if (
    facts.link.revisionId !== facts.current.revisionId ||
    facts.link.contentHash !== facts.current.contentHash
  ) {
    return LinkStanding.SUPERSEDED;
  }
  if (facts.approverWroteWords) return LinkStanding.WROTE_WORDS;
  if (facts.expiresAt.getTime() <= facts.now.getTime()) return LinkStanding.EXPIRED;
  if (!facts.stepAwaitsDecision) return LinkStanding.STEP_CLOSED;
  if (!facts.approverEligibleNow) return LinkStanding.NOT_ELIGIBLE;
  return LinkStanding.OPEN;
}
