import { CardContent, formatDateTime, humanize } from '@standpoint/notifications';

/** A card is read by a whole channel, each on their own clock: its times are in UTC, named. */
const CARD_TIME_ZONE = 'UTC';

/** What an approval card tells of its proposal; the link goes to its record, never to a decision. */
export interface CardProposal {
  brandName: string;
  title: string;
  urgency: string;
  decisionDeadline: Date | null;
  url: string;
}

function proposalFacts(proposal: CardProposal): CardContent['facts'] {
  return [
    { title: 'Urgency', value: humanize(proposal.urgency) },
    {
      title: 'Decision deadline',
      value: proposal.decisionDeadline
        ? formatDateTime(proposal.decisionDeadline, CARD_TIME_ZONE)
        : 'None set',
    },
  ];
}

function recordLink(proposal: CardProposal): CardContent['link'] {
  return { title: 'Open the proposal', url: proposal.url };
}

/** A step became active: its approvers are asked (they decide on the decision page they are emailed). */
export function approvalRequestCard(
  proposal: CardProposal,
  step: { name: string; dueAt: Date | null },
): CardContent {
  return {
    title: `Approval requested: ${proposal.title}`,
    subtitle: `${proposal.brandName} · step ${step.name}`,
    tone: 'warning',
    facts: [
      { title: 'Step', value: step.name },
      {
        title: 'Step due',
        value: step.dueAt ? formatDateTime(step.dueAt, CARD_TIME_ZONE) : 'No deadline',
      },
      ...proposalFacts(proposal),
    ],
    text: "The step's approvers have each been emailed a link to decide on the exact words.",
    link: recordLink(proposal),
  };
}

export type CardOutcome = 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED' | 'EXPIRED';

const OUTCOME_WORDS: Record<CardOutcome, { title: string; tone: CardContent['tone'] }> = {
  APPROVED: { title: 'Approved', tone: 'good' },
  REJECTED: { title: 'Rejected', tone: 'attention' },
  CHANGES_REQUESTED: { title: 'Changes requested', tone: 'warning' },
  EXPIRED: { title: 'Expired', tone: 'attention' },
};

/** How the review of a proposal ended (or was sent back), on which step, by whom. */
export function outcomeCard(
  proposal: CardProposal,
  outcome: CardOutcome,
  details: { step: string; by: string | null; comment: string | null },
): CardContent {
  const words = OUTCOME_WORDS[outcome];
  return {
    title: `${words.title}: ${proposal.title}`,
    subtitle: `${proposal.brandName} · step ${details.step}`,
    tone: words.tone,
    facts: [
      { title: 'Outcome', value: words.title },
      { title: 'Step', value: details.step },
      ...(details.by ? [{ title: 'Decided by', value: details.by }] : []),
      ...proposalFacts(proposal),
    ],
    ...(details.comment && { text: details.comment }),
    link: recordLink(proposal),
  };
}
