// The account page's public surface; other features import only from here.
export * from './account-emails.module';
export * from './account-page.module';
export * from './account-worker.module';
