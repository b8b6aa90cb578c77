// The notifications feature's public surface; other features import only from here.
export * from './notifications.module';
export * from './outbox-message.entity';
export * from './outbox.service';
