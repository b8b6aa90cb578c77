/** What an audit event says, as far as the live updates need it. */
export interface AuditedChange {
  action: string;
  entityType: string;
  entityId: string;
  at: Date;
  data: Record<string, unknown>;
}

/** A change to one proposal: what the `proposalEvents` subscription sends. */
export interface ProposalChange {
  proposalId: string;
  action: string;
  at: Date;
}

/**
 * The proposal an audit event changed, if any: the proposal itself (`entityType` Proposal) or one
 * whose dossier it touched (`data.proposalId`: evidence, risk notes, comments and whatever later
 * features record against a proposal).
 */
export function proposalChange(event: AuditedChange): ProposalChange | undefined {
  const proposalId =
    event.entityType === 'Proposal'
      ? event.entityId
      : typeof event.data.proposalId === 'string' && event.data.proposalId !== ''
        ? event.data.proposalId
        : undefined;
  return proposalId ? { proposalId, action: event.action, at: event.at } : undefined;
}
