// The Slack integration's framework-free rules: request signatures, Block Kit, the app manifest.
export * from './alert-message';
export * from './app-manifest';
export * from './approval-message';
export * from './block-kit';
export * from './decision-modal';
export * from './request-signature';
