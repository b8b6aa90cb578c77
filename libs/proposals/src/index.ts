// The proposals feature's public surface; other features import only from here.
export * from './demo-proposal';
export * from './evidence.entity';
export * from './recommendation.entity';
export * from './risk-note.entity';
export * from './models/evidence.model';
export * from './models/proposal-result';
export * from './models/proposal.model';
export * from './proposal-access';
export * from './proposal-audit-event';
export * from './proposal-child.entity';
export * from './proposal-hooks';
export * from './proposal.entity';
export * from './proposal.loaders';
export * from './proposals-api.module';
export * from './proposals.module';
export * from './revision.entity';
export * from './rules';
