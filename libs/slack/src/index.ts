// The Slack integration's public surface; other features import only from here.
export * from './slack.module';
export * from './slack-api.module';
export * from './slack-outbox.service';
export * from './slack-workspace.entity';
export * from './slack-message.entity';
export * from './slack-user-link.entity';
export * from './rules';
