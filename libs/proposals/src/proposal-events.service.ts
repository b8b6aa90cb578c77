import { Injectable } from '@nestjs/common';
import { AuditEventBus } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { pushIterator, renewRequestContext } from '@standpoint/graphql';
import { canSeeBrand } from '@standpoint/identity';
import { GraphQLError } from 'graphql';
import { ProposalEventModel } from './models/proposal-event.model';
import { ProposalModel } from './models/proposal.model';
import { ProposalChange, proposalChange } from './proposal-change';
import { ProposalAccess } from './proposal-access';

/**
 * The live updates of a brand's proposals: every committed audit event that concerns a proposal,
 * as it is published on the audit event bus (so never one of a change that was rolled back).
 */
@Injectable()
export class ProposalEventsService {
  constructor(
    private readonly bus: AuditEventBus,
    private readonly access: ProposalAccess,
  ) {}

  /** The brand's proposal changes from now on; a brand the viewer has no part in is NOT_FOUND. */
  listen(ctx: RequestContext, brandId: string): AsyncIterableIterator<ProposalChange> {
    if (!canSeeBrand(ctx, brandId)) throw DomainError.notFound('Brand');
    return pushIterator<ProposalChange>((push) =>
      this.bus.subscribe(brandId, (event) => {
        const change = proposalChange(event);
        if (change) push(change);
      }),
    );
  }

  /**
   * One change as the subscriber sees it: the proposal read now, with the subscriber's own access,
   * in a request context of its own (see renewRequestContext).
   */
  async resolve(graphqlContext: unknown, change: ProposalChange): Promise<ProposalEventModel> {
    try {
      const ctx = await renewRequestContext(graphqlContext);
      const proposal = await this.access.forReading(ctx, change.proposalId);
      return Object.assign(new ProposalEventModel(), {
        proposal: ProposalModel.from(proposal),
        action: change.action,
        at: change.at,
      });
    } catch (error) {
      // This resolver runs outside Nest's pipeline, so its domain errors get their code here.
      if (error instanceof DomainError)
        throw new GraphQLError(error.message, { extensions: { code: error.code } });
      throw error;
    }
  }
}
