import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { OutboxService } from '@standpoint/notifications';
import { NoticeFacts } from './notice-facts';
import { wordsChangedEmail } from './emails';

/** A revision during review: the approvers already asked (as the event records) see what changed. */
@Injectable()
export class WordsChangedNotice {
  constructor(
    private readonly notices: NoticeFacts,
    private readonly outbox: OutboxService,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('proposal.revised', async (ctx, event, revised) => {
      const asked = event.data.review?.approversAsked;
      if (!asked) return;
      const { proposal, previous, revision } = revised;
      const emailProposal = await this.notices.proposalOf(ctx, proposal);
      const revisedByName = await this.notices.nameOf(ctx, revision.createdById);
      await this.outbox.emailMembers(ctx, {
        brandId: proposal.brandId,
        topic: 'words.changed',
        recipientUserIds: asked,
        payload: {
          proposalId: proposal.id,
          from: {
            revision: previous.number,
            contentHash: previous.contentHash,
            drafts: previous.drafts,
          },
          to: {
            revision: revision.number,
            contentHash: revision.contentHash,
            drafts: revision.drafts,
          },
        },
        render: (to) =>
          wordsChangedEmail(
            {
              proposal: emailProposal,
              revisedByName,
              from: { revisionNumber: previous.number, drafts: previous.drafts },
              to: { revisionNumber: revision.number, drafts: revision.drafts },
            },
            to,
          ),
      });
    });
  }
}
