import { AuditEventInput } from '@standpoint/audit';

/** The audit event of a change to a proposal itself: entity Proposal, in the proposal's brand. */
export function proposalAuditEvent(
  proposal: { id: string; brandId: string },
  action: string,
  data: Record<string, unknown>,
): AuditEventInput {
  return { brandId: proposal.brandId, action, entityType: 'Proposal', entityId: proposal.id, data };
}
