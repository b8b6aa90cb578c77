// The decision page's public surface; other features import only from here.
export * from './decision-page.module';
export * from './anti-forgery';
