/**
 * Whether a decision link may still act, and if not, why: the page shows a plain notice for each
 * reason instead of the form. Plain facts in, no framework.
 */
export enum LinkStanding {
  OPEN = 'OPEN',
  /** A decision was already recorded with it. */
  USED = 'USED',
  /** The proposal is no longer in review (decided, withdrawn, expired). */
  REVIEW_OVER = 'REVIEW_OVER',
  /** The words changed since the email: a newer version was sent. */
  SUPERSEDED = 'SUPERSEDED',
  EXPIRED = 'EXPIRED',
  /** The link's step is not the one awaiting a decision any more. */
  STEP_CLOSED = 'STEP_CLOSED',
}

export interface LinkFacts {
  usedAt: Date | null;
  expiresAt: Date;
  now: Date;
  /** The revision and content hash the email showed. */
  link: { revisionId: string; contentHash: string };
  /** The proposal's current revision. */
  current: { revisionId: string; contentHash: string };
  proposalInReview: boolean;
  /** The link's step is the active (or blocked) step of the current review round. */
  stepAwaitsDecision: boolean;
}

/** The first reason that stops the link, in the order most useful to the approver. */
export function linkStanding(facts: LinkFacts): LinkStanding {
  if (facts.usedAt) return LinkStanding.USED;
  if (!facts.proposalInReview) return LinkStanding.REVIEW_OVER;
  if (
    facts.link.revisionId !== facts.current.revisionId ||
    facts.link.contentHash !== facts.current.contentHash
  ) {
    return LinkStanding.SUPERSEDED;
  }
  if (facts.expiresAt.getTime() <= facts.now.getTime()) return LinkStanding.EXPIRED;
  if (!facts.stepAwaitsDecision) return LinkStanding.STEP_CLOSED;
  return LinkStanding.OPEN;
}
