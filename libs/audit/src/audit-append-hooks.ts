import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { AuditEventEntity } from './audit-event.entity';

/**
 * Runs inside the transaction that appends the event, so what it writes (an outbox row) exists if
 * and only if the change does; a throw rolls the change back.
 */
export type AuditAppendHook = (ctx: RequestContext, event: AuditEventEntity) => Promise<void>;

/**
 * Extension points for the features that follow every change (the webhooks), so that they need
 * not be called from each service that records one.
 */
@Injectable()
export class AuditAppendHooks {
  private readonly hooks: AuditAppendHook[] = [];

  onAppended(hook: AuditAppendHook): void {
    this.hooks.push(hook);
  }

  async appended(ctx: RequestContext, event: AuditEventEntity): Promise<void> {
    for (const hook of this.hooks) await hook(ctx, event);
  }
}
