// The notifications feature's public surface; other features import only from here.
export * from './notifications.module';
export * from './outbox/outbox-message.entity';
export * from './outbox/outbox-transport';
export * from './outbox/outbox.service';
export * from './outbox/pending-message';
export * from './email/email-topic';
export * from './email/kit';
export * from './webhooks/webhook-endpoint.entity';
export * from './webhooks/webhook-events';
export * from './webhooks/webhook-signature';
export * from './webhooks/webhook-targets';
export * from './webhooks/webhook.transport';
export * from './webhooks/webhooks-api.module';
export * from './webhooks/webhooks.module';
export * from './notifications-worker.module';
export * from './outbox/outbox-api.module';
