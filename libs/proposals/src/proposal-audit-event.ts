import { AUDIT_ENTITY_TYPES, AuditData, AuditEventInput, ProposalAction } from '@standpoint/events';

/** The audit event of a change to a proposal itself: entity Proposal, in the proposal's brand. */
export function proposalAuditEvent<A extends ProposalAction>(
  proposal: { id: string; brandId: string },
  action: A,
  data: AuditData<A>,
): AuditEventInput<A> {
  return {
    brandId: proposal.brandId,
    action,
    entityType: AUDIT_ENTITY_TYPES[action],
    entityId: proposal.id,
    data,
  };
}
