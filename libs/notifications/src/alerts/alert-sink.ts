import { RequestContext } from '@standpoint/database';
import { Alert } from './alert';

/**
 * Where an alert goes (email, a chat): each sink renders it its own way and queues it in the
 * caller's transaction. A new chat is a new sink, listed in AdminAlerts or registered with it.
 */
export interface AlertSink {
  queue(ctx: RequestContext, alert: Alert, adminIds: readonly string[]): Promise<void>;
}
