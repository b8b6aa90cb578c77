import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { AuditEventBus, AuditEventListener, CommittedAuditEvent } from './audit-event-bus';

/** The audit event bus of one process: listeners by brand, called synchronously on publish. */
@Injectable()
export class InProcessAuditEventBus extends AuditEventBus {
  private readonly listeners = new Map<string, Set<AuditEventListener>>();
  private readonly logger = new Logger('AuditEventBus');

  announce(ctx: RequestContext, event: CommittedAuditEvent): Promise<void> {
    ctx.afterCommit(() => this.publish(event));
    return Promise.resolve();
  }

  publish(event: CommittedAuditEvent): void {
    for (const listener of [...(this.listeners.get(event.brandId) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener must not keep the event from the others.
        this.logger.error(
          `A listener failed on ${event.action} ${event.entityId}: ${
            error instanceof Error ? (error.stack ?? error.message) : String(error)
          }`,
        );
      }
    }
  }

  subscribe(brandId: string, listener: AuditEventListener): () => void {
    let brandListeners = this.listeners.get(brandId);
    if (!brandListeners) {
      brandListeners = new Set();
      this.listeners.set(brandId, brandListeners);
    }
    // Each subscription is its own entry, even for a listener function given twice.
    const entry: AuditEventListener = (event) => listener(event);
    brandListeners.add(entry);
    return () => {
      brandListeners.delete(entry);
      if (brandListeners.size === 0 && this.listeners.get(brandId) === brandListeners) {
        this.listeners.delete(brandId);
      }
    };
  }

  /** A listener hears of every event published after it subscribed. */
  ready(): Promise<void> {
    return Promise.resolve();
  }

  listenerCount(brandId: string): number {
    return this.listeners.get(brandId)?.size ?? 0;
  }
}
