import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { AdminAlerts } from './admin-alerts.service';

/**
 * The publishing tool was told a text is not approved words (isApprovedContent answered false):
 * the post may be going out, or have gone out, without approval. Raised once per recorded answer,
 * which the publication service already keeps to one per text and brand per window.
 */
@Injectable()
export class UnapprovedContentAlert {
  constructor(private readonly alerts: AdminAlerts) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('publication.unapproved_content_reported', async (ctx, event) => {
      const { channel, bodyHash } = event.data;
      await this.alerts.raise(ctx, {
        kind: 'UNAPPROVED_CONTENT',
        brandId: event.brandId,
        headline: `A ${channel} post was checked and is not approved words`,
        summary:
          'Your publishing tool asked whether a text is approved, and it is not the approved ' +
          'words of any proposal for this channel. If it was published, it was published without ' +
          'approval. The audit trail keeps the text’s hash, not the text.',
        facts: [
          ['Channel', channel],
          ['Text hash (SHA-256)', bodyHash],
          ['Asked by', event.actorLabel],
        ],
        link: null,
        payload: { channel, bodyHash, auditEventId: event.id },
      });
    });
  }
}
