// The notifications feature's public surface; other features import only from here.
export * from './decision-link-token.entity';
export * from './decision-link.entity';
export * from './decision-links.service';
export * from './notifications.module';
export * from './outbox-message.entity';
export * from './outbox-transport';
export * from './outbox.service';
export * from './emails';
export * from './webhook-endpoint.entity';
export * from './webhook-events';
export * from './webhook-signature';
export * from './webhook-targets';
export * from './webhook.transport';
export * from './webhooks-api.module';
export * from './webhooks.module';
export * from './notifications-worker.module';
export * from './outbox-api.module';
