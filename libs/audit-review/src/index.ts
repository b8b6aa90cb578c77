// The audit review feature's public surface.
export * from './audit-review.module';
export * from './audit-review.service';
