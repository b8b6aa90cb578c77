// The approval workflow's public surface; other features import only from here.
export * from './approval.errors';
export * from './approval-step.entity';
export * from './approvals-api.module';
export * from './approvals-worker.module';
export * from './approvals.loaders';
export * from './deadlines.service';
export * from './approvals.module';
export * from './decision-passkeys';
export * from './decisions.service';
export * from './dossier-facts';
export * from './models/decide-result';
export * from './rules';
export * from './step-deciders';
export type { Activation } from './approval-facts';
