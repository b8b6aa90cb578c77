import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { ProposalEntity } from './proposal.entity';
import { RevisionEntity } from './revision.entity';

export interface Revised {
  /** The proposal after the revision. */
  proposal: ProposalEntity;
  previous: RevisionEntity;
  revision: RevisionEntity;
}

/** What a later feature does when a proposal is revised; what it returns joins the audit event. */
export type RevisedHook = (
  ctx: RequestContext,
  revised: Revised,
) => Promise<Record<string, unknown>>;

/**
 * Extension points of the proposal workflow for the features built on it (the approval workflow
 * restarts its steps on a revision), run inside the change's transaction.
 */
@Injectable()
export class ProposalHooks {
  private readonly revisedHooks: RevisedHook[] = [];

  onRevised(hook: RevisedHook): void {
    this.revisedHooks.push(hook);
  }

  async revised(ctx: RequestContext, revised: Revised): Promise<Record<string, unknown>> {
    let data: Record<string, unknown> = {};
    for (const hook of this.revisedHooks) data = { ...data, ...(await hook(ctx, revised)) };
    return data;
  }
}
